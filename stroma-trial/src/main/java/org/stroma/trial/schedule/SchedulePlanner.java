package org.stroma.trial.schedule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Offset;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.ScientificNotation;
import org.stroma.protocol.TimeAnchor;
import org.stroma.protocol.TimeFrame;
import org.stroma.protocol.TimePoint;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.design.Assumption;
import org.stroma.trial.design.DesignKind;
import org.stroma.trial.design.Period;
import org.stroma.trial.design.TrialDesign;

/**
 * Builds a protocol's visit schedule from its outcomes' time frames: a baseline visit, the administration (one per
 * period for a crossover), and a visit at each time point an outcome is assessed, with the outcomes assessed there.
 * Time points count from the outcome's anchor (the first administration when it names none). A window the registry
 * gives is kept; otherwise one is assumed by the time point's unit (±1 day within the first week, ±3 days in days or
 * short weeks, ±7 days at a month or a month of weeks, ±14 days from three months, ±30 days at years) and marked so.
 */
public final class SchedulePlanner {
    /** The visit at which the first period's product is given; a later period's is "Period N administration". */
    public static final String ADMINISTRATION = "Administration";
    /** The visit before the first administration, counted back from it. */
    public static final String BASELINE = "Baseline";

    private SchedulePlanner() {
    }

    /** The visit at which a period's product is given. */
    public static String administration(int period) {
        return period == 1 ? ADMINISTRATION : "Period " + period + " administration";
    }

    /** The schedule, and the assumptions it rests on added to {@code assumptions}. */
    public static List<PlannedVisit> plan(Protocol protocol, TrialDesign design, List<Assumption> assumptions) {
        List<PlannedVisit> visits = new ArrayList<>();
        List<String> atBaseline = new ArrayList<>();
        Map<String, PlannedVisit> byTime = new LinkedHashMap<>();
        for (Outcome o : protocol.outcomes()) {
            TimeFrame tf = o.timeFrame();
            if (tf == null || !tf.understood()) {
                continue;
            }
            if (tf.includesBaseline()) {
                atBaseline.add(o.measure());
            }
            TimeAnchor anchor = tf.anchor() == TimeAnchor.RANDOMIZATION || tf.anchor() == TimeAnchor.ENROLLMENT
                    ? TimeAnchor.RANDOMIZATION : TimeAnchor.FIRST_ADMINISTRATION;
            List<Offset> offsets = new ArrayList<>();
            for (TimePoint p : tf.points()) {
                if (!p.baseline()) {
                    offsets.add(p.offset());
                }
            }
            if (tf.range() != null) {
                if (tf.range().from() != null && tf.range().from().amount() > 0) {
                    offsets.add(tf.range().from());
                }
                if (tf.range().to() != null) {
                    offsets.add(tf.range().to());
                }
            }
            for (Offset offset : offsets) {
                if (offset.amount() == 0) {
                    continue; // assessed at the administration itself
                }
                String key = anchor + "/" + Math.round(offset.approximateDays() * 1000);
                PlannedVisit known = byTime.get(key);
                List<String> assessed = new ArrayList<>(known == null ? List.of() : known.assessments());
                if (!assessed.contains(o.measure())) {
                    assessed.add(o.measure());
                }
                int[] window = tf.window() != null ? symmetric(tf.window()) : defaultWindow(offset);
                boolean assumed = tf.window() == null && (known == null || known.assumedWindow());
                byTime.put(key, new PlannedVisit(name(offset), anchor, offset, window[0], window[1], assumed,
                        period(design, offset), assessed));
            }
        }
        visits.add(new PlannedVisit(BASELINE, TimeAnchor.FIRST_ADMINISTRATION, new Offset(0, TimeUnit.DAY), 30, 0,
                true, 1, atBaseline));
        // the administration is planned from randomization by the time its product takes to make, the same day
        // whatever the arm
        ManufacturingLead lead = ManufacturingLead.of(design.product());
        visits.add(new PlannedVisit(ADMINISTRATION, TimeAnchor.RANDOMIZATION, new Offset(lead.totalDays(),
                TimeUnit.DAY), 2, 7, true, 1, List.of("administration")));
        boolean assumedFollowUp = byTime.isEmpty();
        if (assumedFollowUp) {
            // nothing to plan from: the follow-up MSC trials usually have, for the team to correct
            for (int months : new int[] {1, 3, 6, 12}) {
                Offset offset = new Offset(months, TimeUnit.MONTH);
                int[] window = defaultWindow(offset);
                byTime.put("assumed/" + months, new PlannedVisit(name(offset), TimeAnchor.FIRST_ADMINISTRATION, offset,
                        window[0], window[1], true, period(design, offset), List.of()));
            }
        }
        List<PlannedVisit> later = new ArrayList<>(byTime.values());
        if (design.kind() == DesignKind.CROSSOVER) {
            for (Period p : design.periods()) {
                if (p.number() > 1) {
                    later.add(new PlannedVisit(administration(p.number()),
                            TimeAnchor.FIRST_ADMINISTRATION, p.start(), 7, 7, true, p.number(),
                            List.of("administration")));
                }
            }
        }
        // at a period's start the visit of the period ending comes first, then the next period's administration
        later.sort(java.util.Comparator.comparingDouble((PlannedVisit v) -> v.offset().approximateDays())
                .thenComparingInt(PlannedVisit::period));
        visits.addAll(later);
        assumptions.add(new Assumption("baseline within the 30 days before the administration; the administration "
                + lead.totalDays() + " days after randomization (" + lead.describe() + "), 2 days early to 7 late, for"
                + " every arm alike", "the registry gives no window for them; a masked trial's placebo keeps the"
                + " cells' timeline"));
        if (assumedFollowUp) {
            assumptions.add(new Assumption("follow-up visits at 1, 3, 6 and 12 months after the first administration",
                    "the record lists no outcome time frame Stroma could read; correct the visits"));
        } else if (byTime.values().stream().anyMatch(PlannedVisit::assumedWindow)) {
            assumptions.add(new Assumption("visit windows by the time point's unit (±3 days to ±30 days)",
                    "the registry gives no window"));
        }
        return visits;
    }

    private static String name(Offset offset) {
        String unit = switch (offset.unit()) {
            case MINUTE -> "Minute";
            case HOUR -> "Hour";
            case DAY -> "Day";
            case WEEK -> "Week";
            case MONTH -> "Month";
            case YEAR -> "Year";
        };
        return unit + " " + ScientificNotation.plain(offset.amount());
    }

    private static int[] symmetric(Offset window) {
        int days = (int) Math.max(0, Math.round(window.approximateDays()));
        return new int[] {days, days};
    }

    static int[] defaultWindow(Offset offset) {
        double days = offset.approximateDays();
        int d;
        if (offset.unit() == TimeUnit.YEAR) {
            d = 30;
        } else if (days <= 7) {
            d = 1;
        } else if (offset.unit() == TimeUnit.DAY || days < 28) {
            d = 3;
        } else if (days < 80) {
            d = 7;
        } else {
            d = 14;
        }
        return new int[] {d, d};
    }

    /** The treatment period a time point falls in: a visit at a period's start closes the period before. */
    private static int period(TrialDesign design, Offset offset) {
        int period = 1;
        for (Period p : design.periods()) {
            if (p.start().approximateDays() < offset.approximateDays()) {
                period = p.number();
            }
        }
        return period;
    }
}
