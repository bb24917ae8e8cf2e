package org.stroma.trial.product;

/**
 * One line of the custody ledger, in the order written: an event accepted for a product, or one refused (with the
 * reason), which is kept as well — a refused bedside check is as much a part of the record as a passed one.
 */
public record LedgerEntry(long sequence, String productId, CustodyEvent event, String refusal) {
    public boolean accepted() {
        return refusal == null;
    }
}
