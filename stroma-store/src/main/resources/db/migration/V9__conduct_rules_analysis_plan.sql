-- Rules 3: the data of a study are locked only once its statistician has signed the analysis plan, which the lock
-- freezes. Events written under rules 2 are still replayed: a study begun under them had no plan to sign, so it is
-- rebuilt without one (its lock stands as it was recorded), and its report derives the plan from the protocol.
ALTER TABLE conduct_event ALTER COLUMN rules SET DEFAULT 3;
