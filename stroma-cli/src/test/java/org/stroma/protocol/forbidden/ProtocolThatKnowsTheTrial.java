package org.stroma.protocol.forbidden;

import org.stroma.trial.design.TrialDesign;

/** The protocol model reaching up into the conduct domain: forbidden, kept to show the layering rule catches it. */
public final class ProtocolThatKnowsTheTrial {
    public static boolean masked(TrialDesign design) {
        return design.isMasked();
    }
}
