package org.stroma.trial.capture;

/**
 * Where a form stands in the data's review, with the names and colours an EDC user knows: nothing saved; saved with a
 * query not yet closed; saved and settled but not yet verified against the source; verified at its current version;
 * locked (the form itself or its subject's whole casebook).
 */
public enum FormState { NOT_STARTED, INCOMPLETE, UNVERIFIED, COMPLETE, LOCKED }
