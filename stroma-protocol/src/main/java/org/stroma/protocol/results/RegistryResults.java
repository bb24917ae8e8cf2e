package org.stroma.protocol.results;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trial's results as ClinicalTrials.gov holds them (API v2's {@code resultsSection}): the participant flow, the
 * baseline characteristics, the outcome measures with their statistical analyses, and the adverse events. Values stay
 * as the registry writes them (text for measured values, so that "NA" and a number's written precision survive); the
 * groups of each module are named by their ids (FG000, BG000, OG000, EG000).
 */
public record RegistryResults(Flow flow, Baseline baseline, List<Outcome> outcomes, AdverseEvents adverseEvents) {

    public RegistryResults {
        outcomes = copy(outcomes);
    }

    /** A group of one module: an arm, a sequence or all participants. */
    public record Group(String id, String title, String description) {
    }

    /** Who started, completed and left each period, by group. */
    public record Flow(String preAssignmentDetails, List<Group> groups, List<Period> periods) {
        public Flow {
            groups = copy(groups);
            periods = copy(periods);
        }
    }

    /** A period of the flow: its milestones (STARTED, COMPLETED, NOT_COMPLETED, …) and why participants left. */
    public record Period(String title, List<Milestone> milestones, List<Milestone> dropWithdraws) {
        public Period {
            milestones = copy(milestones);
            dropWithdraws = copy(dropWithdraws);
        }
    }

    /** A milestone or a reason for leaving, with the number of participants of each group. */
    public record Milestone(String type, String comment, Map<String, Integer> subjects) {
        public Milestone {
            subjects = ordered(subjects);
        }
    }

    /** The baseline characteristics: the groups (the last usually all participants), their sizes, the measures. */
    public record Baseline(String populationDescription, List<Group> groups, Map<String, Integer> participants,
            List<Measure> measures) {
        public Baseline {
            groups = copy(groups);
            participants = ordered(participants);
            measures = copy(measures);
        }
    }

    /** A measure: what is given (MEAN, COUNT_OF_PARTICIPANTS, …), its dispersion, its unit, its values by class. */
    public record Measure(String title, String description, String paramType, String dispersionType,
            String unitOfMeasure, List<MeasureClass> classes) {
        public Measure {
            classes = copy(classes);
        }
    }

    public record MeasureClass(String title, List<Category> categories) {
        public MeasureClass {
            categories = copy(categories);
        }
    }

    public record Category(String title, List<Measurement> measurements) {
        public Category {
            measurements = copy(measurements);
        }
    }

    /** One group's value, with its spread or its interval. */
    public record Measurement(String groupId, String value, String spread, String lowerLimit, String upperLimit) {
    }

    /** An outcome measure: what was measured, in whom, its values by group and the analyses comparing them. */
    public record Outcome(String type, String title, String description, String populationDescription,
            String reportingStatus, String timeFrame, List<Group> groups, Map<String, Integer> participants,
            Measure measure, List<Analysis> analyses) {
        public Outcome {
            groups = copy(groups);
            participants = ordered(participants);
            analyses = copy(analyses);
        }
    }

    /** A statistical analysis of an outcome measure: the groups compared, the method, the estimate and its interval. */
    public record Analysis(List<String> groupIds, String groupDescription, String statisticalMethod, String pValue,
            String paramType, String paramValue, String ciPctValue, String ciNumSides, String ciLowerLimit,
            String ciUpperLimit, String estimateComment) {
        public Analysis {
            groupIds = copy(groupIds);
        }
    }

    /** Adverse events: the threshold above which other events are listed, the groups at risk, the events. */
    public record AdverseEvents(String frequencyThreshold, String timeFrame, String description,
            List<EventGroup> groups, List<Event> serious, List<Event> other) {
        public AdverseEvents {
            groups = copy(groups);
            serious = copy(serious);
            other = copy(other);
        }
    }

    public record EventGroup(String id, String title, String description, Integer deathsAffected,
            Integer deathsAtRisk, Integer seriousAffected, Integer seriousAtRisk, Integer otherAffected,
            Integer otherAtRisk) {
    }

    /** One adverse event term, its organ system, and its counts by group. */
    public record Event(String term, String organSystem, String sourceVocabulary, String assessmentType,
            List<EventStats> stats) {
        public Event {
            stats = copy(stats);
        }
    }

    public record EventStats(String groupId, Integer numEvents, Integer numAffected, Integer numAtRisk) {
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static Map<String, Integer> ordered(Map<String, Integer> m) {
        return m == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
