package org.stroma.protocol.registry.v2;

import org.stroma.protocol.OutcomeKind;

/** API v2 names that the reader and the writer must agree on. */
public final class V2Names {
    private V2Names() {
    }

    public static String outcomeList(OutcomeKind kind) {
        return switch (kind) {
            case PRIMARY -> "primaryOutcomes";
            case SECONDARY -> "secondaryOutcomes";
            case OTHER -> "otherOutcomes";
        };
    }
}
