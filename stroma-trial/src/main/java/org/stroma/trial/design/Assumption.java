package org.stroma.trial.design;

/**
 * A design choice the registry record does not state and Stroma made so that the trial can run: what was assumed, and
 * why. The study team confirms or corrects each one.
 */
public record Assumption(String what, String why) {
    @Override
    public String toString() {
        return what + " (" + why + ")";
    }
}
