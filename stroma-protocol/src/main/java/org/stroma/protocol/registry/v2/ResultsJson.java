package org.stroma.protocol.registry.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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

/**
 * API v2's {@code resultsSection} read into {@link RegistryResults} and written from it, module by module with the
 * registry's own names. Counts of participants are text in the participant flow and numbers in the adverse events, as
 * the registry writes them; both are read either way.
 */
public final class ResultsJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ResultsJson() {
    }

    public static RegistryResults read(JsonNode results) {
        JsonNode flow = results.path("participantFlowModule");
        JsonNode baseline = results.path("baselineCharacteristicsModule");
        JsonNode events = results.path("adverseEventsModule");
        return new RegistryResults(
                flow.isMissingNode() ? null : new Flow(text(flow, "preAssignmentDetails"), groups(flow.path("groups")),
                        list(flow.path("periods"), p -> new Period(text(p, "title"), milestones(p.path("milestones"),
                                "achievements"), milestones(p.path("dropWithdraws"), "reasons")))),
                baseline.isMissingNode() ? null : new Baseline(text(baseline, "populationDescription"),
                        groups(baseline.path("groups")), denoms(baseline.path("denoms")),
                        list(baseline.path("measures"), ResultsJson::measure)),
                list(results.path("outcomeMeasuresModule").path("outcomeMeasures"), o -> new Outcome(text(o, "type"),
                        text(o, "title"), text(o, "description"), text(o, "populationDescription"),
                        text(o, "reportingStatus"), text(o, "timeFrame"), groups(o.path("groups")),
                        denoms(o.path("denoms")), measure(o), list(o.path("analyses"), ResultsJson::analysis))),
                events.isMissingNode() ? null : new AdverseEvents(text(events, "frequencyThreshold"),
                        text(events, "timeFrame"), text(events, "description"),
                        list(events.path("eventGroups"), g -> new EventGroup(text(g, "id"), text(g, "title"),
                                text(g, "description"), integer(g, "deathsNumAffected"), integer(g, "deathsNumAtRisk"),
                                integer(g, "seriousNumAffected"), integer(g, "seriousNumAtRisk"),
                                integer(g, "otherNumAffected"), integer(g, "otherNumAtRisk"))),
                        list(events.path("seriousEvents"), ResultsJson::event),
                        list(events.path("otherEvents"), ResultsJson::event)));
    }

    public static ObjectNode write(RegistryResults r) {
        ObjectNode results = NODES.objectNode();
        if (r.flow() != null) {
            ObjectNode flow = results.putObject("participantFlowModule");
            put(flow, "preAssignmentDetails", r.flow().preAssignmentDetails());
            groups(flow, r.flow().groups());
            ArrayNode periods = flow.putArray("periods");
            for (Period p : r.flow().periods()) {
                ObjectNode period = periods.addObject();
                put(period, "title", p.title());
                milestones(period.putArray("milestones"), p.milestones(), "achievements");
                if (!p.dropWithdraws().isEmpty()) {
                    milestones(period.putArray("dropWithdraws"), p.dropWithdraws(), "reasons");
                }
            }
        }
        if (r.baseline() != null) {
            ObjectNode baseline = results.putObject("baselineCharacteristicsModule");
            put(baseline, "populationDescription", r.baseline().populationDescription());
            groups(baseline, r.baseline().groups());
            denoms(baseline, r.baseline().participants());
            ArrayNode measures = baseline.putArray("measures");
            r.baseline().measures().forEach(m -> measure(measures.addObject(), m));
        }
        if (!r.outcomes().isEmpty()) {
            ArrayNode outcomes = results.putObject("outcomeMeasuresModule").putArray("outcomeMeasures");
            for (Outcome o : r.outcomes()) {
                ObjectNode outcome = outcomes.addObject();
                put(outcome, "type", o.type());
                put(outcome, "title", o.title());
                put(outcome, "description", o.description());
                put(outcome, "populationDescription", o.populationDescription());
                put(outcome, "reportingStatus", o.reportingStatus());
                put(outcome, "timeFrame", o.timeFrame());
                groups(outcome, o.groups());
                denoms(outcome, o.participants());
                if (o.measure() != null) {
                    ObjectNode m = NODES.objectNode();
                    measure(m, o.measure());
                    m.remove("title");
                    m.remove("description");
                    outcome.setAll(m);
                }
                if (!o.analyses().isEmpty()) {
                    ArrayNode analyses = outcome.putArray("analyses");
                    o.analyses().forEach(a -> analysis(analyses.addObject(), a));
                }
            }
        }
        if (r.adverseEvents() != null) {
            AdverseEvents a = r.adverseEvents();
            ObjectNode events = results.putObject("adverseEventsModule");
            put(events, "frequencyThreshold", a.frequencyThreshold());
            put(events, "timeFrame", a.timeFrame());
            put(events, "description", a.description());
            ArrayNode groups = events.putArray("eventGroups");
            for (EventGroup g : a.groups()) {
                ObjectNode group = groups.addObject();
                put(group, "id", g.id());
                put(group, "title", g.title());
                put(group, "description", g.description());
                number(group, "deathsNumAffected", g.deathsAffected());
                number(group, "deathsNumAtRisk", g.deathsAtRisk());
                number(group, "seriousNumAffected", g.seriousAffected());
                number(group, "seriousNumAtRisk", g.seriousAtRisk());
                number(group, "otherNumAffected", g.otherAffected());
                number(group, "otherNumAtRisk", g.otherAtRisk());
            }
            events(events.putArray("seriousEvents"), a.serious());
            events(events.putArray("otherEvents"), a.other());
        }
        return results;
    }

    private static Measure measure(JsonNode m) {
        return new Measure(text(m, "title"), text(m, "description"), text(m, "paramType"), text(m, "dispersionType"),
                text(m, "unitOfMeasure"), list(m.path("classes"), c -> new MeasureClass(text(c, "title"),
                        list(c.path("categories"), k -> new Category(text(k, "title"), list(k.path("measurements"),
                                v -> new Measurement(text(v, "groupId"), text(v, "value"), text(v, "spread"),
                                        text(v, "lowerLimit"), text(v, "upperLimit"))))))));
    }

    private static void measure(ObjectNode node, Measure m) {
        put(node, "title", m.title());
        put(node, "description", m.description());
        put(node, "paramType", m.paramType());
        put(node, "dispersionType", m.dispersionType());
        put(node, "unitOfMeasure", m.unitOfMeasure());
        ArrayNode classes = node.putArray("classes");
        for (MeasureClass c : m.classes()) {
            ObjectNode cls = classes.addObject();
            put(cls, "title", c.title());
            ArrayNode categories = cls.putArray("categories");
            for (Category k : c.categories()) {
                ObjectNode category = categories.addObject();
                put(category, "title", k.title());
                ArrayNode values = category.putArray("measurements");
                for (Measurement v : k.measurements()) {
                    ObjectNode value = values.addObject();
                    put(value, "groupId", v.groupId());
                    put(value, "value", v.value());
                    put(value, "spread", v.spread());
                    put(value, "lowerLimit", v.lowerLimit());
                    put(value, "upperLimit", v.upperLimit());
                }
            }
        }
    }

    private static Analysis analysis(JsonNode a) {
        List<String> groupIds = new ArrayList<>();
        a.path("groupIds").forEach(g -> groupIds.add(g.asText()));
        return new Analysis(groupIds, text(a, "groupDescription"), text(a, "statisticalMethod"), text(a, "pValue"),
                text(a, "paramType"), text(a, "paramValue"), text(a, "ciPctValue"), text(a, "ciNumSides"),
                text(a, "ciLowerLimit"), text(a, "ciUpperLimit"), text(a, "estimateComment"));
    }

    private static void analysis(ObjectNode node, Analysis a) {
        ArrayNode ids = node.putArray("groupIds");
        a.groupIds().forEach(ids::add);
        put(node, "groupDescription", a.groupDescription());
        put(node, "statisticalMethod", a.statisticalMethod());
        put(node, "pValue", a.pValue());
        put(node, "paramType", a.paramType());
        put(node, "paramValue", a.paramValue());
        put(node, "ciPctValue", a.ciPctValue());
        put(node, "ciNumSides", a.ciNumSides());
        put(node, "ciLowerLimit", a.ciLowerLimit());
        put(node, "ciUpperLimit", a.ciUpperLimit());
        put(node, "estimateComment", a.estimateComment());
    }

    private static Event event(JsonNode e) {
        return new Event(text(e, "term"), text(e, "organSystem"), text(e, "sourceVocabulary"),
                text(e, "assessmentType"), list(e.path("stats"), s -> new EventStats(text(s, "groupId"),
                        integer(s, "numEvents"), integer(s, "numAffected"), integer(s, "numAtRisk"))));
    }

    private static void events(ArrayNode array, List<Event> events) {
        for (Event e : events) {
            ObjectNode event = array.addObject();
            put(event, "term", e.term());
            put(event, "organSystem", e.organSystem());
            put(event, "sourceVocabulary", e.sourceVocabulary());
            put(event, "assessmentType", e.assessmentType());
            ArrayNode stats = event.putArray("stats");
            for (EventStats s : e.stats()) {
                ObjectNode stat = stats.addObject();
                put(stat, "groupId", s.groupId());
                number(stat, "numEvents", s.numEvents());
                number(stat, "numAffected", s.numAffected());
                number(stat, "numAtRisk", s.numAtRisk());
            }
        }
    }

    private static List<Group> groups(JsonNode groups) {
        return list(groups, g -> new Group(text(g, "id"), text(g, "title"), text(g, "description")));
    }

    private static void groups(ObjectNode node, List<Group> groups) {
        ArrayNode array = node.putArray("groups");
        for (Group g : groups) {
            ObjectNode group = array.addObject();
            put(group, "id", g.id());
            put(group, "title", g.title());
            put(group, "description", g.description());
        }
    }

    private static List<Milestone> milestones(JsonNode array, String counts) {
        return list(array, m -> new Milestone(text(m, "type"), text(m, "comment"), byGroup(m.path(counts))));
    }

    private static void milestones(ArrayNode array, List<Milestone> milestones, String counts) {
        for (Milestone m : milestones) {
            ObjectNode milestone = array.addObject();
            put(milestone, "type", m.type());
            put(milestone, "comment", m.comment());
            ArrayNode achievements = milestone.putArray(counts);
            m.subjects().forEach((group, n) -> achievements.addObject().put("groupId", group).put("numSubjects",
                    String.valueOf(n)));
        }
    }

    /** The participants of each group, from a module's first denominator (in participants). */
    private static Map<String, Integer> denoms(JsonNode denoms) {
        return denoms.isArray() && !denoms.isEmpty() ? byGroup(denoms.get(0).path("counts")) : Map.of();
    }

    private static void denoms(ObjectNode node, Map<String, Integer> participants) {
        if (participants.isEmpty()) {
            return;
        }
        ObjectNode denom = node.putArray("denoms").addObject();
        denom.put("units", "Participants");
        ArrayNode counts = denom.putArray("counts");
        participants.forEach((group, n) -> counts.addObject().put("groupId", group).put("value", String.valueOf(n)));
    }

    private static Map<String, Integer> byGroup(JsonNode counts) {
        Map<String, Integer> byGroup = new LinkedHashMap<>();
        for (JsonNode c : counts) {
            JsonNode n = c.has("numSubjects") ? c.get("numSubjects") : c.get("value");
            byGroup.put(c.path("groupId").asText(), n == null || n.asText().isBlank() ? null : n.asInt());
        }
        return byGroup;
    }

    private static <T> List<T> list(JsonNode array, Function<JsonNode, T> read) {
        List<T> list = new ArrayList<>();
        array.forEach(n -> list.add(read.apply(n)));
        return list;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Integer integer(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asInt();
    }

    private static void put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static void number(ObjectNode node, String field, Integer value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
