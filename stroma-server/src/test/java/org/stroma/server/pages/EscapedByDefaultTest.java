package org.stroma.server.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.server.auth.Principal;
import org.stroma.store.study.StudySummary;
import org.stroma.store.user.Session;
import org.stroma.trial.eligibility.AskedFact;
import org.stroma.trial.eligibility.AskedFacts;

/**
 * A page's values are escaped without the page asking: a value that would end a text or an attribute, start markup
 * or an entity, put into each kind of slot a page has (text, a double-quoted attribute, the single-quoted htmx
 * attribute, a link, a text area, an option), comes out as entities and never as markup.
 */
class EscapedByDefaultTest {
    private static final String HOSTILE = "<script>alert(\"x\" & 'y')</script>";
    private static final String ESCAPED = "&lt;script&gt;alert(&quot;x&quot; &amp; &#39;y&#39;)&lt;/script&gt;";
    private static final Principal PERSON = new Principal(HOSTILE, HOSTILE, true, List.of(), HOSTILE, "s1");

    @Test
    void inTextAndInEveryAttributeOfTheFrameAndTheSignInForm() {
        String signIn = SignInPage.render(HOSTILE, HOSTILE);
        assertSafe(signIn);
        assertThat(signIn).contains("<p class=\"error\" role=\"alert\">" + ESCAPED + "</p>",
                "name=\"_form\" value=\"" + ESCAPED + "\"");

        String error = ErrorPage.render(400, HOSTILE, PERSON);
        assertSafe(error);
        assertThat(error).contains("hx-headers='{\"X-CSRF-Token\": \"" + ESCAPED + "\"}'",
                "<a href=\"/account\">" + ESCAPED + "</a>", "name=\"_csrf\" value=\"" + ESCAPED + "\"",
                "role=\"alert\">" + ESCAPED + "</p>");
    }

    @Test
    void inLinksTableCellsAndFormActions() {
        String studies = StudiesPage.render(PERSON, List.of(new StudySummary(HOSTILE, HOSTILE, 2, 1)));
        assertSafe(studies);
        assertThat(studies).contains("<a href=\"/studies/" + ESCAPED + "\">" + ESCAPED + "</a>",
                "<td>" + ESCAPED + "</td>", "<a href=\"/studies/" + ESCAPED + "/versions/2\">");

        Instant at = Instant.parse("2026-06-01T09:00:00Z");
        String account = AccountPage.render(PERSON, List.of(new Session(HOSTILE, HOSTILE, HOSTILE, HOSTILE, at, at)),
                HOSTILE);
        assertSafe(account);
        assertThat(account).contains("action=\"/account/sessions/" + ESCAPED + "/end\"", "<td>" + ESCAPED + "</td>",
                "signed in as " + ESCAPED + ".");
    }

    @Test
    void inAStepsFields() {
        String quoted = HOSTILE.replace("\"", "\\\"");
        String fields = StepFields.render(HOSTILE, "Labelled", List.of(new StepField.Entry(HOSTILE, HOSTILE, false,
                HOSTILE), new StepField.Choice("sterility", "sterility", List.of("NEGATIVE", HOSTILE), HOSTILE),
                new StepField.JsonList("readings", HOSTILE, "[\"" + quoted + "\"]"), new StepField.Group("group",
                List.of(new StepField.Entry("group." + HOSTILE, HOSTILE, true, "1")))));
        assertSafe(fields);
        assertThat(fields).contains("id=\"details-" + ESCAPED + "\"", "name=\"s." + ESCAPED + "\" value=\""
                + ESCAPED + "\"", "<legend>group</legend>", "name=\"n.group." + ESCAPED + "\"",
                ">[&quot;&lt;script&gt;alert(\\&quot;x\\&quot; &amp; &#39;y&#39;)&lt;/script&gt;&quot;]</textarea>");
    }

    @Test
    void inTheFactsTypedOnTheScreeningForm() {
        AskedFacts asked = new AskedFacts(true, true, List.of(new AskedFact(AskedFact.Kind.MEASUREMENT, "lvef",
                HOSTILE, HOSTILE, List.of(), true, List.of(HOSTILE)), new AskedFact(AskedFact.Kind.CLASS, "nyha",
                HOSTILE, null, List.of("I", HOSTILE), true, List.of("I2"))), List.of());
        String fields = Templates.render("part/factFields.jte", new FactFields(asked, true, Map.of(
                "birthDate", HOSTILE, "fact.measurement-lvef", HOSTILE, "fact.class-nyha", HOSTILE)));
        assertSafe(fields);
        assertThat(fields).contains("<legend>" + ESCAPED + " <span class=\"muted\">(" + ESCAPED + ")</span>",
                "name=\"birthDate\" value=\"" + ESCAPED + "\"", "name=\"fact.measurement-lvef\" value=\""
                + ESCAPED + "\"", "<option value=\"" + ESCAPED + "\" selected>" + ESCAPED + "</option>",
                ESCAPED + ", in " + ESCAPED + "</label>");
    }

    /** No markup came from the value: the only script is the page's own htmx, and the value is never written raw. */
    private static void assertSafe(String html) {
        assertThat(html).doesNotContain(HOSTILE, "alert(\"x\"", "'y')");
        assertThat(html.split("<script", -1)).hasSizeLessThanOrEqualTo(2);
        assertThat(html.replace("<script src=\"/webjars/", "")).doesNotContain("<script");
    }
}
