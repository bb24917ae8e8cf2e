package org.stroma.cli.chia;

import java.util.List;
import java.util.Set;

/**
 * The entities a Chia relation is about. A relation from a {@code Scope} ("no history of [diabetes or stroke]"
 * negated as a whole) is about every fact annotated inside the scope; a relation from any other entity, about that
 * entity.
 */
public final class RelationTargets {
    /** The kinds of entity that a rule can come from: facts a record holds. */
    public static final Set<String> FACTS = Set.of("Condition", "Drug", "Procedure", "Measurement", "Observation",
            "Device");

    private RelationTargets() {
    }

    public static List<BratEntity> of(BratDocument document, BratEntity from) {
        if (!from.type().equals("Scope")) {
            return List.of(from);
        }
        TextSpan scope = new TextSpan(from.start(), from.end());
        return document.entities().values().stream()
                .filter(e -> FACTS.contains(e.type()) && e.within(scope)).toList();
    }
}
