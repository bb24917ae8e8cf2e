package org.stroma.trial.schedule;

import java.util.List;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeAnchor;

/**
 * A visit of the protocol's schedule: when it falls (an offset from an anchor: randomization or the first
 * administration), how many days early or late it may be done, whether that window was assumed (the registry gave
 * none), which treatment period it belongs to, and what is assessed at it.
 */
public record PlannedVisit(String name, TimeAnchor anchor, Offset offset, int daysEarly, int daysLate,
        boolean assumedWindow, int period, List<String> assessments) {

    public PlannedVisit {
        assessments = List.copyOf(assessments);
    }
}
