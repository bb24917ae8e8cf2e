package org.stroma.trial.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.stroma.protocol.Offset;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.TimeFrame;
import org.stroma.protocol.TimePoint;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.FormLibrary;
import org.stroma.trial.capture.FormPlan;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;
import org.stroma.trial.design.DesignKind;
import org.stroma.trial.design.DesignReader;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.schedule.SchedulePlanner;

/**
 * The draft analysis plan of a trial, derived from its registered outcome measures: each becomes one endpoint per
 * captured item it reads, primary first, with the analysis a statistician would prespecify for its kind of variable
 * and the trial's design — repeated continuous measures by MMRM, one follow-up by ANCOVA on baseline, classes by
 * proportional odds, counts by negative binomial with their exposure, times to an event by Cox, adverse events by
 * the difference in proportions; a crossover by its within-subject analysis; a single group by change from baseline.
 * What the record does not say (which item, which time, which events) is left as a question, never guessed.
 */
public final class PlanDerivation {
    /** An outcome about harm: its variable is whether each subject had such an event. */
    private static final Pattern SAFETY = Pattern.compile("\\b(?:adverse events?|safety|complications?|toxicit(?:y|ies)"
            + "|side effects?|serious adverse)\\b");
    /** An outcome that is a time to an event, or a count of major events over follow-up. */
    private static final Pattern TIME_TO = Pattern.compile("\\btime to\\b|\\bprogression\\b|\\bsurvival\\b|\\bmajor (?:adverse )?"
            + "cardiovascular events\\b|\\bmace\\b");
    /** Forms whose items are counts over an exposure (scans, follow-up time). */
    private static final List<String> COUNTED_FORMS = List.of("mri", "icd", "relapse");

    private PlanDerivation() {
    }

    /** The plan of a protocol as Stroma runs it: its design, its schedule and the standard forms. */
    public static AnalysisPlan derive(Protocol protocol) {
        TrialDesign design = DesignReader.read(protocol);
        return derive(protocol, design, SchedulePlanner.plan(protocol, design, new ArrayList<>()),
                FormLibrary.standard());
    }

    public static AnalysisPlan derive(Protocol protocol, TrialDesign design, List<PlannedVisit> schedule,
            FormLibrary library) {
        Map<String, List<FormDef>> formsByVisit = FormPlan.of(schedule, protocol, library);
        List<Outcome> outcomes = protocol.outcomes().stream().sorted(Comparator.comparing(Outcome::kind)).toList();
        List<Endpoint> endpoints = new ArrayList<>();
        int[] numbers = new int[OutcomeKind.values().length];
        for (Outcome o : outcomes) {
            String id = prefix(o.kind()) + (++numbers[o.kind().ordinal()]);
            endpoints.addAll(endpoints(id, o, design, formsByVisit, library));
        }
        List<String> questions = new ArrayList<>();
        if (protocol.outcomes().isEmpty()) {
            questions.add("The record lists no outcome measures: the statistician writes the endpoints.");
        } else if (outcomes.stream().noneMatch(o -> o.kind() == OutcomeKind.PRIMARY)) {
            questions.add("The record names no primary outcome: the statistician says which endpoint is primary.");
        }
        endpoints.forEach(e -> e.openQuestions().forEach(q -> questions.add(e.id() + ": " + q)));
        return new AnalysisPlan(design.trial(), design.title(), 0, endpoints, multiplicity(endpoints), questions);
    }

    /**
     * A primary safety endpoint, for a plan whose record registers no primary outcome: whether each subject had at
     * least one adverse event over follow-up, the endpoint the statistician of an early-phase cell-therapy trial names
     * when none is registered. Offered for the statistician to add, never added by the derivation itself.
     */
    public static Endpoint safetyEndpoint(String id, TrialDesign design) {
        Outcome outcome = new Outcome(OutcomeKind.PRIMARY, "Subjects with at least one adverse event", null,
                "over the whole follow-up (not registered: named by the statistician)", null);
        return new Draft(id, outcome, design, List.of()).endpoint(null, null, "subjects with at least one adverse"
                + " event over follow-up", EndpointType.BINARY, 0, List.of());
    }

