package org.stroma.protocol;

/** The tissue a cell product is derived from. */
public enum Tissue implements Coded {
    BONE_MARROW("bone marrow"),
    UMBILICAL_CORD("umbilical cord"),
    WHARTONS_JELLY("Wharton's jelly"),
    CORD_BLOOD("umbilical cord blood"),
    ADIPOSE("adipose tissue"),
    PLACENTA("placenta"),
    AMNION("amniotic membrane or fluid"),
    DENTAL_PULP("dental pulp"),
    MENSTRUAL_BLOOD("menstrual blood"),
    PERIPHERAL_BLOOD("peripheral blood"),
    HEART("cardiac tissue"),
    SKIN("skin"),
    SYNOVIUM("synovium");

    private final String label;

    Tissue(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
