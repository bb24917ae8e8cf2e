-- Failed sign-ins are counted per user name and per address they came from, so that a stranger's guesses slow down
-- the stranger and not the person whose name they typed; a person sees their sessions by where they were opened.
ALTER TABLE login_attempt ADD COLUMN source text NOT NULL DEFAULT '';
CREATE INDEX login_attempt_by_user_and_source ON login_attempt (username, source, at);
ALTER TABLE user_session ADD COLUMN source text NOT NULL DEFAULT '';
CREATE INDEX user_session_by_user ON user_session (username);
