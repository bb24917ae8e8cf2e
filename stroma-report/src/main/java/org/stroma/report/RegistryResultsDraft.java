package org.stroma.report;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Estimate;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.results.RegistryResults;
import org.stroma.protocol.results.RegistryResults.AdverseEvents;
import org.stroma.protocol.results.RegistryResults.Analysis;
import org.stroma.protocol.results.RegistryResults.Baseline;
import org.stroma.protocol.results.RegistryResults.Category;
import org.stroma.protocol.results.RegistryResults.Event;
import org.stroma.protocol.results.RegistryResults.EventGroup;
import org.stroma.protocol.results.RegistryResults.EventStats;
import org.stroma.protocol.results.RegistryResults.Flow;
import org.stroma.protocol.results.RegistryResults.Group;
import org.stroma.protocol.results.RegistryResults.Measure;
import org.stroma.protocol.results.RegistryResults.MeasureClass;
import org.stroma.protocol.results.RegistryResults.Measurement;
import org.stroma.protocol.results.RegistryResults.Milestone;
import org.stroma.protocol.results.RegistryResults.Outcome;
import org.stroma.protocol.results.RegistryResults.Period;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.lock.LockedTrial.AdverseEventRow;
import org.stroma.trial.lock.LockedTrial.SubjectRow;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.plan.AnalysisPlan;
import org.stroma.trial.plan.PlannedMethod;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.subject.SubjectState;

/**
 * The registry's results section drafted from the locked data and the frozen analysis plan: the participant flow by
 * arm (by sequence and period in a crossover), the baseline characteristics, the outcome measures the plan analysed
 * with their comparisons, and the adverse events — every serious one, and the others reported by at least
 * {@value #FREQUENCY_THRESHOLD} % of a group — with what a person must still do before posting ({@code toReview}):
 * outcomes Stroma could not draft, terms without an organ system. It is made from unblinded data: it compares arms.
 */
public record RegistryResultsDraft(RegistryResults results, List<String> toReview) {
    /** Other (not serious) adverse events are listed when at least this share of a group had them, in percent. */
    static final int FREQUENCY_THRESHOLD = 5;
    private static final Pattern UNIT = Pattern.compile("\\(([^()]+)\\)");

    public static RegistryResultsDraft of(LockedTrial t, AnalysisPlan plan) {
        return new Drafting(t, plan).draft();
    }

    /** The work of one draft: the groups of the trial and the notes for review gathered on the way. */
    private static final class Drafting {
        private final LockedTrial t;
        private final AnalysisPlan plan;
        /** The randomized subjects of each group (arm, or crossover sequence), in the groups' order. */
        private final Map<String, List<SubjectRow>> groups = new TreeMap<>();
        private final Map<String, String> titles = new LinkedHashMap<>();
        private final List<String> review = new ArrayList<>();

        Drafting(LockedTrial t, AnalysisPlan plan) {
            this.t = t;
            this.plan = plan;
            for (SubjectRow s : t.subjects()) {
                if (s.group() != null) {
                    groups.computeIfAbsent(s.group(), g -> new ArrayList<>()).add(s);
                    titles.putIfAbsent(s.group(), s.treatments() == null ? s.group() : s.treatments());
                }
            }
        }

        RegistryResultsDraft draft() {
            return new RegistryResultsDraft(new RegistryResults(flow(), baseline(), outcomes(), adverseEvents()),
                    review);
        }

        private List<Group> groups(String prefix) {
            List<Group> list = new ArrayList<>();
            int n = 0;
            for (String g : groups.keySet()) {
                list.add(new Group(id(prefix, n++), titles.get(g), (t.crossover() ? "Sequence " : "Arm ") + g + ": "
                        + titles.get(g)));
            }
            return list;
        }

        private String id(String prefix, int n) {
            return String.format(Locale.ROOT, "%s%03d", prefix, n);
        }

