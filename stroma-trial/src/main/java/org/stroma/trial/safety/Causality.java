package org.stroma.trial.safety;

/**
 * The investigator's assessment of whether the product caused the event (WHO-UMC). Certain, probable and possible
 * count as a suspected reaction for expedited reporting; conditional awaits more data and unassessable cannot be
 * judged, and both are treated as suspected until reassessed, since a report that turns out unneeded costs less than
 * one that comes late.
 */
public enum Causality {
    CERTAIN(true), PROBABLE(true), POSSIBLE(true), UNLIKELY(false), CONDITIONAL(true), UNASSESSABLE(true);

    private final boolean suspected;

    Causality(boolean suspected) {
        this.suspected = suspected;
    }

    public boolean suspected() {
        return suspected;
    }
}
