package org.stroma.cli.chia;

import java.util.List;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Identification;
import org.stroma.protocol.Protocol;

/**
 * The protocol of a Chia trial as far as eligibility goes: its id and one criterion per line, I or E and the line's
 * number as the id. Chia already holds one criterion per line, so the lines are taken as they are rather than split
 * again: each compiled criterion then lies on exactly one annotated line. Nothing else of the registry record is in
 * Chia — no age or sex fields, no conditions studied — so what the compiler takes from them is absent here.
 */
public final class ChiaProtocol {
    private ChiaProtocol() {
    }

    public static Protocol of(ChiaTrial trial) {
        List<CriterionLine> lines = trial.lines();
        Eligibility eligibility = new Eligibility(null, null, null, null, null, null, null, List.of(), null, null,
                criteria(lines, CriterionKind.INCLUSION), criteria(lines, CriterionKind.EXCLUSION));
        Identification id = new Identification(trial.id(), List.of(), null, List.of(), null, null, null, null);
        return new Protocol(id, null, null, null, null, List.of(), List.of(), null, List.of(), List.of(), List.of(),
                eligibility, List.of(), List.of(), List.of(), List.of(), List.of(), null);
    }

    private static List<Criterion> criteria(List<CriterionLine> lines, CriterionKind kind) {
        return lines.stream().filter(l -> l.kind() == kind)
                .map(l -> new Criterion(l.criterionId(), kind, l.text(), null, List.of())).toList();
    }
}
