package org.stroma.protocol;

/** Role of an arm in the design. */
public enum ArmType implements Coded {
    EXPERIMENTAL("Experimental"),
    ACTIVE_COMPARATOR("Active Comparator"),
    PLACEBO_COMPARATOR("Placebo Comparator"),
    SHAM_COMPARATOR("Sham Comparator"),
    NO_INTERVENTION("No Intervention"),
    OTHER("Other");

    private final String label;

    ArmType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
