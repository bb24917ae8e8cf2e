package org.stroma.protocol;

import java.util.List;

/**
 * Who the study is: its registry identifier, the sponsor's own study identifier, other identifiers and its titles.
 */
public record Identification(
        String nctId,
        List<String> nctIdAliases,
        String orgStudyId,
        List<SecondaryId> secondaryIds,
        Organization organization,
        String briefTitle,
        String officialTitle,
        String acronym) {

    public Identification {
        nctIdAliases = Lists.copy(nctIdAliases);
        secondaryIds = Lists.copy(secondaryIds);
    }

    /** The EudraCT number, if the record gives one. */
    public String eudraCtNumber() {
        return secondaryIds.stream().filter(s -> s.type() == SecondaryIdType.EUDRACT_NUMBER)
                .map(SecondaryId::id).findFirst().orElse(null);
    }
}
