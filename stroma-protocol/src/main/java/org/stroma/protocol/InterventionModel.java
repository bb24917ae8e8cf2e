package org.stroma.protocol;

/** Strategy for assigning interventions to participants. */
public enum InterventionModel implements Coded {
    SINGLE_GROUP("Single Group Assignment"),
    PARALLEL("Parallel Assignment"),
    CROSSOVER("Crossover Assignment"),
    FACTORIAL("Factorial Assignment"),
    SEQUENTIAL("Sequential Assignment");

    private final String label;

    InterventionModel(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
