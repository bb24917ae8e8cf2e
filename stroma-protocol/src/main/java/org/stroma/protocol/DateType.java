package org.stroma.protocol;

/** Whether a registry date has happened or is planned. */
public enum DateType implements Coded {
    ACTUAL("Actual"),
    ESTIMATED("Estimated");

    private final String label;

    DateType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
