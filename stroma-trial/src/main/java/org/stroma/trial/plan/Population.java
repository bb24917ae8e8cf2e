package org.stroma.trial.plan;

/** Who an analysis counts, and in which arm. */
public enum Population {
    INTENTION_TO_TREAT("every randomized subject, in the arm allocated, whatever was received"),
    PER_PROTOCOL("randomized subjects treated as allocated, without a major protocol deviation"),
    SAFETY("every subject who received any product (cells or placebo), in the arm received"),
    ALL_TREATED("every subject who received the product (a single-group trial)");

    private final String definition;

    Population(String definition) {
        this.definition = definition;
    }

    public String definition() {
        return definition;
    }
}
