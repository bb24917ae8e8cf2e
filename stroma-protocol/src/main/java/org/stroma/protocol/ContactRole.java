package org.stroma.protocol;

/** Role of a contact; site investigators are contacts with an investigator role. */
public enum ContactRole implements Coded {
    CONTACT("Contact"),
    PRINCIPAL_INVESTIGATOR("Principal Investigator"),
    SUB_INVESTIGATOR("Sub-Investigator"),
    STUDY_CHAIR("Study Chair"),
    STUDY_DIRECTOR("Study Director");

    private final String label;

    ContactRole(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
