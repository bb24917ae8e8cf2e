package org.stroma.protocol;

/** How a field's value was obtained. */
public enum Certainty implements Coded {
    READ("read"),
    INFERRED("inferred"),
    MISSING("missing");

    private final String label;

    Certainty(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