    private static String prefix(OutcomeKind kind) {
        return switch (kind) {
            case PRIMARY -> "P";
            case SECONDARY -> "S";
            case OTHER -> "O";
        };
    }

    private static List<Endpoint> endpoints(String id, Outcome o, TrialDesign design,
            Map<String, List<FormDef>> formsByVisit, FormLibrary library) {
        String words = (o.measure() + " " + (o.description() == null ? "" : o.description())).toLowerCase(Locale.ROOT);
        List<Offset> times = new ArrayList<>();
        List<String> questions = new ArrayList<>();
        timePoints(o.timeFrame(), times, questions);
        Draft draft = new Draft(id, o, design, times);
        if (SAFETY.matcher(words).find()) {
            return List.of(draft.endpoint(null, null, "subjects with at least one event of the kind the outcome names"
                    + " (" + o.measure() + ")", EndpointType.BINARY, 0, questions));
        }
        List<FormDef> forms = library.formsFor(words);
        if (TIME_TO.matcher(words).find()) {
            boolean edss = forms.stream().anyMatch(f -> f.id().equals("edss"));
            List<String> asked = new ArrayList<>(questions);
            if (!edss) {
                asked.add("which events count, and who adjudicates them?");
            }
            return List.of(draft.endpoint(edss ? "edss" : null, edss ? "edss" : null, edss ? "time to confirmed EDSS"
                    + " progression" : "time to the first event the outcome names (" + o.measure() + ")",
                    EndpointType.TIME_TO_EVENT, 0, asked));
        }
        if (forms.isEmpty()) {
            List<String> asked = new ArrayList<>(questions);
            asked.add("no captured item measures \"" + o.measure() + "\": which one does, or which form is missing?");
            return List.of(draft.endpoint(null, null, o.measure(), EndpointType.UNKNOWN, 0, asked));
        }
        List<Variable> variables = new ArrayList<>();
        for (FormDef form : forms) {
            variables.addAll(variables(form, words));
        }
        List<Endpoint> endpoints = new ArrayList<>();
        for (Variable v : variables) {
            List<String> asked = new ArrayList<>(questions);
            if (v.question() != null) {
                asked.add(v.question());
            }
            String suffix = variables.size() > 1 ? Character.toString('a' + endpoints.size()) : "";
            endpoints.add(new Draft(id + suffix, o, design, times).endpoint(v.form().id(), v.item(), v.name(),
                    v.type(), postBaselineVisits(v.form(), formsByVisit), asked));
        }
        return endpoints;
    }

    /** A variable an outcome reads from a form: its item (or score), name, kind, and what to confirm (or null). */
    private record Variable(FormDef form, String item, String name, EndpointType type, String question) {
    }

    /**
     * The variables of a form an outcome reads: the items its words name; else the form's one required measure; else
     * its first measure, to be confirmed. A questionnaire is read by its total score, a form of events (relapses) by
     * their count.
     */
    private static List<Variable> variables(FormDef form, String words) {
        if (form.id().equals("mlhfq")) {
            return List.of(new Variable(form, "mlhfq_total", "MLHFQ total score, change from baseline",
                    EndpointType.CONTINUOUS, null));
        }
        List<ItemDef> measures = form.items().stream().filter(i -> i.numeric() || i.type() == ItemType.CODED).toList();
        if (measures.isEmpty() || form.id().equals("relapse")) {
            return List.of(new Variable(form, null, form.title() + " (count over follow-up)", EndpointType.COUNT, null));
        }
        List<ItemDef> named = form.items().stream().filter(i -> names(words, i)).toList();
        if (!named.isEmpty()) {
            return named.stream().map(i -> new Variable(form, i.id(), variable(form, i), type(form, i), null)).toList();
        }
        List<ItemDef> required = measures.stream().filter(ItemDef::required).toList();
        ItemDef main = required.size() == 1 ? required.get(0) : measures.get(0);
        String question = required.size() == 1 ? null : "the outcome names no item of the " + form.title()
                + " form: its first measure, " + main.label() + ", was taken; confirm or choose another";
        return List.of(new Variable(form, main.id(), variable(form, main), type(form, main), question));
    }

