package org.stroma.protocol;

/** Kind of intervention. */
public enum InterventionType implements Coded {
    DRUG("Drug"),
    BIOLOGICAL("Biological"),
    DEVICE("Device"),
    PROCEDURE("Procedure"),
    BEHAVIORAL("Behavioral"),
    GENETIC("Genetic"),
    RADIATION("Radiation"),
    DIETARY_SUPPLEMENT("Dietary Supplement"),
    COMBINATION_PRODUCT("Combination Product"),
    DIAGNOSTIC_TEST("Diagnostic Test"),
    OTHER("Other");

    private final String label;

    InterventionType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
