package org.stroma.protocol.registry;

import java.util.Map;

/**
 * The display strings the classic API and the legacy XML use for API v2 codes, written out from the registry's
 * documentation and the real classic records, independently of the importers' own vocabulary.
 */
final class RegistryLabels {
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("ACTIVE_NOT_RECRUITING", "Active, not recruiting"), Map.entry("COMPLETED", "Completed"),
            Map.entry("ENROLLING_BY_INVITATION", "Enrolling by invitation"),
            Map.entry("NOT_YET_RECRUITING", "Not yet recruiting"), Map.entry("RECRUITING", "Recruiting"),
            Map.entry("SUSPENDED", "Suspended"), Map.entry("TERMINATED", "Terminated"),
            Map.entry("WITHDRAWN", "Withdrawn"), Map.entry("UNKNOWN", "Unknown status"),
            Map.entry("AVAILABLE", "Available"), Map.entry("NO_LONGER_AVAILABLE", "No longer available"),
            Map.entry("INTERVENTIONAL", "Interventional"), Map.entry("OBSERVATIONAL", "Observational"),
            Map.entry("EXPANDED_ACCESS", "Expanded Access"),
            Map.entry("PHASE1", "Phase 1"), Map.entry("PHASE2", "Phase 2"), Map.entry("PHASE3", "Phase 3"),
            Map.entry("PHASE4", "Phase 4"), Map.entry("EARLY_PHASE1", "Early Phase 1"),
            Map.entry("RANDOMIZED", "Randomized"), Map.entry("NON_RANDOMIZED", "Non-Randomized"),
            Map.entry("SINGLE_GROUP", "Single Group Assignment"), Map.entry("PARALLEL", "Parallel Assignment"),
            Map.entry("CROSSOVER", "Crossover Assignment"), Map.entry("FACTORIAL", "Factorial Assignment"),
            Map.entry("SEQUENTIAL", "Sequential Assignment"),
            Map.entry("TREATMENT", "Treatment"), Map.entry("PREVENTION", "Prevention"),
            Map.entry("DIAGNOSTIC", "Diagnostic"), Map.entry("SUPPORTIVE_CARE", "Supportive Care"),
            Map.entry("SCREENING", "Screening"), Map.entry("HEALTH_SERVICES_RESEARCH", "Health Services Research"),
            Map.entry("BASIC_SCIENCE", "Basic Science"), Map.entry("DEVICE_FEASIBILITY", "Device Feasibility"),
            Map.entry("NONE", "None (Open Label)"), Map.entry("SINGLE", "Single"), Map.entry("DOUBLE", "Double"),
            Map.entry("TRIPLE", "Triple"), Map.entry("QUADRUPLE", "Quadruple"),
            Map.entry("PARTICIPANT", "Participant"), Map.entry("CARE_PROVIDER", "Care Provider"),
            Map.entry("INVESTIGATOR", "Investigator"), Map.entry("OUTCOMES_ASSESSOR", "Outcomes Assessor"),
            Map.entry("EXPERIMENTAL", "Experimental"), Map.entry("ACTIVE_COMPARATOR", "Active Comparator"),
            Map.entry("PLACEBO_COMPARATOR", "Placebo Comparator"), Map.entry("SHAM_COMPARATOR", "Sham Comparator"),
            Map.entry("NO_INTERVENTION", "No Intervention"),
            Map.entry("DRUG", "Drug"), Map.entry("BIOLOGICAL", "Biological"), Map.entry("DEVICE", "Device"),
            Map.entry("PROCEDURE", "Procedure"), Map.entry("BEHAVIORAL", "Behavioral"), Map.entry("GENETIC", "Genetic"),
            Map.entry("RADIATION", "Radiation"), Map.entry("DIETARY_SUPPLEMENT", "Dietary Supplement"),
            Map.entry("COMBINATION_PRODUCT", "Combination Product"), Map.entry("DIAGNOSTIC_TEST", "Diagnostic Test"),
            Map.entry("ALL", "All"), Map.entry("FEMALE", "Female"), Map.entry("MALE", "Male"),
            Map.entry("CHILD", "Child"), Map.entry("ADULT", "Adult"), Map.entry("OLDER_ADULT", "Older Adult"),
            Map.entry("SPONSOR", "Sponsor"), Map.entry("PRINCIPAL_INVESTIGATOR", "Principal Investigator"),
            Map.entry("SPONSOR_INVESTIGATOR", "Sponsor-Investigator"), Map.entry("STUDY_CHAIR", "Study Chair"),
            Map.entry("STUDY_DIRECTOR", "Study Director"), Map.entry("SUB_INVESTIGATOR", "Sub-Investigator"),
            Map.entry("CONTACT", "Contact"), Map.entry("ACTUAL", "Actual"), Map.entry("ESTIMATED", "Anticipated"),
            Map.entry("OTHER", "Other"), Map.entry("INDUSTRY", "Industry"), Map.entry("NIH", "NIH"),
            Map.entry("FED", "U.S. Fed"), Map.entry("OTHER_GOV", "Other U.S. Federal agency"),
            Map.entry("INDIV", "Individual"), Map.entry("NETWORK", "Network"), Map.entry("UNKNOWN_CLASS", "Unknown"));
    private static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private RegistryLabels() {
    }

    static String label(String code) {
        if (code.equals("NA")) {
            return "N/A";
        }
        String label = LABELS.get(code);
        if (label == null) {
            throw new IllegalArgumentException("no display string for " + code);
        }
        return label;
    }

    /** "2015-06-08" as the classic formats write it: "June 8, 2015"; "2015-06" as "June 2015". */
    static String date(String iso) {
        String[] parts = iso.split("-");
        if (parts.length == 1) {
            return parts[0];
        }
        String month = MONTHS[Integer.parseInt(parts[1]) - 1];
        return parts.length == 2 ? month + " " + parts[0] : month + " " + Integer.parseInt(parts[2]) + ", " + parts[0];
    }
}
