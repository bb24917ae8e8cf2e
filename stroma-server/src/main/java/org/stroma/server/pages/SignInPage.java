package org.stroma.server.pages;

/**
 * Signing in. The form carries a token also set as a cookie, so that no other site can sign a person in; the message
 * says why the last attempt failed (null for none).
 */
public record SignInPage(String formToken, String message) {

    public static String render(String formToken, String message) {
        return Templates.render("page/signIn.jte", new SignInPage(formToken, message));
    }
}
