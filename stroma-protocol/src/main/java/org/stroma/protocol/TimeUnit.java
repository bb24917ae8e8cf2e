package org.stroma.protocol;

/** Unit of a time offset or an age. */
public enum TimeUnit implements Coded {
    MINUTE("minutes"),
    HOUR("hours"),
    DAY("days"),
    WEEK("weeks"),
    MONTH("months"),
    YEAR("years");

    private final String label;

    TimeUnit(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
