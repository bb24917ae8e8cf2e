package org.stroma.protocol;

/** The kind of cells a cell-therapy product contains. */
public enum CellType implements Coded {
    MESENCHYMAL_STROMAL("mesenchymal stromal cells"),
    MONONUCLEAR("mononuclear cells"),
    HEMATOPOIETIC_PROGENITOR("haematopoietic progenitor cells"),
    STROMAL_VASCULAR_FRACTION("stromal vascular fraction"),
    CARDIAC_DERIVED("cardiac-derived cells"),
    T_CELLS("T cells"),
    NK_CELLS("NK cells"),
    DENDRITIC("dendritic cells"),
    OTHER_CELLS("cells");

    private final String label;

    CellType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