        /** Counts per group id (FG000, …) of the subjects of each group that pass a test. */
        private Map<String, Integer> count(String prefix, Predicate<SubjectRow> test) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            int n = 0;
            for (List<SubjectRow> subjects : groups.values()) {
                counts.put(id(prefix, n++), (int) subjects.stream().filter(test).count());
            }
            return counts;
        }

        private Flow flow() {
            Predicate<SubjectRow> completed = s -> s.state() == SubjectState.COMPLETED;
            List<Period> periods = new ArrayList<>();
            if (t.crossover()) {
                Set<String> second = t.products().stream().filter(p -> p.period() == 2 && p.administered() != null)
                        .map(LockedTrial.ProductRow::subject).collect(Collectors.toSet());
                Predicate<SubjectRow> inSecond = s -> second.contains(s.subject());
                periods.add(period("First Intervention", s -> true, inSecond));
                periods.add(period("Second Intervention", inSecond, completed));
            } else {
                periods.add(period("Overall Study", s -> true, completed));
            }
            return new Flow(null, groups("FG"), periods);
        }

        /** A period: who started it, who completed it, and why the others did not. */
        private Period period(String title, Predicate<SubjectRow> started, Predicate<SubjectRow> completed) {
            List<Milestone> milestones = List.of(
                    new Milestone("STARTED", null, count("FG", started)),
                    new Milestone("COMPLETED", null, count("FG", started.and(completed))),
                    new Milestone("NOT_COMPLETED", null, count("FG", started.and(completed.negate()))));
            Predicate<SubjectRow> left = started.and(completed.negate());
            List<Milestone> reasons = new ArrayList<>();
            Predicate<SubjectRow> lost = s -> s.state() == SubjectState.LOST_TO_FOLLOW_UP;
            Predicate<SubjectRow> withdrawn = s -> s.state() == SubjectState.WITHDRAWN;
            Predicate<SubjectRow> ongoing = lost.negate().and(withdrawn.negate());
            addReason(reasons, "Lost to Follow-up", null, count("FG", left.and(lost)));
            Set<String> why = new LinkedHashSet<>();
            groups.values().forEach(list -> list.stream().filter(left.and(withdrawn)).map(SubjectRow::exitReason)
                    .filter(r -> r != null && !r.isBlank()).forEach(why::add));
            addReason(reasons, "Withdrawal", why.isEmpty() ? null : String.join("; ", why),
                    count("FG", left.and(withdrawn)));
            addReason(reasons, "Not completed by the data lock", null, count("FG", left.and(ongoing)));
            return new Period(title, milestones, reasons);
        }

        private void addReason(List<Milestone> reasons, String type, String comment, Map<String, Integer> counts) {
            if (counts.values().stream().anyMatch(n -> n > 0)) {
                reasons.add(new Milestone(type, comment, counts));
            }
        }

