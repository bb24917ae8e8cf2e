package org.stroma.protocol;

/** Main objective of the interventions. */
public enum PrimaryPurpose implements Coded {
    TREATMENT("Treatment"),
    PREVENTION("Prevention"),
    DIAGNOSTIC("Diagnostic"),
    SUPPORTIVE_CARE("Supportive Care"),
    SCREENING("Screening"),
    HEALTH_SERVICES_RESEARCH("Health Services Research"),
    BASIC_SCIENCE("Basic Science"),
    DEVICE_FEASIBILITY("Device Feasibility"),
    ECT("Educational/Counseling/Training"),
    OTHER("Other");

    private final String label;

    PrimaryPurpose(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