    /**
     * Whether the outcome's words name the item: its id ("lvef", "nyha") or the id's leading word ("gel" of
     * gel_count, "perfusion" of perfusion_defect), its label, or its label without "left ventricular".
     */
    private static boolean names(String words, ItemDef item) {
        String label = item.label().toLowerCase(Locale.ROOT);
        String lead = item.id().split("_")[0];
        return word(words, item.id().replace('_', ' ')) || lead.length() >= 3 && !lead.equals("new") && word(words, lead)
                || words.contains(label) || words.contains(label.replaceFirst("^left[- ]ventricular ", ""));
    }

    private static boolean word(String words, String w) {
        return Pattern.compile("\\b" + Pattern.quote(w) + "\\b").matcher(words).find();
    }

    private static String variable(FormDef form, ItemDef item) {
        String unit = item.unit() == null || item.unit().isBlank() ? "" : " (" + item.unit() + ")";
        return switch (type(form, item)) {
            case ORDINAL -> item.label().toLowerCase(Locale.ROOT).endsWith("class") ? item.label() : item.label() + " class";
            case COUNT -> item.label() + " (count)";
            default -> item.label() + unit + ", change from baseline";
        };
    }

    private static EndpointType type(FormDef form, ItemDef item) {
        if (item.type() == ItemType.CODED) {
            return EndpointType.ORDINAL;
        }
        if (COUNTED_FORMS.contains(form.id()) && item.type() != ItemType.DECIMAL) {
            return EndpointType.COUNT;
        }
        return item.numeric() ? EndpointType.CONTINUOUS : EndpointType.UNKNOWN;
    }

    /** How many planned visits after the first administration take the form: two or more make repeated measures. */
    private static int postBaselineVisits(FormDef form, Map<String, List<FormDef>> formsByVisit) {
        return (int) formsByVisit.entrySet().stream().filter(e -> !e.getKey().equals("Screening")
                && !e.getKey().equals("Baseline") && e.getValue().contains(form)).count();
    }

    /** The registered time points after baseline; the end of a registered period; a question when there is none. */
    private static void timePoints(TimeFrame tf, List<Offset> times, List<String> questions) {
        if (tf == null || !tf.understood()) {
            questions.add("the time frame could not be read: at which time is the endpoint compared?");
            return;
        }
        tf.points().stream().filter(p -> !p.baseline()).map(TimePoint::offset).forEach(times::add);
        if (times.isEmpty() && tf.range() != null) {
            times.add(tf.range().to());
            questions.add("the outcome registers a period (" + tf.range() + "): compared at its end, "
                    + tf.range().to() + "; confirm");
        }
        if (times.isEmpty()) {
            questions.add("the time frame names no time after baseline: at which time is the endpoint compared?");
        }
    }

    private static String multiplicity(List<Endpoint> endpoints) {
        long primaries = endpoints.stream().filter(e -> e.rank() == OutcomeKind.PRIMARY).count();
        String primary = primaries == 0 ? "No primary endpoint is registered."
                : primaries == 1 ? "One primary endpoint, tested at the two-sided 5 % level."
                : "Holm's procedure across the " + primaries + " primary endpoints (family-wise two-sided 5 %).";
        return primary + " Secondary and other endpoints: nominal two-sided p-values, not adjusted, read as supportive.";
    }

    /** What one endpoint shares with the others of its outcome while its analysis is chosen. */
    private record Draft(String id, Outcome outcome, TrialDesign design, List<Offset> times) {

