package org.stroma.server.pages;

import java.util.List;
import org.stroma.server.auth.Principal;
import org.stroma.store.study.StudySummary;

/** The studies a person works in, and for those who create studies, the import of a registry record. */
public final class StudiesPage {
    private StudiesPage() {
    }

    public static String render(Principal p, List<StudySummary> studies) {
        String list = studies.isEmpty() ? "<p class=\"muted\">No studies yet.</p>" : Html.table(studies,
                s -> new String[] {Html.link("/studies/" + s.id(), s.id()), Html.esc(s.title()),
                        s.publishedVersion() == 0 ? "not published" : "version " + s.publishedVersion(),
                        s.latestVersion() > s.publishedVersion() ? Html.link("/studies/" + s.id() + "/versions/"
                                + s.latestVersion(), "version " + s.latestVersion() + " to review") : ""},
                "Study", "Title", "Running on", "Pending");
        String importForm = "<section><h2>Import a registry record</h2><p class=\"muted\">ClinicalTrials.gov API v2"
                + " or classic JSON, legacy XML, a saved record page, or a Stroma protocol file.</p>"
                + "<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\"><input type=\"hidden\""
                + " name=\"_csrf\" value=\"" + Html.esc(p.csrfToken()) + "\"><input type=\"file\" name=\"record\""
                + " id=\"record\" required><br><button type=\"submit\">Import</button></form></section>";
        return Layout.page("Studies", p, list + importForm);
    }
}
