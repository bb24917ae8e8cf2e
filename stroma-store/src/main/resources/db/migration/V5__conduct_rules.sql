-- The rules a conduct event was written under. A trial is rebuilt by replaying its events through the domain's rules;
-- events written under older rules (before versions, consents, eligibility reviews and the masked timeline) could be
-- refused or, worse, replayed into something else, so a study holding any is not rebuilt: Stroma says so instead.
ALTER TABLE conduct_event ADD COLUMN rules integer NOT NULL DEFAULT 1;
ALTER TABLE conduct_event ALTER COLUMN rules SET DEFAULT 2;
