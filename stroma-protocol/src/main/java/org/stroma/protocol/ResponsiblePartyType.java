package org.stroma.protocol;

/** Who is responsible for the registry record. */
public enum ResponsiblePartyType implements Coded {
    SPONSOR("Sponsor"),
    PRINCIPAL_INVESTIGATOR("Principal Investigator"),
    SPONSOR_INVESTIGATOR("Sponsor-Investigator");

    private final String label;

    ResponsiblePartyType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
