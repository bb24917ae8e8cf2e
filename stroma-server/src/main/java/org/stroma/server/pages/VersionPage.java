package org.stroma.server.pages;

import org.stroma.protocol.registry.ImportReport;
import org.stroma.server.auth.Principal;
import org.stroma.store.study.ProtocolVersion;
import org.stroma.store.study.VersionState;

/** A protocol version to review: what the import inferred and why, what the record lacks, and the warnings. */
public final class VersionPage {
    private VersionPage() {
    }

    public static String render(Principal p, ProtocolVersion v) {
        ImportReport r = v.report();
        String base = "/studies/" + v.study() + "/versions/" + v.version();
        StringBuilder s = new StringBuilder();
        s.append("<p>").append(Html.esc(v.protocol().identification().briefTitle())).append("</p><p>State: <strong"
                + " id=\"version-state\">").append(v.state().code()).append("</strong>; imported by ")
                .append(Html.esc(v.importedBy())).append("</p>");
        s.append("<section><h2>Inferred (").append(r.inferred().size()).append(")</h2>").append(Html.table(
                r.inferred(), i -> new String[] {Html.esc(i.field()), Html.esc(i.note())}, "Field", "How"))
                .append("</section>");
        s.append("<section><h2>Missing (").append(r.missing().size()).append(")</h2>").append(Html.table(
                r.missing(), i -> new String[] {Html.esc(i.field()), Html.esc(i.note())}, "Field", "Note"))
                .append("</section>");
        if (!r.warnings().isEmpty()) {
            s.append("<section><h2>Warnings</h2><ul>");
            r.warnings().forEach(w -> s.append("<li>").append(Html.esc(w)).append("</li>"));
            s.append("</ul></section>");
        }
        if (v.state() == VersionState.IMPORTED) {
            s.append(Html.form(base + "/review", p.csrfToken(), "", "Mark reviewed"));
        } else if (v.state() == VersionState.REVIEWED) {
            s.append(Html.form(base + "/publish", p.csrfToken(), "", "Publish"));
        } else {
            s.append("<p>").append(Html.link("/studies/" + v.study(), "Go to the study")).append("</p>");
        }
        return Layout.page(v.study() + " version " + v.version(), p, s.toString());
    }
}
