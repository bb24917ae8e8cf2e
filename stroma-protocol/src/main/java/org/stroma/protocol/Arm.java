package org.stroma.protocol;

import java.util.List;

/**
 * An arm (the registry's "arm group"). {@code interventionNames} are in the registry's form, "Type: name", so that a
 * link the record states is kept even when it names no listed intervention exactly. {@code placebo} is what Stroma
 * read about the placebo a placebo arm receives (null for other arms).
 */
public record Arm(String label, ArmType type, String description, List<String> interventionNames, Placebo placebo) {
    public Arm {
        interventionNames = Lists.copy(interventionNames);
    }

    public Arm withPlacebo(Placebo value) {
        return new Arm(label, type, description, interventionNames, value);
    }

    /** Whether this arm lists the intervention, by its "Type: name" reference or by its bare name. */
    public boolean links(Intervention intervention) {
        String bare = intervention.name();
        return interventionNames.stream().anyMatch(ref -> ref.equals(intervention.reference())
                || ref.substring(ref.indexOf(':') + 1).trim().equalsIgnoreCase(bare));
    }
}
