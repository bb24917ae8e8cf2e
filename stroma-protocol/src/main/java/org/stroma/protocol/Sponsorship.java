package org.stroma.protocol;

import java.util.List;

/** The lead sponsor, the collaborators and the responsible party. */
public record Sponsorship(Organization leadSponsor, List<Organization> collaborators, ResponsibleParty responsibleParty) {
    public Sponsorship {
        collaborators = Lists.copy(collaborators);
    }
}