        private Baseline baseline() {
            List<Group> groups = new ArrayList<>(groups("BG"));
            String total = id("BG", groups.size());
            groups.add(new Group(total, "Total", "All randomized participants"));
            Map<String, Integer> participants = new LinkedHashMap<>(count("BG", s -> true));
            participants.put(total, participants.values().stream().mapToInt(Integer::intValue).sum());
            List<Measure> measures = new ArrayList<>();
            List<SubjectRow> all = this.groups.values().stream().flatMap(List::stream).toList();
            if (all.stream().allMatch(s -> s.ageYears() != null) && !all.isEmpty()) {
                List<Measurement> values = new ArrayList<>();
                int n = 0;
                for (List<SubjectRow> subjects : this.groups.values()) {
                    values.add(meanAndSd(id("BG", n++), subjects.stream().map(s -> (double) s.ageYears()).toList()));
                }
                values.add(meanAndSd(total, all.stream().map(s -> (double) s.ageYears()).toList()));
                measures.add(new Measure("Age, Continuous", null, "MEAN", "STANDARD_DEVIATION", "years",
                        List.of(new MeasureClass(null, List.of(new Category(null, values))))));
            } else {
                review.add("Baseline: age is not recorded for every participant; age is left out of the baseline"
                        + " characteristics");
            }
            boolean everySexKnown = all.stream().allMatch(s -> s.sex() == AdministrativeSex.FEMALE
                    || s.sex() == AdministrativeSex.MALE);
            List<Category> sexes = new ArrayList<>();
            for (AdministrativeSex sex : everySexKnown ? List.of(AdministrativeSex.FEMALE, AdministrativeSex.MALE)
                    : List.of(AdministrativeSex.FEMALE, AdministrativeSex.MALE, AdministrativeSex.UNKNOWN)) {
                Predicate<SubjectRow> has = sex == AdministrativeSex.UNKNOWN ? s -> s.sex() != AdministrativeSex.FEMALE
                        && s.sex() != AdministrativeSex.MALE : s -> s.sex() == sex;
                List<Measurement> values = new ArrayList<>();
                count("BG", has).forEach((g, n) -> values.add(new Measurement(g, String.valueOf(n), null, null, null)));
                values.add(new Measurement(total, String.valueOf(all.stream().filter(has).count()), null, null, null));
                sexes.add(new Category(sex == AdministrativeSex.UNKNOWN ? "Not recorded" : sex == AdministrativeSex.FEMALE
                        ? "Female" : "Male", values));
            }
            measures.add(new Measure(everySexKnown ? "Sex: Female, Male" : "Sex/Gender, Customized", null,
                    "COUNT_OF_PARTICIPANTS", null, "Participants", List.of(new MeasureClass(null, sexes))));
            return new Baseline("All randomized participants", groups, participants, measures);
        }

        private List<Outcome> outcomes() {
            List<Outcome> outcomes = new ArrayList<>();
            if (plan == null) {
                review.add("Outcome measures: no analysis plan was frozen, so none is drafted");
                return outcomes;
            }
            for (PlannedAnalyses.Result r : PlannedAnalyses.run(t, plan)) {
                if (r.perProtocol()) {
                    continue;
                }
                Outcome o = outcome(r);
                if (o != null) {
                    outcomes.add(o);
                }
            }
            return outcomes;
        }

