package org.stroma.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.MovableClock;
import org.stroma.server.Stroma;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.http.StromaServer;
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
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Database db;
    private static StromaServer server;
    private static Playwright playwright;
    private static Browser browser;
    private static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = Database.temporary();
        DemoSetup.run(new StudyStore(db), new UserStore(db), PASSWORD);
        // a fixed day, so that the dates typed below lie where the criteria's windows expect them
        server = StromaServer.start(Stroma.services(db, new MovableClock(Instant.parse("2026-06-01T07:00:00Z"))), 0);
        Files.createDirectories(SCREENSHOTS);
        playwright = Chromium.playwright();
        browser = Chromium.launch(playwright);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aCoordinatorTypesAPatientAndCompletesTheUnknownCriterionOnTheSubjectsPage() throws Exception {
        String site = new StudyStore(db).sites(STUDY).get(0);
        try (BrowserContext context = browser.newContext()) {
            Page page = signIn(context, "coordinator");
            page.navigate(url("/studies/" + STUDY));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screen a patient")).click();
            page.fill("#subject", SUBJECT);
            page.selectOption("#site", site);
            page.fill("#birthDate", "1966-05-20");
            page.selectOption("#sex", "male");
            // "no" to every condition, procedure and drug the criteria ask about but the cardiomyopathy
            Locator yesOrNo = page.locator("select[id^='fact-']:has(option[value='no'])");
            assertThat(yesOrNo.count()).as("the conditions, procedures and drugs the criteria ask").isGreaterThan(10);
            for (int i = 0; i < yesOrNo.count(); i++) {
                yesOrNo.nth(i).selectOption("no");
            }
            page.selectOption("#fact-condition-ischemic_cardiomyopathy", "yes");
            page.fill("#date-condition-ischemic_cardiomyopathy", "2023-02-11");
            page.selectOption("#fact-class-nyha", "III");
            page.fill("#date-class-nyha", "2026-05-04");
            page.fill("#fact-measurement-wall_thickness", "11");
            page.fill("#date-measurement-wall_thickness", "2026-05-04");
            page.fill("#date-measurement-lvef", "2026-05-04");
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
            shot(page, "typed-01-refused-value-kept");
            page.fill("#fact-measurement-lvef", "35");
            click(page, "Screen");
            assertThat(page.locator("#verdict")).hasText("incomplete");
            assertThat(row(page, "I6")).containsText("unknown");
            assertThat(row(page, "I4")).containsText("met");
            assertThat(row(page, "E15")).containsText("not met");
            shot(page, "typed-02-incomplete-vo2max-unknown");

            // on the subject's page: what is open, and the field that decides it
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(SUBJECT).setExact(true)).click();
            assertThat(page.locator("h1")).hasText("Subject " + SUBJECT);
            Locator open = page.locator("#open-screening");
            assertThat(open).containsText("I6");
            assertThat(open).containsText("no peak oxygen uptake (VO2max) recorded");
            page.fill("#fact-measurement-vo2max", "14");
            page.fill("#date-measurement-vo2max", "2026-05-20");
            shot(page, "typed-03-subject-page-completing");
            click(page, "Add and screen again");
            assertThat(page.locator("#verdict")).hasText("eligible");
            assertThat(row(page, "I6")).containsText("met");
            shot(page, "typed-04-eligible");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(SUBJECT).setExact(true)).click();
            assertThat(page.locator("#state")).hasText("eligible");
            assertThat(page.locator("#open-screening")).hasCount(0);
        }
        assertThat(consoleErrors).as("the browser's console (a script or a style the page's policy refused)")
                .isEmpty();
    }

    private static String url(String path) {
        return "http://localhost:" + server.port() + path;
    }

    private static Page signIn(BrowserContext context, String user) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            // a 400 is the refusal this test asks for; anything else is not
            if (m.type().equals("error") && !m.text().contains("status of 400")) {
                consoleErrors.add(user + " " + page.url() + ": " + m.text());
            }
        });
        page.navigate(url("/"));
        assertThat(page).hasURL(Pattern.compile(".*/signin$"));
        page.fill("#username", user);
        page.fill("#password", PASSWORD);
        click(page, "Sign in");
        assertThat(page.locator("header")).containsText("Sign out");
        return page;
    }

    /** A criterion's row in the screening's table. */
    private static Locator row(Page page, String criterion) {
        return page.locator("tr").filter(new Locator.FilterOptions().setHas(page.locator("td").getByText(criterion,
                new Locator.GetByTextOptions().setExact(true))));
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForLoadState();
        Locator alert = page.locator("[role=alert]");
        if (alert.count() > 0) {
            throw new AssertionError("'" + button + "' on " + page.url() + " was refused: " + alert.first()
                    .textContent());
        }
    }

    private static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
