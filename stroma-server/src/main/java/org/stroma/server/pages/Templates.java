package org.stroma.server.pages;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;

/**
 * The pages' templates (src/main/jte), compiled to Java classes when Stroma is built: a page is its template given
 * one typed model. Every value a template writes goes through {@link EscapingOutput}, so escaping is never left to the
 * page's author.
 */
public final class Templates {
    /** Where the build puts the compiled templates (the jte-maven-plugin's packageName in stroma-server's pom). */
    private static final String PACKAGE = "org.stroma.server.pages.compiled";
    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(null, ContentType.Html,
            Templates.class.getClassLoader(), PACKAGE);

    private Templates() {
    }

    /** The HTML of the template at {@code name} (a path under src/main/jte) given its model. */
    public static String render(String name, Object model) {
        EscapingOutput out = new EscapingOutput();
        ENGINE.render(name, model, out);
        return out.toString();
    }
}
