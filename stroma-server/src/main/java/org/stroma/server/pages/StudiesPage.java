package org.stroma.server.pages;

import java.util.List;
import org.stroma.server.auth.Principal;
import org.stroma.store.study.StudySummary;

/** The studies a person works in, and for those who create studies, the import of a registry record. */
public record StudiesPage(Principal principal, List<StudySummary> studies) {

    public static String render(Principal p, List<StudySummary> studies) {
        return Templates.render("page/studies.jte", new StudiesPage(p, studies));
    }
}
