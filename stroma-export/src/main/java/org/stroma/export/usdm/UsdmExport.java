package org.stroma.export.usdm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.stroma.export.ExportSource;
import org.stroma.export.ExportedFile;
import org.stroma.protocol.Age;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.Phase;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.TimeAnchor;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.design.DesignKind;
import org.stroma.trial.design.TrialArm;
import org.stroma.trial.design.TrialDesign;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.schedule.PlannedVisit;
import org.stroma.trial.schedule.SchedulePlanner;

/**
 * The protocol as a CDISC USDM v4 study definition ({@value #FILE}): the study, its identifiers and titles, and one
 * interventional design — the arms, the epochs (screening, one treatment epoch per period, follow-up), the study cells
 * and elements, the visits as encounters, the forms as activities, the schedule of activities as a timeline whose
 * timings say when each visit falls and its window, the objectives and endpoints from the registered outcomes, the
 * population, and the eligibility criteria, each carrying its computable rule (in Stroma's rule language) and how it
 * was read as extension attributes. Codes are CDISC terminology (code system http://www.cdisc.org, the version the
 * USDM v4 examples use); what the registry record does not say is left out, never guessed.
 */
public final class UsdmExport {
    public static final String FILE = "usdm.json";
    static final String RULE = "https://stroma.org/usdm/computable-rule";
    static final String READING = "https://stroma.org/usdm/rule-reading";
    private static final String RANDOMIZATION = "randomization";
    private static final String CDISC = "http://www.cdisc.org";
    private static final String CDISC_VERSION = "2024-09-27";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final ExportSource source;
    private final Protocol protocol;
    private final TrialDesign design;
    private final Map<String, Integer> counters = new LinkedHashMap<>();

    private UsdmExport(ExportSource source) {
        this.source = source;
        this.protocol = source.protocol();
        this.design = source.design();
    }

