package org.stroma.protocol.registry;

import java.util.Locale;
import java.util.Map;
import org.stroma.protocol.Coded;
import org.stroma.protocol.Masking;
import org.stroma.protocol.OverallStatus;
import org.stroma.protocol.Phase;

/**
 * Finds a registry vocabulary value by its API v2 code ("PARALLEL"), its display label ("Parallel Assignment") or a
 * synonym seen in older formats and third-party pages ("Anticipated", "Phase I", "Open Label"). Matching ignores
 * case, spaces and punctuation.
 */
public final class Vocabulary {
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("anticipated", "ESTIMATED"), Map.entry("estimate", "ESTIMATED"),
            Map.entry("unknown", "UNKNOWN"), Map.entry("unknownstatus", "UNKNOWN"),
            Map.entry("na", "NA"), Map.entry("notapplicable", "NA"), Map.entry("none", "NONE"),
            Map.entry("openlabel", "NONE"), Map.entry("singleblind", "SINGLE"), Map.entry("doubleblind", "DOUBLE"),
            Map.entry("tripleblind", "TRIPLE"), Map.entry("quadrupleblind", "QUADRUPLE"),
            Map.entry("phasei", "PHASE1"), Map.entry("phaseii", "PHASE2"), Map.entry("phaseiii", "PHASE3"),
            Map.entry("phaseiv", "PHASE4"), Map.entry("earlyphasei", "EARLY_PHASE1"), Map.entry("phase0", "EARLY_PHASE1"),
            Map.entry("singlegroup", "SINGLE_GROUP"), Map.entry("parallel", "PARALLEL"),
            Map.entry("crossover", "CROSSOVER"), Map.entry("factorial", "FACTORIAL"),
            Map.entry("sequential", "SEQUENTIAL"), Map.entry("male", "MALE"), Map.entry("female", "FEMALE"),
            Map.entry("both", "ALL"), Map.entry("participants", "PARTICIPANT"), Map.entry("subject", "PARTICIPANT"),
            Map.entry("investigators", "INVESTIGATOR"), Map.entry("careproviders", "CARE_PROVIDER"),
            Map.entry("outcomesassessors", "OUTCOMES_ASSESSOR"), Map.entry("outcomeassessor", "OUTCOMES_ASSESSOR"),
            Map.entry("sponsorinvestigator", "SPONSOR_INVESTIGATOR"), Map.entry("usfed", "FED"),
            Map.entry("educationalcounselingtraining", "ECT"), Map.entry("nonrandomised", "NON_RANDOMIZED"),
            Map.entry("randomised", "RANDOMIZED"), Map.entry("activenotrecruiting", "ACTIVE_NOT_RECRUITING"));

    private Vocabulary() {
    }

    /** The value whose API v2 code is exactly the text; null when none is. */
    public static <E extends Enum<E> & Coded> E exactCode(Class<E> type, String text) {
        for (E value : type.getEnumConstants()) {
            if (value.name().equals(text)) {
                return value;
            }
        }
        return null;
    }

    /** The value whose code, label or synonym matches the text; null when none does. */
    public static <E extends Enum<E> & Coded> E find(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String key = normalise(text);
        if (key.isEmpty()) {
            return null;
        }
        for (E value : type.getEnumConstants()) {
            if (normalise(value.name()).equals(key) || normalise(value.label()).equals(key)) {
                return value;
            }
        }
        String code = SYNONYMS.get(key);
        if (code != null) {
            for (E value : type.getEnumConstants()) {
                if (value.name().equals(code)) {
                    return value;
                }
            }
        }
        return null;
    }

    /**
     * Phases as pages write them: "Phase 1 Phase 2", "Phase 1/Phase 2", "PHASE1/PHASE2", "Phase I/II", "Phase 1|Phase 2",
     * "Early Phase 1", "N/A". The parts are split before they are looked up, so that "I/II" is not read as "III".
     */
    public static java.util.List<Phase> phases(String text) {
        java.util.List<Phase> phases = new java.util.ArrayList<>();
        if (text == null || text.isBlank()) {
            return phases;
        }
        String t = text.trim();
        if (t.matches("(?i)n/?a|not applicable")) {
            phases.add(Phase.NA);
            return phases;
        }
        for (String part : t.split("\\s*(?:/|\\||,|&|\\band\\b)\\s*|(?<!(?i:early))\\s+(?=(?i:early\\s+)?(?i:phase))")) {
            if (part.isBlank()) {
                continue;
            }
            Phase phase = find(Phase.class, part);
            if (phase == null) {
                phase = find(Phase.class, "phase " + part); // "II" in "Phase I/II"
            }
            if (phase != null && !phases.contains(phase)) {
                phases.add(phase);
            }
        }
        return phases;
    }

    /** "Quadruple (Participant, Care Provider, …)" into its level; the parties are read by the caller. */
    public static Masking maskingLevel(String text) {
        if (text == null) {
            return null;
        }
        String level = text.replaceAll("\\(.*", "").trim();
        return find(Masking.class, level);
    }

    /** Recruitment status as pages print it; "Unknown" and "Unknown status" are both UNKNOWN. */
    public static OverallStatus status(String text) {
        return find(OverallStatus.class, text);
    }

    private static String arabic(String n) {
        return switch (n.toLowerCase(Locale.ROOT)) {
            case "i" -> "1";
            case "ii" -> "2";
            case "iii" -> "3";
            case "iv" -> "4";
            default -> n;
        };
    }

    static String normalise(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
