package org.stroma.protocol.registry;

/** The formats and page layouts Stroma reads registry records from. */
public enum RecordFormat {
    CTGOV_V2("ClinicalTrials.gov API v2 JSON"),
    CTGOV_CLASSIC("ClinicalTrials.gov classic API JSON"),
    CTGOV_LEGACY_XML("ClinicalTrials.gov legacy <clinical_study> XML"),
    PAGE_WITH_TABLES("ClinicalTrials.gov classic page with pipe tables"),
    PAGE_PLAIN_TEXT("ClinicalTrials.gov classic page as plain text"),
    PAGE_BASIC_INFORMATION("\"Basic Information\" registry page"),
    STROMA_PROTOCOL("Stroma protocol JSON");

    private final String description;

    RecordFormat(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
