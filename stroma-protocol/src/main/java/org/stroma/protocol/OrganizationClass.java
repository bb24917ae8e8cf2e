package org.stroma.protocol;

/** Kind of organisation (the registry's agency class). */
public enum OrganizationClass implements Coded {
    NIH("NIH"),
    FED("U.S. Fed"),
    OTHER_GOV("Other U.S. Federal agency"),
    INDIV("Individual"),
    INDUSTRY("Industry"),
    NETWORK("Network"),
    AMBIG("Ambiguous"),
    OTHER("Other"),
    UNKNOWN("Unknown");

    private final String label;

    OrganizationClass(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
