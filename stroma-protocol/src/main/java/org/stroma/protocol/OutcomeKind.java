package org.stroma.protocol;

/** Whether an outcome measure is primary, secondary or other pre-specified. */
public enum OutcomeKind implements Coded {
    PRIMARY("Primary"),
    SECONDARY("Secondary"),
    OTHER("Other Pre-specified");

    private final String label;

    OutcomeKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
