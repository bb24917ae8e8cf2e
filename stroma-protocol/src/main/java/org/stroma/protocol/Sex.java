package org.stroma.protocol;

/** Sexes eligible for the study. */
public enum Sex implements Coded {
    ALL("All"),
    FEMALE("Female"),
    MALE("Male");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
