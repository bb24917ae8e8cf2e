package org.stroma.server.pages;

import org.stroma.server.auth.Principal;

/** A refused or failed request, as a page: the message and the way back. */
public final class ErrorPage {
    private ErrorPage() {
    }

    public static String render(int status, String message, Principal p) {
        return Layout.page(status == 404 ? "Not found" : status == 403 ? "Not allowed" : "Cannot do that", p,
                "<p class=\"error\" role=\"alert\">" + Html.esc(message) + "</p><p><a href=\"/\">Studies</a></p>");
    }
}
