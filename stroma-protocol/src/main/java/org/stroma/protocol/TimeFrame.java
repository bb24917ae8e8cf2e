package org.stroma.protocol;

import java.util.List;

/**
 * An outcome's time frame as Stroma understood the registry's free text: the anchor it counts from (null when the text
 * names none, meaning the study's own anchor), the time points, the period, and a visit window when the text gives one
 * ("±3 days"). {@code understood} is false when the text held no time Stroma could read; the text itself stays on the
 * outcome.
 */
public record TimeFrame(TimeAnchor anchor, List<TimePoint> points, TimeRange range, Offset window, boolean understood) {
    public TimeFrame {
        points = Lists.copy(points);
    }

    public static TimeFrame notUnderstood() {
        return new TimeFrame(null, List.of(), null, null, false);
    }

    public boolean includesBaseline() {
        return points.stream().anyMatch(TimePoint::baseline);
    }

    @Override
    public String toString() {
        if (!understood) {
            return "(not understood)";
        }
        StringBuilder s = new StringBuilder();
        if (!points.isEmpty()) {
            s.append(String.join(", ", points.stream().map(TimePoint::toString).toList()));
        }
        if (range != null) {
            s.append(s.length() > 0 ? "; " : "").append(range);
        }
        if (window != null) {
            s.append(" ±").append(window);
        }
        if (anchor != null) {
            s.append(" from ").append(anchor.label());
        }
        return s.toString();
    }
}
