package org.stroma.protocol;

/** How a publication relates to the study. */
public enum ReferenceType implements Coded {
    BACKGROUND("background"),
    RESULT("result"),
    DERIVED("derived");

    private final String label;

    ReferenceType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
