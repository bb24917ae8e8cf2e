package org.stroma.server.pages;

import org.stroma.server.auth.Principal;
import org.stroma.store.study.ProtocolVersion;

/** A protocol version to review: what the import inferred and why, what the record lacks, and the warnings. */
public record VersionPage(Principal principal, ProtocolVersion version) {

    public static String render(Principal p, ProtocolVersion v) {
        return Templates.render("page/version.jte", new VersionPage(p, v));
    }

    /** Where the version's own actions post. */
    public String base() {
        return "/studies/" + version.study() + "/versions/" + version.version();
    }
}
