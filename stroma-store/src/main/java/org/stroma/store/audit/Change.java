package org.stroma.store.audit;

/**
 * A change to study data, to be written to the ledger with the write that makes it: a creation (no old value), a
 * change (both), or a deletion (no new value). Values are canonical JSON, so that the hash over them is stable.
 */
public record Change(String action, String entity, String entityId, String oldValue, String newValue, String reason) {

    public static Change created(String entity, String id, String value) {
        return new Change("create", entity, id, null, value, null);
    }

    public static Change changed(String entity, String id, String before, String after, String reason) {
        return new Change("change", entity, id, before, after, reason);
    }

    public static Change deleted(String entity, String id, String before, String reason) {
        return new Change("delete", entity, id, before, null, reason);
    }
}
