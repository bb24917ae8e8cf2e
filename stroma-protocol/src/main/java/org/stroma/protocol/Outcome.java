package org.stroma.protocol;

/** An outcome measure with its time frame, both as registered and as Stroma understood it. */
public record Outcome(OutcomeKind kind, String measure, String description, String timeFrameText, TimeFrame timeFrame) {

    public Outcome withTimeFrame(TimeFrame value) {
        return new Outcome(kind, measure, description, timeFrameText, value);
    }
}
