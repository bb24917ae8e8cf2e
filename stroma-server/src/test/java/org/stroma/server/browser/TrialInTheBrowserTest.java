package org.stroma.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.server.Stroma;
import org.stroma.server.MovableClock;
import org.stroma.server.auth.Passwords;
import org.stroma.server.demo.ReferenceTrials;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;

/**
 * A trial team runs MESAMI2 in Chromium, on the embedded PostgreSQL, over three weeks of the server's clock: the
 * administrator imports the registry record, reviews and publishes it and gives the team their roles; the coordinator
 * screens a patient from a FHIR bundle with the investigator's answers and randomizes; the cell lab takes the
 * product from the marrow to the shipment (cells or placebo, whichever the allocation says); the coordinator checks the
 * label at the bedside, records the administration and then a visit on the calendar. Screenshots of each page go to
 * {@code target/screenshots}. The browser is Debian's Chromium; Playwright never downloads one.
 */
class TrialInTheBrowserTest {
    private static final String STUDY = "NCT02462330";
    private static final String PASSWORD = "browser-test-password";
    private static final String SUBJECT = "B1";
    private static final String PRODUCT = SUBJECT + "-P1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Database db;
    private static StromaServer server;
    private static MovableClock clock;
    /** Day 0: a morning in Paris, where MESAMI2's first site is. */
    static final Instant START = Instant.parse("2026-06-01T07:00:00Z");
    private static Chromium chromium;
    private static final List<String> consoleErrors = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        db = Database.temporary();
        UserStore users = new UserStore(db);
        String hash = Passwords.hash(PASSWORD);
        users.create("setup", "admin", "Ada Admin", hash, true);
        users.create("setup", "coordinator", "Carl Coordinator", hash, false);
        users.create("setup", "celllab", "Lena Lab", hash, false);
        users.create("setup", "investigator", "Dr Ana Ruiz", hash, false);
        // a fixed day and hour, so that no date the test reads depends on when it runs
        clock = new MovableClock(START);
        server = StromaServer.start(Stroma.services(db, clock), 0);
        chromium = Chromium.start();
    }

    @AfterAll
    static void stop() throws Exception {
        Chromium.close(db, server, chromium);
    }

    @Test
    void aTrialTeamRunsMesami2FromTheRegistryRecordToTheVisitCalendar() throws Exception {
        // day 0: the administrator imports, reviews and publishes the protocol, and gives the team their roles
        String site;
        try (BrowserContext context = chromium.newContext()) {
            Page page = signIn(context, "admin");
            assertThat(page.locator("h1")).hasText("Studies");
            ReferenceTrials.Trial seed = ReferenceTrials.all().stream()
                    .filter(t -> new String(t.content()).contains(STUDY)).findFirst().orElseThrow();
            page.setInputFiles("#record", new FilePayload(seed.name(), "text/plain", seed.content()));
            click(page, "Import");
            assertThat(page.locator("h1")).hasText(STUDY + " version 1");
            assertThat(page.locator("#version-state")).hasText("imported");
            assertThat(page.getByText(Pattern.compile("Inferred \\(\\d+\\)"))).isVisible();
            shot(page, "01-review-imported-record");
            click(page, "Mark reviewed");
            assertThat(page.locator("#version-state")).hasText("reviewed");
            click(page, "Publish");
            assertThat(page.locator("h1")).hasText(STUDY);
            site = new StudyStore(db).sites(STUDY).get(0);
            giveRole(page, "coordinator", "COORDINATOR", site);
            giveRole(page, "celllab", "CELL_LAB", "all sites");
            giveRole(page, "investigator", "INVESTIGATOR", site);
            Locator team = page.locator("#team table");
            assertThat(team).containsText("Carl Coordinator");
            assertThat(team.locator("tr", new Locator.LocatorOptions().setHasText("celllab"))).containsText("cell lab");
            assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Design"))).containsText("masked");
            shot(page, "02-study-published-with-team");
        }

        // day 0: the coordinator screens a patient, who consents, is enrolled and randomized
        try (BrowserContext context = chromium.newContext()) {
            Page page = signIn(context, "coordinator");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(STUDY)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Screen a patient")).click();
            page.fill("#subject", SUBJECT);
            page.selectOption("#site", site);
            page.setInputFiles("#record", new FilePayload("cardiac-candidate.json", "application/json",
                    resource("/demo/patients/cardiac-candidate.json")));
            Locator answers = page.locator("select[id^='answer-']");
            assertThat(answers.count()).as("the criteria no record can show are asked").isPositive();
            for (int i = 0; i < answers.count(); i++) {
                Locator answer = answers.nth(i);
                // inclusion criteria hold, exclusion criteria do not
                answer.selectOption(answer.getAttribute("id").startsWith("answer-I") ? "yes" : "no");
            }
            shot(page, "03-screening-form");
            click(page, "Screen");
            assertThat(page.locator("#verdict")).hasText("eligible");
            assertThat(page.locator("table tr")).not().hasCount(1);
            shot(page, "04-screening-verdicts");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(SUBJECT).setExact(true)).click();
            // the consent: the form's version, when the patient signed it, who obtained it (the coordinator)
            assertThat(page.locator("#consent-version")).hasValue("1");
            page.fill("#consent-signed", LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).minusMinutes(30)
                    .toString());
            click(page, "Record the consent");
            assertThat(page.locator("#state")).hasText("consented");
            assertThat(page.locator("#consent")).hasText("1");
            move(page, "ENROLLED", "enrolled");
            page.fill("#weight", "72");
            click(page, "Randomize");
            assertThat(page.locator("#state")).hasText("randomized");
            assertThat(page.locator("#kit")).hasText(Pattern.compile("\\S+"));
            assertThat(page.locator("#arm")).hasCount(0); // the coordinator is masked in MESAMI2
            assertThat(page.locator("body")).not().containsText("placebo", new com.microsoft.playwright.assertions
                    .LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
            shot(page, "05-subject-randomized-masked");
        }

        // the cell lab, unmasked, takes the product from the marrow to the shipment over three weeks
        boolean placebo;
        clock.advance(Duration.ofDays(1));
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "celllab");
            String group = page.locator("#arm").textContent();
            // the arms table of the study page tells which arm the group is
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(STUDY)).first().click();
            Locator arms = page.locator("section", new Page.LocatorOptions().setHasText("Design")).locator("tr");
            String arm = null;
            for (int i = 1; i < arms.count(); i++) {
                if (arms.nth(i).locator("td").first().textContent().equals(group)) {
                    arm = arms.nth(i).textContent().toLowerCase();
                }
            }
            assertThat(arm).as("group " + group + " in the arms table").isNotNull();
            placebo = arm.contains("placebo");
            page.goBack();
            step(page, "Collected", "{\"donor\": \"" + SUBJECT + "\", \"tissue\": \"bone marrow\", \"volumeMl\": 80}",
                    "collected");
            // four hours on, the session has ended: the next click takes the whole page to the sign-in
            clock.advance(Duration.ofHours(4));
            page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
            page.selectOption("#type-" + PRODUCT, "ReceivedAtLab");
            assertThat(page).hasURL(Pattern.compile(".*/signin$"), new com.microsoft.playwright.assertions
                    .PageAssertions.HasURLOptions().setTimeout(15000));
        }
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "celllab");
            step(page, "ReceivedAtLab", "{}", "received at lab");
            if (!placebo) {
                clock.advance(Duration.ofMinutes(20));
                step(page, "CultureStarted", "{}", "culture started");
            }
        }
        clock.advance(Duration.ofDays(17));
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "celllab");
            if (placebo) {
                step(page, "PlaceboPrepared", "{\"composition\": \"human albumin 4 %\"}", "placebo prepared");
                clock.advance(Duration.ofMinutes(20));
                step(page, "Tested", "{\"results\": {\"sterility\": \"NEGATIVE\", \"mycoplasma\": \"NEGATIVE\","
                        + " \"endotoxinEuPerMl\": 0.05, \"markers\": {}}}", "tested");
            } else {
                step(page, "Harvested", "{\"cells\": 2.1e8}", "harvested");
                clock.advance(Duration.ofMinutes(20));
                step(page, "Tested", "{\"results\": {\"viabilityPercent\": 91, \"viableCells\": 2e8, \"sterility\":"
                        + " \"NEGATIVE\", \"mycoplasma\": \"NEGATIVE\", \"endotoxinEuPerMl\": 0.1, \"markers\": {\"CD73\":"
                        + " 99, \"CD90\": 98.5, \"CD105\": 97, \"CD45\": 0.4, \"CD34\": 0.2, \"CD14\": 0.3, \"CD19\": 0.1,"
                        + " \"HLA-DR\": 0.8}}}", "tested");
            }
            clock.advance(Duration.ofMinutes(20));
            step(page, "Released", "{}", "released");
            step(page, "Labelled", "{\"number\": {\"facility\": \"S0001\", \"year\": 26, \"sequence\": 1, \"flags\":"
                    + " \"00\"}}", "labelled");
        }
        // shipped on the morning of the day planned for the administration, 22 days after randomization
        clock.set(START.plus(Duration.ofDays(22)));
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "celllab");
            String read = clock.instant().minus(Duration.ofMinutes(30)).toString();
            // the shipment with its temperature logger's file, as the logger exported it
            page.fill("#ship-to-" + PRODUCT, site);
            page.setInputFiles("#logger-" + PRODUCT, new FilePayload("logger.csv", "text/csv", ("Timestamp,"
                    + "Temperature (°C)\n" + read + ",5.0\n" + clock.instant().minus(Duration.ofMinutes(15)) + ",5.5\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            Chromium.click(page, "Ship with the logger's file");
            assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Product " + PRODUCT))
                    .locator("table")).containsText("shipped");
            // the product's chain of identity on one page, and its label printed from it
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Product " + PRODUCT).setExact(true))
                    .click();
            assertThat(page.locator("#din")).containsText("S0001 26 000001 00");
            assertThat(page.locator("#ledger")).containsText("shipped");
            shot(page, "06a-product-chain-of-identity");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Printable label")).click();
            assertThat(page.locator("#label")).containsText("subject " + SUBJECT);
            shot(page, "06b-product-label");
            page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY + "/subjects/" + SUBJECT);
            shot(page, "06-product-chain-cell-lab");
        }

        // at the bedside: the patient and the label scanned, then the product given; the cells follow from the product
        clock.advance(Duration.ofHours(3));
        LocalDate administered = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "coordinator");
            String label = page.locator("pre").first().textContent();
            String din = label.lines().filter(l -> l.contains("S0001 26")).findFirst().orElseThrow()
                    .replaceAll(".*(S0001 26 \\d{6} 00 \\S).*", "$1");
            step(page, "BedsideVerified", "{\"patientScanned\": \"" + SUBJECT + "\", \"labelScanned\": \"" + din
                    + "\"}", "verified at the bedside");
            clock.advance(Duration.ofMinutes(20));
            Instant now = clock.instant();
            step(page, "Administered", "{\"given\": {\"volumeMl\": 20, \"minutes\": 10, \"route\":"
                    + " \"INTRAMYOCARDIAL\"}, \"start\": \"" + now.minus(Duration.ofMinutes(15)) + "\", \"stop\": \""
                    + now.minus(Duration.ofMinutes(5)) + "\"}", "administered");
            assertThat(page.locator("#state")).hasText("treated");
            assertThat(page.locator("body")).not().containsText("placebo", new com.microsoft.playwright.assertions
                    .LocatorAssertions.ContainsTextOptions().setIgnoreCase(true));
            Locator calendar = calendar(page);
            assertThat(calendar.locator("tr", new Locator.LocatorOptions().setHasText("Administration")))
                    .containsText("done");
            shot(page, "07-administered-visit-calendar");
        }

        // the first follow-up visit, recorded on its target day
        String visit;
        LocalDate target;
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "coordinator");
            Locator rows = calendar(page).locator("tr");
            String next = null;
            LocalDate day = null;
            for (int i = 1; i < rows.count() && next == null; i++) {
                Locator cells = rows.nth(i).locator("td");
                String when = cells.nth(1).textContent();
                if (!when.isEmpty() && LocalDate.parse(when).isAfter(administered)) {
                    next = cells.nth(0).textContent();
                    day = LocalDate.parse(when);
                    assertThat(cells.nth(2)).containsText(" to "); // its window
                    assertThat(cells.nth(4)).hasText("upcoming");
                }
            }
            assertThat(next).as("a follow-up visit after the administration").isNotNull();
            visit = next;
            target = day;
        }
        clock.advance(Duration.ofDays(target.toEpochDay() - administered.toEpochDay()));
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "coordinator");
            page.selectOption("#visit", visit);
            page.fill("#day", target.toString());
            click(page, "Record visit");
            Locator row = calendar(page).locator("tr", new Locator.LocatorOptions().setHasText(visit));
            assertThat(row.locator(".visit-status")).hasText("done");
            assertThat(row.locator("td").nth(3)).hasText(target.toString());
            shot(page, "08-visit-recorded");

            // the visit's vital signs: a heart rate of 150 is kept, and a query asks the site to confirm it
            page.locator("#forms tr", new Page.LocatorOptions().setHasText(visit)).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Vital signs and weight")).click();
            page.fill("#item-systolic_bp", "128");
            page.fill("#item-diastolic_bp", "78");
            page.fill("#item-heart_rate", "150");
            page.fill("#item-weight", "71.5");
            click(page, "Save");
            assertThat(page.locator(".query-status")).hasText("open");
            assertThat(page.locator(".query")).containsText("150 /min is outside the expected 40–140 /min");
            // a weight of 7150 kg is refused, and what was saved stays
            page.fill("#item-weight", "7150");
            page.fill("#reason", "typo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save changes")).click();
            assertThat(page.locator("[role=alert]")).containsText("7150 kg is not possible");
            page.goBack();
            page.reload();
            assertThat(page.locator("#item-weight")).hasValue("71.5");
            page.fill("#answer-Q1", "confirmed: atrial fibrillation at the visit");
            click(page, "Answer");
            assertThat(page.locator(".query-status")).hasText("answered");
            shot(page, "09-form-with-query");

            // an adverse event: serious, possibly related, unexpected, life-threatening: a SUSAR due in 7 days
            page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY + "/subjects/" + SUBJECT);
            page.fill("#ae-term", "sustained ventricular tachycardia");
            page.selectOption("#ae-grade", "4");
            page.locator("input[name=seriousness][value=LIFE_THREATENING]").check();
            page.locator("input[name=seriousness][value=HOSPITALISATION]").check();
            page.selectOption("#ae-causality", "POSSIBLE");
            page.fill("#ae-onset", target.toString());
            page.selectOption("#ae-outcome", "RECOVERING");
            click(page, "Report adverse event");
            Locator event = page.locator("#adverse-events tr", new Page.LocatorOptions().setHasText(
                    "sustained ventricular tachycardia"));
            assertThat(event).containsText("SUSAR");
            assertThat(event.locator(".due")).hasText(target.plusDays(7).toString());
            shot(page, "10-adverse-event-susar-clock");
        }

        // the investigator signs the form with the password given again
        try (BrowserContext context = chromium.newContext()) {
            Page page = subjectPage(context, "investigator");
            page.locator("#forms tr", new Page.LocatorOptions().setHasText(visit)).getByRole(AriaRole.LINK,
                    new Locator.GetByRoleOptions().setName("Vital signs and weight")).click();
            page.fill("#sign-password", "not my password");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign as Dr Ana Ruiz")).click();
            assertThat(page.locator("[role=alert]")).containsText("the password is wrong");
            page.goBack();
            page.reload();
            page.fill("#sign-password", PASSWORD);
            page.selectOption("#meaning", "reviewed");
            click(page, "Sign as Dr Ana Ruiz");
            assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Signature")).locator(".ok"))
                    .containsText("Dr Ana Ruiz");
            shot(page, "11-form-signed");
            page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY + "/subjects/" + SUBJECT);
            assertThat(page.locator("#forms tr", new Page.LocatorOptions().setHasText(visit)).filter(
                    new Locator.FilterOptions().setHasText("Vital signs")).locator(".form-state")).hasText("signed");
        }
        assertThat(consoleErrors).as("the browser's console (a script or a style the page's policy refused)")
                .isEmpty();
    }

    private static Page signIn(BrowserContext context, String user) {
        return Chromium.signIn(context, server.port(), user, PASSWORD, consoleErrors);
    }

    private static Page subjectPage(BrowserContext context, String user) {
        Page page = signIn(context, user);
        page.navigate("http://localhost:" + server.port() + "/studies/" + STUDY + "/subjects/" + SUBJECT);
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        assertThat(page.locator("h1")).hasText("Subject " + SUBJECT);
        return page;
    }

    private static void giveRole(Page page, String user, String role, String site) {
        page.fill("#member", user);
        page.selectOption("#role", role);
        page.selectOption("#member-site", new com.microsoft.playwright.options.SelectOption().setLabel(site));
        click(page, "Give role");
        assertThat(page.locator("#team table")).containsText(user);
    }

    private static void move(Page page, String to, String state) {
        page.selectOption("#to", to);
        click(page, "Move");
        assertThat(page.locator("#state")).hasText(state);
    }

    /**
     * Records a product step through its form: choosing the type swaps in the step's fields (htmx), each is filled from
     * the details given (a number, a text, a choice, a JSON list), and the step appears in the product's timeline.
     */
    private static void step(Page page, String type, String details, String shown) throws IOException {
        page.waitForFunction("() => window.htmx !== undefined && document.readyState === 'complete'");
        page.selectOption("#type-" + PRODUCT, type);
        assertThat(page.locator("#details-" + PRODUCT)).hasAttribute("data-step", type);
        fill(page, JSON.readTree(details), "");
        page.locator("form", new Page.LocatorOptions().setHas(page.locator("#type-" + PRODUCT)))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Record step")).click();
        page.waitForLoadState(); // htmx binds the next step's form once the page has loaded
        Locator alert = page.locator("[role=alert]");
        if (alert.count() > 0) {
            throw new AssertionError(type + " was refused: " + alert.first().textContent());
        }
        assertThat(page.locator("h1")).hasText("Subject " + SUBJECT);
        assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Product " + PRODUCT))
                .locator("table")).containsText(shown);
    }

    /** Fills a step's fields from JSON, field by field, as a person would. */
    private static void fill(Page page, JsonNode node, String path) {
        for (var it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
            JsonNode v = e.getValue();
            Locator choice = page.locator("#details-" + PRODUCT + " select[name='s." + name + "']");
            if (v.isObject()) {
                fill(page, v, name);
            } else if (v.isArray()) {
                page.fill("#details-" + PRODUCT + " [name='j." + name + "']", v.toString());
            } else if (choice.count() > 0) {
                choice.selectOption(v.asText());
            } else {
                page.fill("#details-" + PRODUCT + " [name='" + (v.isNumber() ? "n." : "s.") + name + "']", v.asText());
            }
        }
    }

    private static Locator calendar(Page page) {
        return page.locator("section", new Page.LocatorOptions().setHas(page.getByRole(AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Visit calendar")))).locator("table");
    }

    private static void click(Page page, String button) {
        Chromium.click(page, button);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = TrialInTheBrowserTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }

    private static void shot(Page page, String name) {
        Chromium.shot(page, name);
    }
}
