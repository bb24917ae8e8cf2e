-- A change the trial refused (a wrong product at the bedside) changes nothing, but the attempt stays on record.
ALTER TABLE audit_ledger DROP CONSTRAINT audit_ledger_action_check;
ALTER TABLE audit_ledger ADD CONSTRAINT audit_ledger_action_check
    CHECK (action IN ('create', 'change', 'delete', 'refuse'));
