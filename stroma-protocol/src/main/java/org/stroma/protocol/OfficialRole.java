package org.stroma.protocol;

/** Role of an overall study official. */
public enum OfficialRole implements Coded {
    STUDY_CHAIR("Study Chair"),
    STUDY_DIRECTOR("Study Director"),
    PRINCIPAL_INVESTIGATOR("Principal Investigator"),
    SUB_INVESTIGATOR("Sub-Investigator");

    private final String label;

    OfficialRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
