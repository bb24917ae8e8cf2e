package org.stroma.protocol;

import java.util.List;

/**
 * An intervention as registered, with the cell product Stroma read from its free text (null when it administers no
 * cells, or the text does not say).
 */
public record Intervention(
        InterventionType type,
        String name,
        String description,
        List<String> armGroupLabels,
        List<String> otherNames,
        CellProduct cellProduct) {

    public Intervention {
        armGroupLabels = Lists.copy(armGroupLabels);
        otherNames = Lists.copy(otherNames);
    }

    /** The registry's way of naming this intervention from an arm: "Biological: Mesenchymal stem cells". */
    public String reference() {
        return (type == null ? InterventionType.OTHER.label() : type.label()) + ": " + name;
    }

    public Intervention withCellProduct(CellProduct value) {
        return new Intervention(type, name, description, armGroupLabels, otherNames, value);
    }
}
