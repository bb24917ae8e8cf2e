package org.stroma.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
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
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;

/**
 * The statistician works MESAMI2's analysis plan in Chromium: from the study page to the draft, an edit of the plan's
 * JSON (a covariate added) saved as revision 1 with its reason, a wrong password refused, the revision signed; the
 * investigator reads the same plan with no editor and no signing. Screenshots go to {@code target/screenshots}.
 */
class AnalysisPlanInTheBrowserTest {
    private static final String STUDY = "NCT02462330";
    private static final String PASSWORD = "plan-browser-password";

    private static Database db;
    private static StromaServer server;
    private static Chromium chromium;
    private static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = Database.temporary();
        DemoSetup.run(new StudyStore(db), new UserStore(db), PASSWORD);
        server = StromaServer.start(Stroma.services(db, new MovableClock(Instant.parse("2026-06-01T07:00:00Z"))), 0);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.close(db, server, chromium);
    }

    @Test
    void theStatisticianEditsSavesAndSignsThePlanTheInvestigatorReadsIt() throws Exception {
        try (BrowserContext context = chromium.newContext()) {
            Page page = Chromium.signIn(context, server.port(), "statistician", PASSWORD, consoleErrors);
            page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Statistical analysis plan")).click();
            assertThat(page.locator("#plan-state")).containsText("a draft derived from the registered outcome"
                    + " measures");
            assertThat(page.locator("#plan-text")).containsText("Peak oxygen uptake");
            String json = page.locator("#plan-json").inputValue();
            assertThat(json).contains("\"covariates\"");
            // the primary endpoint's covariates gain the site
            page.fill("#plan-json", json.replaceFirst("\"covariates\" : \\[", "\"covariates\" : [ \"site\","));
            page.fill("#plan-reason", "site added as a covariate of the primary analysis");
            Chromium.click(page, "Save the draft as revision 1");
            assertThat(page.locator("#plan-state")).containsText("version 1, not signed");
            assertThat(page.locator("#plan-revisions")).containsText("site added as a covariate of the primary");
            assertThat(page.locator("#plan-text")).containsText("Covariates: site");

            page.fill("#plan-password", "not the password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign revision 1 as").setExact(false))
                    .click();
            assertThat(page.locator("[role=alert]")).containsText("the password is wrong");
            page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY + "/analysis-plan");
            page.fill("#plan-password", PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign revision 1 as").setExact(false))
                    .click();
            assertThat(page.locator("#plan-state")).containsText("version 1, signed");
            Chromium.shot(page, "analysis-plan-statistician");
        }
        try (BrowserContext context = chromium.newContext()) {
            Page page = Chromium.signIn(context, server.port(), "investigator", PASSWORD, consoleErrors);
            page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY + "/analysis-plan");
            assertThat(page.locator("#plan-state")).containsText("version 1, signed");
            assertThat(page.locator("#plan-json")).hasCount(0);
            assertThat(page.locator("#plan-password")).hasCount(0);
            Chromium.shot(page, "analysis-plan-investigator");
        }
        assertThat(consoleErrors).isEmpty();
    }
}
