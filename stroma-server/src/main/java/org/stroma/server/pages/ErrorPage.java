package org.stroma.server.pages;

import org.stroma.server.auth.Principal;

/** A refused or failed request, as a page: the message and the way back. */
public record ErrorPage(int status, String message, Principal principal) {

    public static String render(int status, String message, Principal p) {
        return Templates.render("page/error.jte", new ErrorPage(status, message, p));
    }

    public String title() {
        return status == 404 ? "Not found" : status == 403 ? "Not allowed" : "Cannot do that";
    }
}