        private Outcome outcome(PlannedAnalyses.Result r) {
            var e = r.endpoint();
            String name = e.id() + " (" + e.registeredMeasure() + ")";
            PlannedMethod m = e.method();
            boolean continuous = m == PlannedMethod.MMRM || m == PlannedMethod.ANCOVA
                    || m == PlannedMethod.WITHIN_SUBJECT_CHANGE;
            boolean classes = m == PlannedMethod.PROPORTIONAL_ODDS;
            if (t.crossover() || !(continuous || classes) || r.visit() == null) {
                review.add("Outcome " + name + ": not drafted (" + (t.crossover() ? "a crossover's outcomes are"
                        + " posted by treatment period, which Stroma does not draft yet" : r.visit() == null
                        ? (r.note() == null ? "no visit to report" : r.note()) : "its measure, " + m.label()
                        + ", is not drafted yet") + "); enter it by hand");
                return null;
            }
            PlannedAnalyses.Visits visits = PlannedAnalyses.Visits.of(t, e.item());
            DataSet at = visits.atVisit(r.visit());
            List<Group> groups = groups("OG");
            Map<String, String> idOf = new LinkedHashMap<>();
            int n = 0;
            for (String g : this.groups.keySet()) {
                idOf.put(g, id("OG", n++));
            }
            Map<String, List<Double>> change = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> byClass = new LinkedHashMap<>();
            idOf.values().forEach(id -> change.put(id, new ArrayList<>()));
            List<String> group = at.text("group");
            List<String> baseline = at.text("baseline");
            List<String> followup = at.text("followup");
            for (int i = 0; i < group.size(); i++) {
                String id = idOf.get(group.get(i));
                if (id == null) {
                    continue;
                }
                if (continuous) {
                    change.get(id).add(Double.parseDouble(followup.get(i)) - Double.parseDouble(baseline.get(i)));
                } else {
                    byClass.computeIfAbsent(followup.get(i), k -> new LinkedHashMap<>()).merge(id, 1, Integer::sum);
                }
            }
            Map<String, Integer> participants = new LinkedHashMap<>();
            idOf.values().forEach(id -> participants.put(id, continuous ? change.get(id).size()
                    : byClass.values().stream().mapToInt(c -> c.getOrDefault(id, 0)).sum()));
            Measure measure;
            if (continuous) {
                measure = new Measure(null, null, "MEAN", "STANDARD_DEVIATION", unit(e.variable()), List.of(new MeasureClass(null, List.of(new Category(null, idOf.values().stream()
                                .map(id -> meanAndSd(id, change.get(id))).toList())))));
            } else {
                List<Category> categories = new ArrayList<>();
                Map<String, Map<String, Integer>> ordered = new TreeMap<>(PlannedAnalyses.CLASS_ORDER);
                ordered.putAll(byClass);
                ordered.forEach((cls, counts) -> categories
                        .add(new Category(cls, idOf.values().stream().map(id -> new Measurement(id, String.valueOf(
                                counts.getOrDefault(id, 0)), null, null, null)).toList())));
                measure = new Measure(null, null, "COUNT_OF_PARTICIPANTS", null, "Participants",
                        List.of(new MeasureClass(null, categories)));
            }
            List<Analysis> analyses = new ArrayList<>();
            Estimate c = r.contrast();
            if (c != null && idOf.size() > 1) {
                analyses.add(new Analysis(List.copyOf(idOf.values()), e.variable(), method(m), c.p() == null ? null
                        : pValue(c.p()), paramType(m), number(c.estimate()), "95", "TWO_SIDED", c.ciLow() == null
                        ? null : number(c.ciLow()), c.ciHigh() == null ? null : number(c.ciHigh()), c.term()));
            } else if (idOf.size() > 1) {
                review.add("Outcome " + name + ": the comparison " + (r.note() == null ? "was not run" : r.note())
                        + "; its statistical analysis is left out");
            }
            String description = (continuous ? "Change from baseline to " : "Class at ") + r.visit() + " of "
                    + e.variable() + "; analysed by " + m.label() + ".";
            return new Outcome(e.rank() == OutcomeKind.PRIMARY ? "PRIMARY" : e.rank() == OutcomeKind.SECONDARY
                    ? "SECONDARY" : "OTHER_PRE_SPECIFIED", e.registeredMeasure(), description,
                    "Randomized participants with a value at baseline and at " + r.visit(), "POSTED",
                    e.registeredTimeFrame() == null ? r.visit() : e.registeredTimeFrame(), groups, participants,
                    measure, analyses);
        }

        private AdverseEvents adverseEvents() {
            Map<String, String> idOf = new LinkedHashMap<>();
            Map<String, Integer> atRisk = new LinkedHashMap<>();
            int n = 0;
            for (Map.Entry<String, List<SubjectRow>> g : groups.entrySet()) {
                String id = id("EG", n++);
                idOf.put(g.getKey(), id);
                atRisk.put(id, (int) g.getValue().stream().filter(s -> s.firstAdministration() != null).count());
            }
            // treatment-emergent: from the first administration on, in those at risk; earlier ones are not posted
            List<AdverseEventRow> events = t.adverseEvents().stream().filter(a -> idOf.containsKey(a.group())
                    && a.daysFromAdministration() != null && a.daysFromAdministration() >= 0).toList();
            long before = t.adverseEvents().stream().filter(a -> idOf.containsKey(a.group())).count() - events.size();
            if (before > 0) {
                review.add("Adverse events: " + before + " began before the first administration (or in a"
                        + " participant never given a product) and are not among the treatment-emergent events"
                        + " posted; report them as the registry's instructions say for events before treatment");
            }
            List<EventGroup> eventGroups = new ArrayList<>();
            List<Group> groups = groups("EG");
            for (Group g : groups) {
                List<AdverseEventRow> mine = events.stream().filter(a -> idOf.get(a.group()).equals(g.id())).toList();
                eventGroups.add(new EventGroup(g.id(), g.title(), g.description(),
                        affected(mine, a -> a.event().grade() == Grade.DEATH || a.event().outcome() == org.stroma.trial.safety.Outcome.FATAL),
                        atRisk.get(g.id()), affected(mine, a -> a.event().isSerious()), atRisk.get(g.id()),
                        affected(mine, a -> !a.event().isSerious()), atRisk.get(g.id())));
            }
            List<Event> serious = events(events, idOf, atRisk, true);
            List<Event> other = events(events, idOf, atRisk, false);
            return new AdverseEvents(String.valueOf(FREQUENCY_THRESHOLD), "From the first administration to the end"
                    + " of follow-up", "Participants who received a product; other (not serious) adverse events are"
                    + " listed when reported by at least " + FREQUENCY_THRESHOLD + " % of a group", eventGroups,
                    serious, other);
        }

