-- Studies and the versions of their protocol: a registry record is imported as a version, reviewed (its inferred and
-- missing fields looked at by a person), then published; the trial runs on its latest published version.
CREATE TABLE study (
    id          text        PRIMARY KEY,
    title       text        NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  text        NOT NULL
);

CREATE TABLE protocol_version (
    study_id      text        NOT NULL REFERENCES study (id),
    version       integer     NOT NULL CHECK (version > 0),
    state         text        NOT NULL CHECK (state IN ('imported', 'reviewed', 'published')),
    protocol      jsonb       NOT NULL,
    import_report jsonb       NOT NULL,
    imported_at   timestamptz NOT NULL,
    imported_by   text        NOT NULL,
    reviewed_by   text,
    published_by  text,
    PRIMARY KEY (study_id, version)
);

CREATE TABLE site (
    study_id  text NOT NULL REFERENCES study (id),
    name      text NOT NULL,
    PRIMARY KEY (study_id, name)
);

-- People who sign in. Passwords are kept only as bcrypt hashes.
CREATE TABLE app_user (
    username        text        PRIMARY KEY,
    display_name    text        NOT NULL,
    password_hash   text        NOT NULL,
    creates_studies boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL
);

-- A role in one study, at one site (site staff) or at all of them (site is null: the sponsor's roles, the lab, the DSMB).
CREATE TABLE membership (
    username  text NOT NULL REFERENCES app_user (username),
    study_id  text NOT NULL REFERENCES study (id),
    role      text NOT NULL,
    site      text,
    UNIQUE NULLS NOT DISTINCT (username, study_id, role, site)
);

-- Sessions are found by the SHA-256 of their token; the token itself is only in the person's cookie.
CREATE TABLE user_session (
    token_hash  text        PRIMARY KEY,
    username    text        NOT NULL REFERENCES app_user (username),
    csrf_token  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    last_seen   timestamptz NOT NULL
);

CREATE TABLE login_attempt (
    username   text        NOT NULL,
    at         timestamptz NOT NULL,
    succeeded  boolean     NOT NULL
);
CREATE INDEX login_attempt_by_user ON login_attempt (username, at);

-- The conduct of each study as the events that made it, in order: the trial is rebuilt from them at start. Each
-- event's row is written with its audit row, in one transaction.
CREATE TABLE conduct_event (
    study_id  text        NOT NULL REFERENCES study (id),
    seq       integer     NOT NULL,
    kind      text        NOT NULL,
    subject   text,
    payload   jsonb       NOT NULL,
    actor     text        NOT NULL,
    at        timestamptz NOT NULL,
    PRIMARY KEY (study_id, seq)
);

-- What the events made, kept as tables to query: subjects, and their allocations (whose constraints make a duplicate
-- place in a stratum's list, or a second allocation of a subject, impossible whatever the application does).
CREATE TABLE subject (
    study_id  text NOT NULL REFERENCES study (id),
    id        text NOT NULL,
    site      text NOT NULL,
    state     text NOT NULL,
    PRIMARY KEY (study_id, id)
);

CREATE TABLE allocation (
    study_id  text        NOT NULL REFERENCES study (id),
    subject   text        NOT NULL,
    stratum   text        NOT NULL,
    number    integer     NOT NULL CHECK (number > 0),
    grp       text        NOT NULL,
    kit_code  text        NOT NULL,
    at        timestamptz NOT NULL,
    PRIMARY KEY (study_id, subject),
    UNIQUE (study_id, stratum, number),
    UNIQUE (study_id, kit_code),
    FOREIGN KEY (study_id, subject) REFERENCES subject (study_id, id)
);
