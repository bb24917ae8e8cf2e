package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.List;
import org.stroma.protocol.CriterionKind;

/** One trial of the Chia corpus: its inclusion and its exclusion file, each a text with its annotations. */
public record ChiaTrial(String id, BratDocument inclusion, BratDocument exclusion) {

    public BratDocument document(CriterionKind kind) {
        return kind == CriterionKind.INCLUSION ? inclusion : exclusion;
    }

    /** Every criterion, inclusion first. */
    public List<CriterionLine> lines() {
        List<CriterionLine> lines = new ArrayList<>(CriterionLine.of(CriterionKind.INCLUSION, inclusion.text()));
        lines.addAll(CriterionLine.of(CriterionKind.EXCLUSION, exclusion.text()));
        return lines;
    }
}
