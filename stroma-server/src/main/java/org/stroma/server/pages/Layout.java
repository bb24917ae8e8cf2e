package org.stroma.server.pages;

import org.stroma.server.auth.Principal;

/** The frame of every page: the header with the person signed in, the htmx script, and the content. */
public final class Layout {
    public static final String HTMX = "/webjars/htmx.org/2.0.8/dist/htmx.min.js";

    private Layout() {
    }

    public static String page(String title, Principal p, String content) {
        String who = p == null ? "" : "<span>" + Html.link("/account", p.displayName()) + "</span>"
                + Html.form("/signout", p.csrfToken(), "", "Sign out");
        String headers = p == null ? "" : " hx-headers='{\"X-CSRF-Token\": \"" + Html.esc(p.csrfToken()) + "\"}'";
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.esc(title)
                + " · Stroma</title><link rel=\"icon\" href=\"/assets/stroma.svg\"><link rel=\"stylesheet\""
                + " href=\"/assets/stroma.css\"><script src=\"" + HTMX
                + "\" defer></script></head><body" + headers + "><header><a href=\"/\">Stroma</a>" + who
                + "</header><main><h1>" + Html.esc(title) + "</h1>" + content + "</main></body></html>";
    }
}
