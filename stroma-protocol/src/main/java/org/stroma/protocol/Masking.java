package org.stroma.protocol;

/** Masking level: how many of the four parties are masked. */
public enum Masking implements Coded {
    NONE("None (Open Label)"),
    SINGLE("Single"),
    DOUBLE("Double"),
    TRIPLE("Triple"),
    QUADRUPLE("Quadruple");

    private final String label;

    Masking(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
