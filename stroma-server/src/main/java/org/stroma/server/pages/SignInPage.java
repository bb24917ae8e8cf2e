package org.stroma.server.pages;

/** Signing in. The form carries a token also set as a cookie, so that no other site can sign a person in. */
public final class SignInPage {
    private SignInPage() {
    }

    public static String render(String formToken, String message) {
        String error = message == null ? "" : "<p class=\"error\" role=\"alert\">" + Html.esc(message) + "</p>";
        return Layout.page("Sign in", null, error + "<form method=\"post\" action=\"/signin\"><input type=\"hidden\""
                + " name=\"_form\" value=\"" + Html.esc(formToken) + "\"><label for=\"username\">User name</label>"
                + "<input type=\"text\" id=\"username\" name=\"username\" autocomplete=\"username\" required>"
                + "<label for=\"password\">Password</label><input type=\"password\" id=\"password\" name=\"password\""
                + " autocomplete=\"current-password\" required><br><button type=\"submit\">Sign in</button></form>");
    }
}
