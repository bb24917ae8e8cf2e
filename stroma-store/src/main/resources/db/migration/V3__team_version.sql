-- A study's team carries its version: every role given or taken away moves it on, and a change made from an older
-- version is refused, naming who changed the team last and when, so that two administrators never undo each other.
ALTER TABLE study ADD COLUMN team_version integer NOT NULL DEFAULT 0;
ALTER TABLE study ADD COLUMN team_changed_by text;
ALTER TABLE study ADD COLUMN team_changed_at timestamptz;
