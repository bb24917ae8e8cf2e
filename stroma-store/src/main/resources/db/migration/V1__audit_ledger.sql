-- The audit ledger: one row per create, change or delete of study data, written in the same transaction as the
-- change. Rows are chained: each carries a SHA-256 over its own content and the previous row's hash, so that a row
-- altered or removed behind the application's back breaks the chain (stroma audit verify).
CREATE TABLE audit_ledger (
    seq        bigint      PRIMARY KEY,
    at         timestamptz NOT NULL,
    actor      text        NOT NULL,
    action     text        NOT NULL CHECK (action IN ('create', 'change', 'delete')),
    entity     text        NOT NULL,
    entity_id  text        NOT NULL,
    old_value  text,
    new_value  text,
    reason     text,
    prev_hash  text        NOT NULL,
    hash       text        NOT NULL
);

CREATE INDEX audit_ledger_entity ON audit_ledger (entity, entity_id);

-- The head of the chain: the last sequence number and hash. Writers lock this row, so appends happen one at a time.
CREATE TABLE audit_head (
    id    boolean PRIMARY KEY DEFAULT true CHECK (id),
    seq   bigint  NOT NULL,
    hash  text    NOT NULL
);
INSERT INTO audit_head (seq, hash) VALUES (0, 'genesis');

-- The database itself refuses to change or remove a ledger row, whoever asks.
CREATE FUNCTION audit_ledger_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit ledger is append-only: % refused', TG_OP
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_ledger_no_update_or_delete
    BEFORE UPDATE OR DELETE ON audit_ledger
    FOR EACH ROW EXECUTE FUNCTION audit_ledger_refuse();

CREATE TRIGGER audit_ledger_no_truncate
    BEFORE TRUNCATE ON audit_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION audit_ledger_refuse();
