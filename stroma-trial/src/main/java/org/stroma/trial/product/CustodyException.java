package org.stroma.trial.product;

import org.stroma.trial.refusal.ConflictException;

/** An event the chain of custody refuses, with the reason; the refusal itself is recorded in the ledger. */
public class CustodyException extends ConflictException {
    private static final long serialVersionUID = 1L;

    public CustodyException(String message) {
        super(message);
    }
}
