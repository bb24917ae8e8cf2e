package org.stroma.protocol;

/** Route of administration. */
public enum Route implements Coded {
    INTRAVENOUS("intravenous"),
    INTRAMYOCARDIAL("intramyocardial"),
    INTRACORONARY("intracoronary"),
    INTRA_ARTERIAL("intra-arterial"),
    INTRATHECAL("intrathecal"),
    INTRAMUSCULAR("intramuscular"),
    SUBCUTANEOUS("subcutaneous"),
    INTRADERMAL("intradermal"),
    INTRA_ARTICULAR("intra-articular"),
    INTRADISCAL("intradiscal"),
    INTRAVITREAL("intravitreal"),
    INTRANASAL("intranasal"),
    INHALATION("inhalation"),
    INTRATRACHEAL("intratracheal"),
    INTRAPERITONEAL("intraperitoneal"),
    INTRALESIONAL("intralesional"),
    INTRACEREBRAL("intracerebral"),
    INTRAOSSEOUS("intraosseous"),
    INTRAPORTAL("intraportal"),
    TOPICAL("topical"),
    ORAL("oral");

    private final String label;

    Route(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
