package org.stroma.protocol;

/** Whose cells: the patient's own, or a donor's. */
public enum ProductSource implements Coded {
    AUTOLOGOUS("autologous"),
    ALLOGENEIC("allogeneic");

    private final String label;

    ProductSource(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