    public static List<ExportedFile> files(ExportSource source) {
        try {
            return List.of(ExportedFile.text(FILE, JSON.writeValueAsString(new UsdmExport(source).wrapper())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a study definition that does not write as JSON", e);
        }
    }

    private ObjectNode wrapper() {
        ObjectNode wrapper = NODES.objectNode();
        ObjectNode study = wrapper.putObject("study");
        study.put("id", java.util.UUID.nameUUIDFromBytes(design.trial().getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString());
        study.put("name", design.trial());
        study.put("label", design.title());
        study.put("instanceType", "Study");
        study.putArray("versions").add(version());
        wrapper.put("usdmVersion", "4.0.0");
        wrapper.put("systemName", "Stroma");
        wrapper.put("systemVersion", "0.1.0");
        return wrapper;
    }

    private ObjectNode version() {
        ObjectNode v = entity("StudyVersion");
        v.put("versionIdentifier", "1");
        v.put("rationale", "The protocol as registered at ClinicalTrials.gov, read by Stroma");
        String registry = id("Organization");
        ArrayNode organizations = v.putArray("organizations");
        ObjectNode ctgov = organizations.addObject();
        ctgov.put("id", registry);
        ctgov.put("name", "ClinicalTrials.gov");
        ctgov.set("type", code("C93453", "Study Registry"));
        ctgov.put("identifierScheme", "Registry");
        ctgov.put("identifier", "ClinicalTrials.gov");
        ctgov.put("instanceType", "Organization");
        ObjectNode identifier = v.putArray("studyIdentifiers").addObject();
        identifier.put("id", id("StudyIdentifier"));
        identifier.put("text", design.trial());
        identifier.put("scopeId", registry);
        identifier.put("instanceType", "StudyIdentifier");
        String sponsor = protocol.sponsorship() == null || protocol.sponsorship().leadSponsor() == null ? null
                : protocol.sponsorship().leadSponsor().name();
        if (sponsor != null) {
            ObjectNode org = organizations.addObject();
            org.put("id", id("Organization"));
            org.put("name", sponsor);
            org.set("type", code("C70793", "Clinical Study Sponsor"));
            org.put("identifierScheme", "Sponsor name");
            org.put("identifier", sponsor);
            org.put("instanceType", "Organization");
        }
        ArrayNode titles = v.putArray("titles");
        var identification = protocol.identification();
        title(titles, identification == null ? null : identification.officialTitle(), "C99905x2", "Official Study Title");
        title(titles, identification == null || identification.briefTitle() == null ? design.title()
                : identification.briefTitle(), "C99905x1", "Brief Study Title");
        ArrayNode items = v.putArray("eligibilityCriterionItems");
        ObjectNode studyDesign = design(items);
        v.putArray("studyDesigns").add(studyDesign);
        v.put("instanceType", "StudyVersion");
        return v;
    }

    private void title(ArrayNode titles, String text, String code, String decode) {
        if (text == null || text.isBlank()) {
            return;
        }
        ObjectNode t = titles.addObject();
        t.put("id", id("StudyTitle"));
        t.put("text", text);
        t.set("type", code(code, decode));
        t.put("instanceType", "StudyTitle");
    }

    private ObjectNode design(ArrayNode criterionItems) {
        ObjectNode d = entity("InterventionalStudyDesign");
        d.put("name", design.trial() + " design");
        d.put("label", design.title());
        d.put("rationale", "Derived by Stroma from the registry record: arms, allocation, masking and visit schedule");
        d.set("studyType", code("C98388", "Interventional Study"));
        ObjectNode phase = phase();
        if (phase != null) {
            d.set("studyPhase", phase);
        }
        ObjectNode blinding = blinding();
        if (blinding != null) {
            d.set("blindingSchema", blinding);
        }
        d.set("model", design.kind() == DesignKind.CROSSOVER ? code("C82637", "Crossover Study")
                : design.arms().size() == 1 ? code("C82640", "Single Group Study") : code("C82639", "Parallel Study"));

        // epochs: screening, a treatment epoch per period, follow-up
        List<String> epochIds = new ArrayList<>();
        ArrayNode epochs = d.putArray("epochs");
        String screening = epoch(epochs, epochIds, "Screening", "C202487", "Screening Epoch");
        int periods = Math.max(1, design.periods().size());
        List<String> treatment = new ArrayList<>();
        for (int p = 1; p <= periods; p++) {
            treatment.add(epoch(epochs, epochIds, periods == 1 ? "Treatment" : "Treatment period " + p, "C101526",
                    "Treatment Epoch"));
        }
        String followUp = epoch(epochs, epochIds, "Follow-up", "C202578", "Follow-Up Epoch");
        linkInOrder(epochs);

        // arms, elements (what a subject of an arm receives in a treatment epoch) and cells
        ArrayNode arms = d.putArray("arms");
        ArrayNode elements = d.putArray("elements");
        ArrayNode cells = d.putArray("studyCells");
        String screeningElement = element(elements, "Screening and baseline", "Screening, consent and baseline visit");
        String followUpElement = element(elements, "Follow-up", "Follow-up visits after the last administration");
        // a crossover's arms are its sequences: each period's element is the treatment of that period
        for (String group : design.ratio().groups()) {
            List<TrialArm> treatments = design.armsOf(group);
            ObjectNode a = arms.addObject();
            String armId = id("StudyArm");
            a.put("id", armId);
            a.put("name", group);
            a.put("label", String.join(" then ", treatments.stream().map(TrialArm::label).toList()));
            a.set("type", armType(treatments));
            a.put("dataOriginDescription", "Data collected in the trial");
            a.set("dataOriginType", code("C188866", "Data Generated Within Study"));
            a.put("instanceType", "StudyArm");
            cell(cells, armId, screening, screeningElement);
            for (int p = 0; p < treatment.size(); p++) {
                TrialArm given = treatments.get(Math.min(p, treatments.size() - 1));
                cell(cells, armId, treatment.get(p), element(elements, given.label(), given.label()));
            }
            cell(cells, armId, followUp, followUpElement);
        }

        // the schedule of activities: visits as encounters, forms as activities, a timeline of when each falls
        Map<String, String> encounterIds = new LinkedHashMap<>();
        ArrayNode encounters = d.putArray("encounters");
        for (PlannedVisit visit : source.schedule()) {
            ObjectNode e = encounters.addObject();
            String id = id("Encounter");
            encounterIds.put(visit.name(), id);
            e.put("id", id);
            e.put("name", visit.name());
            e.put("label", visit.name());
            e.put("description", visit.assessments().isEmpty() ? null : String.join("; ", visit.assessments()));
            e.set("type", code("C25716", "Visit"));
            e.put("instanceType", "Encounter");
        }
        linkInOrder(encounters);
        Map<String, String> activityIds = new LinkedHashMap<>();
        ArrayNode activities = d.putArray("activities");
        activity(activities, activityIds, RANDOMIZATION, "Randomization: the allocation and its kit code");
        String administration = activity(activities, activityIds, "administration", "Administration of the product"
                + " allocated (cells or, in a controlled trial, placebo)");
        for (List<FormDef> forms : source.formPlan().values()) {
            for (FormDef f : forms) {
                if (!activityIds.containsKey(f.id())) {
                    activity(activities, activityIds, f.id(), f.title());
                }
            }
        }
        linkInOrder(activities);
        d.putArray("scheduleTimelines").add(timeline(encounterIds, activityIds, administration, screening,
                treatment, followUp));

        objectives(d);
        population(d, criterionItems);
        d.put("instanceType", "InterventionalStudyDesign");
        return d;
    }

    private String epoch(ArrayNode epochs, List<String> ids, String name, String code, String decode) {
        ObjectNode e = epochs.addObject();
        String id = id("StudyEpoch");
        ids.add(id);
        e.put("id", id);
        e.put("name", name);
        e.set("type", code(code, decode));
        e.put("instanceType", "StudyEpoch");
        return id;
    }

    private String element(ArrayNode elements, String name, String description) {
        for (var existing : elements) {
            if (existing.path("name").asText().equals(name)) {
                return existing.path("id").asText();
            }
        }
        ObjectNode e = elements.addObject();
        String id = id("StudyElement");
        e.put("id", id);
        e.put("name", name);
        e.put("description", description);
        e.put("instanceType", "StudyElement");
        return id;
    }

    private void cell(ArrayNode cells, String arm, String epoch, String element) {
        ObjectNode c = cells.addObject();
        c.put("id", id("StudyCell"));
        c.put("armId", arm);
        c.put("epochId", epoch);
        c.putArray("elementIds").add(element);
        c.put("instanceType", "StudyCell");
    }

    private String activity(ArrayNode activities, Map<String, String> ids, String name, String label) {
        ObjectNode a = activities.addObject();
        String id = id("Activity");
        ids.put(name, id);
        a.put("id", id);
        a.put("name", name);
        a.put("label", label);
        a.put("instanceType", "Activity");
        return id;
    }

    /**
     * The main timeline: it starts at randomization (an instance of its own, the timeline's one fixed reference), then
     * a scheduled instance per visit (its encounter, its forms, its epoch). Each visit's timing runs from the instance
     * of its anchor — randomization, or the first administration for a time counted from it (the baseline visit is
     * counted back from it) — with the visit's window.
     */
    private ObjectNode timeline(Map<String, String> encounterIds, Map<String, String> activityIds,
            String administration, String screening, List<String> treatment, String followUp) {
        ObjectNode t = entity("ScheduleTimeline");
        t.put("name", "Main timeline");
        t.put("label", "Schedule of activities");
        t.put("mainTimeline", true);
        t.put("entryCondition", "A participant randomized into the trial");
        ArrayNode instances = t.putArray("instances");
        ObjectNode start = instances.addObject();
        String randomized = id("ScheduledActivityInstance");
        start.put("id", randomized);
        start.put("name", "Randomization");
        start.putArray("activityIds").add(activityIds.get(RANDOMIZATION));
        start.put("epochId", screening);
        start.put("instanceType", "ScheduledActivityInstance");
        t.put("entryId", randomized);
        Map<String, String> instanceIds = new LinkedHashMap<>();
        List<PlannedVisit> visits = source.schedule();
        for (PlannedVisit visit : visits) {
            ObjectNode i = instances.addObject();
            String id = id("ScheduledActivityInstance");
            instanceIds.put(visit.name(), id);
            i.put("id", id);
            i.put("name", visit.name());
            Set<String> activities = new LinkedHashSet<>();
            if (isAdministration(visit)) {
                activities.add(administration);
            }
            source.formPlan().getOrDefault(visit.name(), List.of()).forEach(f -> activities.add(activityIds.get(
                    f.id())));
            ArrayNode ids = i.putArray("activityIds");
            activities.forEach(ids::add);
            i.put("encounterId", encounterIds.get(visit.name()));
            i.put("epochId", epochOf(visit, screening, treatment, followUp));
            i.put("instanceType", "ScheduledActivityInstance");
        }
        String firstAdministration = instanceIds.getOrDefault(SchedulePlanner.ADMINISTRATION, randomized);
        ArrayNode timings = t.putArray("timings");
        ObjectNode reference = timings.addObject();
        reference.put("id", id("Timing"));
        reference.put("name", "Randomization timing");
        reference.set("type", code("C201358", "Fixed Reference"));
        reference.put("value", "P0D");
        reference.put("valueLabel", "Randomization: day 0 of the timeline");
        reference.set("relativeToFrom", code("C201355", "Start to Start"));
        reference.put("relativeFromScheduledInstanceId", randomized);
        reference.put("instanceType", "Timing");
        for (PlannedVisit visit : visits) {
            boolean fromAdministration = visit.anchor() == TimeAnchor.FIRST_ADMINISTRATION
                    && !instanceIds.get(visit.name()).equals(firstAdministration);
            boolean before = visit.name().equals(SchedulePlanner.BASELINE);
            ObjectNode timing = timings.addObject();
            timing.put("id", id("Timing"));
            timing.put("name", visit.name() + " timing");
            timing.set("type", before ? code("C201357", "Before") : code("C201356", "After"));
            timing.put("value", "P" + Math.round(visit.offset().approximateDays()) + "D");
            timing.put("valueLabel", visit.offset() + (before ? " before " : " after ") + (fromAdministration
                    ? TimeAnchor.FIRST_ADMINISTRATION.label() : TimeAnchor.RANDOMIZATION.label()));
            timing.set("relativeToFrom", code("C201355", "Start to Start"));
            timing.put("relativeFromScheduledInstanceId", instanceIds.get(visit.name()));
            timing.put("relativeToScheduledInstanceId", fromAdministration ? firstAdministration : randomized);
            timing.put("windowLower", "P" + visit.daysEarly() + "D");
            timing.put("windowUpper", "P" + visit.daysLate() + "D");
            timing.put("windowLabel", "-" + visit.daysEarly() + " to +" + visit.daysLate() + " days"
                    + (visit.assumedWindow() ? " (assumed: the registry gives no window)" : ""));
            timing.put("instanceType", "Timing");
        }
        t.put("instanceType", "ScheduleTimeline");
        return t;
    }

    private static boolean isAdministration(PlannedVisit visit) {
        return visit.name().toLowerCase(Locale.ROOT).contains("administration");
    }

    /** A visit's epoch: before the first administration screening, a crossover's earlier periods treatment. */
    private String epochOf(PlannedVisit visit, String screening, List<String> treatment, String followUp) {
        if (visit.name().equals(SchedulePlanner.BASELINE)) {
            return screening;
        }
        int period = Math.max(1, Math.min(visit.period(), treatment.size()));
        if (isAdministration(visit) || period < treatment.size()) {
            return treatment.get(period - 1);
        }
        return followUp;
    }

    /** An objective per level of the registered outcomes, each with its outcomes as endpoints. */
    private void objectives(ObjectNode d) {
        ArrayNode objectives = d.putArray("objectives");
        for (OutcomeKind kind : OutcomeKind.values()) {
            List<Outcome> outcomes = protocol.outcomes(kind);
            if (outcomes.isEmpty()) {
                continue;
            }
            ObjectNode o = objectives.addObject();
            o.put("id", id("Objective"));
            o.put("name", kind.label() + " objective");
            o.put("text", "To evaluate the " + kind.label().toLowerCase(Locale.ROOT) + " outcome measures as"
                    + " registered (the registry states outcomes, not objectives)");
            o.set("level", switch (kind) {
                case PRIMARY -> code("C85826", "Primary Objective");
                case SECONDARY -> code("C85827", "Secondary Objective");
                case OTHER -> code("C163559", "Exploratory Objective");
            });
            ArrayNode endpoints = o.putArray("endpoints");
            for (Outcome out : outcomes) {
                ObjectNode e = endpoints.addObject();
                e.put("id", id("Endpoint"));
                e.put("name", out.measure());
                e.put("description", out.description());
                e.put("text", out.measure() + (out.timeFrameText() == null ? "" : " [time frame: "
                        + out.timeFrameText() + "]"));
                e.put("purpose", kind == OutcomeKind.PRIMARY ? "Primary" : kind.label());
                e.set("level", switch (kind) {
                    case PRIMARY -> code("C94496", "Primary Endpoint");
                    case SECONDARY -> code("C139173", "Secondary Endpoint");
                    case OTHER -> code("C170559", "Exploratory Endpoint");
                });
                e.put("instanceType", "Endpoint");
            }
            o.put("instanceType", "Objective");
        }
    }

    /**
     * The population: healthy volunteers, planned enrolment, age and sex as registered; and the eligibility
     * criteria, each with its text (an item of the study version) and its computable rule.
     */
    private void population(ObjectNode d, ArrayNode criterionItems) {
        ObjectNode p = entity("StudyDesignPopulation");
        p.put("name", "Study population");
        Eligibility eligibility = protocol.eligibility();
        p.put("includesHealthySubjects", eligibility != null && Boolean.TRUE.equals(eligibility.healthyVolunteers()));
        Integer planned = protocol.design() == null || protocol.design().enrollment() == null ? null
                : protocol.design().enrollment().count();
        if (planned != null) {
            p.set("plannedEnrollmentNumber", quantity(planned, null));
        }
        if (eligibility != null && eligibility.sex() != null) {
            p.putArray("plannedSex").add(switch (eligibility.sex()) {
                case ALL -> code("C49636", "Both");
                case FEMALE -> code("C16576", "Female");
                case MALE -> code("C20197", "Male");
            });
        }
        if (eligibility != null && eligibility.minimumAge() != null && eligibility.maximumAge() != null) {
            ObjectNode range = entity("Range");
            range.set("minValue", quantity(years(eligibility.minimumAge()), code("C29848", "Year")));
            range.set("maxValue", quantity(years(eligibility.maximumAge()), code("C29848", "Year")));
            range.put("isApproximate", false);
            range.put("instanceType", "Range");
            p.set("plannedAge", range);
        }
        ArrayNode criterionIds = p.putArray("criterionIds");
        ArrayNode criteria = d.putArray("eligibilityCriteria");
        CompiledEligibility compiled = source.eligibility();
        for (CompiledCriterion c : compiled.inclusion()) {
            criterionIds.add(criterion(criteria, criterionItems, c, true));
        }
        for (CompiledCriterion c : compiled.exclusion()) {
            criterionIds.add(criterion(criteria, criterionItems, c, false));
        }
        linkInOrder(criteria);
        p.put("instanceType", "StudyDesignPopulation");
        d.set("population", p);
    }

    private String criterion(ArrayNode criteria, ArrayNode items, CompiledCriterion c, boolean inclusion) {
        ObjectNode item = items.addObject();
        String itemId = id("EligibilityCriterionItem");
        item.put("id", itemId);
        item.put("name", c.id());
        item.put("text", c.text());
        item.put("instanceType", "EligibilityCriterionItem");
        ObjectNode criterion = criteria.addObject();
        String id = id("EligibilityCriterion");
        criterion.put("id", id);
        ArrayNode extensions = criterion.putArray("extensionAttributes");
        extension(extensions, RULE, c.rule().ruleText());
        extension(extensions, READING, c.reading().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        criterion.put("name", c.id());
        criterion.put("label", c.rule().describe());
        criterion.set("category", inclusion ? code("C25532", "Inclusion Criteria") : code("C25370",
                "Exclusion Criteria"));
        criterion.put("identifier", c.id());
        criterion.put("criterionItemId", itemId);
        criterion.put("instanceType", "EligibilityCriterion");
        return id;
    }

    private void extension(ArrayNode extensions, String url, String value) {
        ObjectNode e = extensions.addObject();
        e.put("id", id("ExtensionAttribute"));
        e.put("url", url);
        e.put("valueString", value);
        e.put("instanceType", "ExtensionAttribute");
    }

    private ObjectNode phase() {
        List<Phase> phases = protocol.design() == null ? List.of() : protocol.design().phases();
        ObjectNode standard;
        if (phases.contains(Phase.PHASE1) && phases.contains(Phase.PHASE2)) {
            standard = code("C15693", "Phase I/II Trial");
        } else if (phases.contains(Phase.PHASE2) && phases.contains(Phase.PHASE3)) {
            standard = code("C15694", "Phase II/III Trial");
        } else if (phases.size() == 1) {
            standard = switch (phases.get(0)) {
                case PHASE1 -> code("C15600", "Phase I Trial");
                case PHASE2 -> code("C15601", "Phase II Trial");
                case PHASE3 -> code("C15602", "Phase III Trial");
                case PHASE4 -> code("C15603", "Phase IV Trial");
                default -> null;
            };
        } else {
            standard = null;
        }
        return standard == null ? null : alias(standard);
    }

    /** Double blind where the participant and the investigator are both masked, open label where nobody is. */
    private ObjectNode blinding() {
        if (design.masked().isEmpty()) {
            return alias(code("C49659", "Open Label Study"));
        }
        boolean participant = design.masked().stream().anyMatch(m -> m.name().equals("PARTICIPANT"));
        boolean investigator = design.masked().stream().anyMatch(m -> m.name().equals("INVESTIGATOR"));
        return participant && investigator ? alias(code("C15228", "Double Blind Study")) : null;
    }

    /** An arm's type: a placebo control when all it gives is placebo, investigational when it gives the product. */
    private ObjectNode armType(List<TrialArm> treatments) {
        if (treatments.size() > 1) {
            return code("C174266", "Investigational Arm");
        }
        TrialArm arm = treatments.get(0);
        return switch (arm.type() == null ? org.stroma.protocol.ArmType.OTHER : arm.type()) {
            case PLACEBO_COMPARATOR -> code("C174268", "Placebo Control Arm");
            case ACTIVE_COMPARATOR -> code("C174267", "Active Comparator Arm");
            default -> code("C174266", "Investigational Arm");
        };
    }

    private ObjectNode alias(ObjectNode standard) {
        ObjectNode a = entity("AliasCode");
        a.set("standardCode", standard);
        a.putArray("standardCodeAliases");
        a.put("instanceType", "AliasCode");
        return a;
    }

    private ObjectNode quantity(double value, ObjectNode unit) {
        ObjectNode q = entity("Quantity");
        q.put("value", value);
        if (unit != null) {
            q.set("unit", alias(unit));
        }
        q.put("instanceType", "Quantity");
        return q;
    }

    private static double years(Age age) {
        return Math.round(age.inYears() * 100) / 100.0;
    }

    private ObjectNode code(String code, String decode) {
        ObjectNode c = entity("Code");
        c.put("code", code);
        c.put("codeSystem", CDISC);
        c.put("codeSystemVersion", CDISC_VERSION);
        c.put("decode", decode);
        c.put("instanceType", "Code");
        return c;
    }

    /** A new entity with its id: the class name and a number, Stroma's own ids being unique within the study. */
    private ObjectNode entity(String type) {
        ObjectNode node = NODES.objectNode();
        node.put("id", id(type));
        return node;
    }

    private String id(String type) {
        return type + "_" + counters.merge(type, 1, Integer::sum);
    }

    /** Sets previousId and nextId along a list, the order USDM reads it in. */
    private static void linkInOrder(ArrayNode list) {
        for (int i = 0; i < list.size(); i++) {
            ObjectNode n = (ObjectNode) list.get(i);
            n.put("previousId", i == 0 ? null : list.get(i - 1).path("id").asText());
            n.put("nextId", i == list.size() - 1 ? null : list.get(i + 1).path("id").asText());
        }
    }
}
