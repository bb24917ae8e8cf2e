package org.stroma.protocol;

/** The event a time frame counts from. */
public enum TimeAnchor implements Coded {
    RANDOMIZATION("randomization"),
    ENROLLMENT("enrollment"),
    FIRST_ADMINISTRATION("first administration"),
    LAST_ADMINISTRATION("last administration"),
    PROCEDURE("procedure"),
    BIRTH("birth");

    private final String label;

    TimeAnchor(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