        private static int affected(List<AdverseEventRow> events, Predicate<AdverseEventRow> test) {
            return (int) events.stream().filter(test).map(AdverseEventRow::subject).distinct().count();
        }

        private List<Event> events(List<AdverseEventRow> events, Map<String, String> idOf,
                Map<String, Integer> atRisk, boolean serious) {
            Map<String, List<AdverseEventRow>> byTerm = new TreeMap<>();
            events.stream().filter(a -> a.event().isSerious() == serious).forEach(a -> byTerm.computeIfAbsent(
                    a.event().term().strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(a));
            List<Event> list = new ArrayList<>();
            for (Map.Entry<String, List<AdverseEventRow>> term : byTerm.entrySet()) {
                List<EventStats> stats = new ArrayList<>();
                boolean frequent = false;
                for (Map.Entry<String, String> g : idOf.entrySet()) {
                    List<AdverseEventRow> mine = term.getValue().stream().filter(a -> a.group().equals(g.getKey()))
                            .toList();
                    int affected = (int) mine.stream().map(AdverseEventRow::subject).distinct().count();
                    int risk = atRisk.get(g.getValue());
                    frequent |= risk > 0 && affected * 100.0 / risk >= FREQUENCY_THRESHOLD;
                    stats.add(new EventStats(g.getValue(), mine.size(), affected, risk));
                }
                if (!serious && !frequent) {
                    continue;
                }
                String system = OrganSystems.standard().of(term.getKey());
                if (system == null) {
                    review.add("Adverse event '" + term.getKey() + "': no organ system in Stroma's term table; code it");
                }
                list.add(new Event(term.getKey(), system, "Stroma term table (not MedDRA)", "SYSTEMATIC_ASSESSMENT",
                        stats));
            }
            return list;
        }
    }

    private static Measurement meanAndSd(String group, List<Double> values) {
        if (values.isEmpty()) {
            return new Measurement(group, "NA", null, null, null);
        }
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
        String sd = values.size() < 2 ? "NA" : number(Math.sqrt(ss / (values.size() - 1)));
        return new Measurement(group, number(mean), sd, null, null);
    }

    /** The unit a variable's name gives in parentheses ("Peak oxygen uptake (mL/kg/min), change …"), or a score's. */
    private static String unit(String variable) {
        Matcher m = variable == null ? null : UNIT.matcher(variable);
        return m != null && m.find() ? m.group(1) : "units on a scale";
    }

    private static String method(PlannedMethod m) {
        return switch (m) {
            case MMRM -> "Mixed Models Analysis";
            case ANCOVA -> "ANCOVA";
            case PROPORTIONAL_ODDS -> "Regression, Logistic";
            default -> m.label();
        };
    }

    private static String paramType(PlannedMethod m) {
        return switch (m) {
            case MMRM -> "Mean Difference (Net)";
            case ANCOVA -> "Mean Difference (Final Values)";
            case PROPORTIONAL_ODDS -> "Odds Ratio (OR)";
            default -> "Other";
        };
    }

    /** Four significant digits, as a registry entry carries them. */
    static String number(double x) {
        return new BigDecimal(x).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String pValue(double p) {
        return p < 0.001 ? "<0.001" : new BigDecimal(p).round(new MathContext(3)).toPlainString();
    }
}
