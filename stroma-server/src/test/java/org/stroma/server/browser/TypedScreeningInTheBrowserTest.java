package org.stroma.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.MovableClock;
import org.stroma.server.Stroma;
import org.stroma.server.TypedCandidate;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.http.StromaServer;
import org.stroma.server.pages.FactFields;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;

/**
 * A coordinator screens a MESAMI2 candidate in Chromium by typing the patient's facts, on the embedded PostgreSQL:
 * an LVEF of 450 % is refused by its field and the form keeps what was typed; with the VO2 max left blank the verdict
 * is incomplete on that criterion; on the subject's page the coordinator adds the VO2 max and the subject is screened
 * again, eligible. Screenshots go to {@code target/screenshots}.
 */
class TypedScreeningInTheBrowserTest {
    private static final String STUDY = "NCT02462330";
    private static final String PASSWORD = "typed-browser-password";
    private static final String SUBJECT = "B7";

    private static Database db;
    private static StromaServer server;
    private static Chromium chromium;
    private static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = Database.temporary();
        DemoSetup.run(new StudyStore(db), new UserStore(db), PASSWORD);
        // a fixed day, so that the dates typed below lie where the criteria's windows expect them
        server = StromaServer.start(Stroma.services(db, new MovableClock(Instant.parse("2026-06-01T07:00:00Z"))), 0);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.close(db, server, chromium);
    }

    @Test
    void aCoordinatorTypesAPatientAndCompletesTheUnknownCriterionOnTheSubjectsPage() throws Exception {
        String site = new StudyStore(db).sites(STUDY).get(0);
        try (BrowserContext context = chromium.newContext()) {
            Page page = Chromium.signIn(context, server.port(), "coordinator", PASSWORD, consoleErrors);
            page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screen a patient")).click();
            page.fill("#subject", SUBJECT);
            page.selectOption("#site", site);
            // "no" to every condition, procedure and drug the criteria ask about, then the candidate's facts
            Locator yesOrNo = page.locator("select[id^='fact-']:has(option[value='no'])");
            assertThat(yesOrNo.count()).as("the conditions, procedures and drugs the criteria ask").isGreaterThan(10);
            for (int i = 0; i < yesOrNo.count(); i++) {
                yesOrNo.nth(i).selectOption("no");
            }
            TypedCandidate.fields().forEach((field, value) -> {
                Locator input = page.locator("#" + FactFields.id(field));
                if (input.evaluate("e => e.tagName").equals("SELECT")) {
                    input.selectOption(value);
                } else {
                    input.fill(value);
                }
            });
            // the VO2 max is left blank: not known
            Locator answers = page.locator("select[id^='answer-']");
            for (int i = 0; i < answers.count(); i++) {
                Locator answer = answers.nth(i);
                answer.selectOption(answer.getAttribute("id").startsWith("answer-I") ? "yes" : "no");
            }

            // a typing slip: an LVEF of 450 % is refused by its field, and nothing typed is lost
            page.fill("#fact-measurement-lvef", "450");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Screen").setExact(true)).click();
            assertThat(page.locator("[role=alert]")).containsText("left ventricular ejection fraction: 450 % is"
                    + " outside what Stroma takes as possible");
            assertThat(page.locator("#subject")).hasValue(SUBJECT);
            assertThat(page.locator("#fact-measurement-lvef")).hasValue("450");
            assertThat(page.locator("#fact-class-nyha")).hasValue("III");
            assertThat(page.locator("#fact-condition-atrial_fibrillation")).hasValue("no");
            Chromium.shot(page, "typed-01-refused-value-kept");
            page.fill("#fact-measurement-lvef", "35");
            Chromium.click(page, "Screen");
            assertThat(page.locator("#verdict")).hasText("incomplete");
            assertThat(row(page, "I6")).containsText("unknown");
            assertThat(row(page, "I4")).containsText("met");
            assertThat(row(page, "E15")).containsText("not met");
            Chromium.shot(page, "typed-02-incomplete-vo2max-unknown");

            // on the subject's page: what is open, and the field that decides it
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(SUBJECT).setExact(true)).click();
            assertThat(page.locator("h1")).hasText("Subject " + SUBJECT);
            Locator open = page.locator("#open-screening");
            assertThat(open).containsText("I6");
            assertThat(open).containsText("no peak oxygen uptake (VO2max) recorded");
            page.fill("#fact-measurement-vo2max", "14");
            page.fill("#date-measurement-vo2max", "2026-05-20");
            Chromium.shot(page, "typed-03-subject-page-completing");
            Chromium.click(page, "Add and screen again");
            assertThat(page.locator("#verdict")).hasText("eligible");
            assertThat(row(page, "I6")).containsText("met");
            Chromium.shot(page, "typed-04-eligible");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(SUBJECT).setExact(true)).click();
            assertThat(page.locator("#state")).hasText("eligible");
            assertThat(page.locator("#open-screening")).hasCount(0);
        }
        assertThat(consoleErrors).as("the browser's console (a script or a style the page's policy refused)")
                .isEmpty();
    }


    /** A criterion's row in the screening's table. */
    private static Locator row(Page page, String criterion) {
        return page.locator("tr").filter(new Locator.FilterOptions().setHas(page.locator("td").getByText(criterion,
                new Locator.GetByTextOptions().setExact(true))));
    }
}
