package org.stroma.protocol;

/** Kind of study. */
public enum StudyType implements Coded {
    INTERVENTIONAL("Interventional"),
    OBSERVATIONAL("Observational"),
    EXPANDED_ACCESS("Expanded Access");

    private final String label;

    StudyType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
