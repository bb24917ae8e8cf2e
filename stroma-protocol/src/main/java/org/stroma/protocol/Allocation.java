package org.stroma.protocol;

/** How participants are assigned to arms. */
public enum Allocation implements Coded {
    RANDOMIZED("Randomized"),
    NON_RANDOMIZED("Non-Randomized"),
    NA("N/A");

    private final String label;

    Allocation(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
