-- Rules 4: a trial's event forms (a relapse, recorded when it happens) are only those its outcomes or conditions call
-- for, no longer the relapse form in every trial. Events written under rules 2 and 3 are still replayed: a study begun
-- under them keeps the relapse form at its unscheduled visit, where its data may have been saved.
ALTER TABLE conduct_event ALTER COLUMN rules SET DEFAULT 4;
