package org.stroma.protocol;

/** A party the registry says is kept unaware of the assignment. */
public enum MaskedParty implements Coded {
    PARTICIPANT("Participant"),
    CARE_PROVIDER("Care Provider"),
    INVESTIGATOR("Investigator"),
    OUTCOMES_ASSESSOR("Outcomes Assessor");

    private final String label;

    MaskedParty(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
