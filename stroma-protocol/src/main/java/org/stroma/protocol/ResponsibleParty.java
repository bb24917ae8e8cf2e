package org.stroma.protocol;

/** Who answers for the registry record: the sponsor, or a named investigator. */
public record ResponsibleParty(
        ResponsiblePartyType type,
        String investigatorName,
        String investigatorTitle,
        String investigatorAffiliation) {
}
