-- The ledger's id: its keys and signed checkpoints are kept outside the database, in Stroma's home, under this id.
ALTER TABLE audit_head ADD COLUMN ledger text NOT NULL DEFAULT gen_random_uuid()::text;
