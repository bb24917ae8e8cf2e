package org.stroma.protocol;

/** An overall study official: principal investigator, study chair or director. */
public record Official(String name, String affiliation, OfficialRole role) {
}
