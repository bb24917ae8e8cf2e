package org.stroma.trial.design;

/**
 * A design choice the registry record does not state and Stroma made so that the trial can run: what was assumed, and
 * why. The study team confirms or corrects each one. One that tells how allocations are drawn (the block sizes) is
 * shown only to those who may know the allocation list, since knowing it lets a site guess the next arm.
 */
public record Assumption(String what, String why, boolean concealsAllocation) {

    public Assumption(String what, String why) {
        this(what, why, false);
    }

    @Override
    public String toString() {
        return what + " (" + why + ")";
    }
}
