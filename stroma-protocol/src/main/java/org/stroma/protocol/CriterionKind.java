package org.stroma.protocol;

/** Whether a criterion must hold (inclusion) or must not (exclusion). */
public enum CriterionKind implements Coded {
    INCLUSION("Inclusion"),
    EXCLUSION("Exclusion");

    private final String label;

    CriterionKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