        Endpoint endpoint(String form, String item, String variable, EndpointType type, int visitsAfterBaseline,
                List<String> questions) {
            List<String> asked = new ArrayList<>(questions);
            DesignKind kind = design.kind();
            // a crossover compares each subject's values at the end of the two periods, not changes from baseline
            String compared = kind == DesignKind.CROSSOVER ? variable.replace(", change from baseline",
                    ", at the end of each period") : variable;
            PlannedMethod method = method(type, kind, visitsAfterBaseline);
            String rationale = rationale(type, kind, method, visitsAfterBaseline);
            if (method == PlannedMethod.UNDECIDED && type != EndpointType.UNKNOWN) {
                asked.add("no default analysis for a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + " endpoint in a " + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " trial");
            }
            Population population = kind == DesignKind.SINGLE_GROUP ? Population.ALL_TREATED
                    : type == EndpointType.BINARY ? Population.SAFETY : Population.INTENTION_TO_TREAT;
            List<String> supportive = population == Population.INTENTION_TO_TREAT
                    ? List.of("the same analysis in the " + Population.PER_PROTOCOL.name().toLowerCase(Locale.ROOT)
                            .replace('_', '-') + " population") : List.of();
            return new Endpoint(id, outcome.kind(), outcome.measure(), outcome.timeFrameText(), form, item, compared,
                    type, times, population, method, covariates(type, kind), missingData(method),
                    estimand(compared, population, type, method), rationale, supportive, asked);
        }

        private static PlannedMethod method(EndpointType type, DesignKind kind, int visitsAfterBaseline) {
            if (kind == DesignKind.SINGLE_GROUP) {
                return switch (type) {
                    case CONTINUOUS, ORDINAL -> PlannedMethod.WITHIN_SUBJECT_CHANGE;
                    case BINARY -> PlannedMethod.PROPORTION_WITH_EXACT_INTERVAL;
                    default -> PlannedMethod.UNDECIDED;
                };
            }
            if (kind == DesignKind.CROSSOVER) {
                return switch (type) {
                    case CONTINUOUS, COUNT -> PlannedMethod.CROSSOVER;
                    case BINARY -> PlannedMethod.PAIRED_PROPORTIONS;
                    default -> PlannedMethod.UNDECIDED;
                };
            }
            return switch (type) {
                case CONTINUOUS -> visitsAfterBaseline >= 2 ? PlannedMethod.MMRM : PlannedMethod.ANCOVA;
                case ORDINAL -> PlannedMethod.PROPORTIONAL_ODDS;
                case COUNT -> PlannedMethod.NEGATIVE_BINOMIAL;
                case TIME_TO_EVENT -> PlannedMethod.COX;
                case BINARY -> PlannedMethod.RISK_DIFFERENCE;
                case UNKNOWN -> PlannedMethod.UNDECIDED;
            };
        }

        private static String rationale(EndpointType type, DesignKind kind, PlannedMethod method, int visits) {
            return switch (method) {
                case MMRM -> "a continuous measure taken at " + visits + " visits after baseline: every observed visit"
                        + " counts, missing ones are missing at random, and the arms are compared at the registered time";
                case ANCOVA -> "a continuous measure taken once after baseline: adjusting for the baseline value gains"
                        + " precision";
                case PROPORTIONAL_ODDS -> "ordered classes: one common odds ratio of being in a better class, adjusted"
                        + " for the baseline class; a shift table beside it";
                case NEGATIVE_BINOMIAL -> "counts vary more than a Poisson allows: negative binomial, with the"
                        + " exposure (scans or follow-up) as offset";
                case COX -> "a time to the first event, censored at the last contact";
                case RISK_DIFFERENCE -> "whether each subject had an event: the difference in proportions";
                case CROSSOVER -> "each subject receives both treatments: the within-subject difference, with period"
                        + " and carryover";
                case PAIRED_PROPORTIONS -> "each subject receives both treatments: whether an event began on each,"
                        + " compared within subjects, the period allowed for";
                case WITHIN_SUBJECT_CHANGE -> "a single group: the change from baseline, without a comparator";
                case PROPORTION_WITH_EXACT_INTERVAL -> "a single group: the proportion with an event";
                case UNDECIDED -> type == EndpointType.UNKNOWN ? "the outcome was not recognised"
                        : "no default for this kind of endpoint in a " + kind.name().toLowerCase(Locale.ROOT)
                                .replace('_', ' ') + " trial";
            };
        }

        private List<String> covariates(EndpointType type, DesignKind kind) {
            List<String> covariates = new ArrayList<>();
            if (kind == DesignKind.PARALLEL && (type == EndpointType.CONTINUOUS || type == EndpointType.ORDINAL
                    || type == EndpointType.COUNT)) {
                covariates.add("baseline value");
            }
            if (kind == DesignKind.PARALLEL && type != EndpointType.BINARY && design.method() != null) {
                covariates.addAll(design.method().strata());
            }
            return covariates;
        }

        private static String missingData(PlannedMethod method) {
            return switch (method) {
                case MMRM -> "missing at random: the likelihood uses every observed visit, none imputed; a reference-"
                        + "based multiple imputation as sensitivity analysis";
                case ANCOVA, PROPORTIONAL_ODDS, CROSSOVER, WITHIN_SUBJECT_CHANGE -> "complete cases at the time point;"
                        + " multiple imputation under missing at random as sensitivity analysis";
                case NEGATIVE_BINOMIAL -> "the offset counts the scans or time actually observed";
                case COX -> "censored at the last contact";
                case RISK_DIFFERENCE, PAIRED_PROPORTIONS, PROPORTION_WITH_EXACT_INTERVAL -> "subjects count with the"
                        + " events seen while followed";
                case UNDECIDED -> "to be decided with the analysis";
            };
        }

        private Estimand estimand(String variable, Population population, EndpointType type, PlannedMethod method) {
            String at = times.isEmpty() ? "" : " at " + String.join(", ", times.stream().map(Offset::toString).toList());
            String intercurrent = switch (type) {
                case TIME_TO_EVENT -> "stopping the product: treatment policy; death from another cause: censored"
                        + " (cause-specific)";
                case BINARY -> "stopping the product: events after it count (treatment policy)";
                default -> "stopping the product or missing an administration: treatment policy (values after it"
                        + " count); death before the time point: no value (while alive)";
            };
            String summary = switch (method) {
                case MMRM -> "difference in least-squares means, experimental − control" + at;
                case ANCOVA -> "difference in adjusted means, experimental − control" + at;
                case PROPORTIONAL_ODDS -> "common odds ratio" + at;
                case NEGATIVE_BINOMIAL -> "rate ratio";
                case COX -> "hazard ratio";
                case RISK_DIFFERENCE -> "difference in proportions";
                case CROSSOVER -> "within-subject difference between treatments";
                case PAIRED_PROPORTIONS -> "difference in the proportions of subjects with an event on each treatment";
                case WITHIN_SUBJECT_CHANGE -> "mean change from baseline" + at;
                case PROPORTION_WITH_EXACT_INTERVAL -> "proportion of subjects";
                case UNDECIDED -> "to be decided";
            };
            return new Estimand(treatments(), population.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": "
                    + population.definition(), variable + at, intercurrent, summary);
        }

        private String treatments() {
            List<TrialArm> arms = design.arms();
            if (design.kind() == DesignKind.SINGLE_GROUP || arms.size() < 2) {
                return arms.isEmpty() ? "the trial's treatment" : arms.get(0).label() + " (no comparator)";
            }
            TrialArm control = arms.stream().filter(TrialArm::isPlacebo).findFirst().orElse(arms.get(0));
            return String.join(", ", arms.stream().filter(a -> a != control).map(TrialArm::label).toList()) + " vs "
                    + control.label();
        }
    }
}
