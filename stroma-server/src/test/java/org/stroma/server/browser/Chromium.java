package org.stroma.server.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Debian's Chromium, driven by Playwright for the browser tests, and what the tests do alike in it: sign in, press a
 * button that must not be refused, take a screenshot. Playwright never downloads a browser of its own, and assertions
 * wait long enough for a machine with two cores.
 */
final class Chromium implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Chromium started headless, and the folder for the screenshots made. */
    static Chromium start() throws java.io.IOException {
        Files.createDirectories(SCREENSHOTS);
        // a CI machine with two cores may be slow to answer: assertions wait up to 15 s, not 5
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            return new Chromium(playwright, playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setHeadless(true).setExecutablePath(path()).setArgs(List.of("--no-sandbox", "--disable-gpu",
                    "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"))));
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A new browser context: its own cookies, as one person's browser. */
    BrowserContext newContext() {
        return browser.newContext();
    }

    /** A new browser context whose person reads in a locale ("fr-FR"): the browser asks the pages for it. */
    BrowserContext newContext(String locale) {
        return browser.newContext(new Browser.NewContextOptions().setLocale(locale));
    }

    @Override
    public void close() {
        browser.close();
        playwright.close();
    }

    /** Debian's Chromium, or the one named by the system property {@code stroma.chromium}. */
    private static Path path() {
        Path path = Path.of(System.getProperty("stroma.chromium", "/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("the browser tests need Chromium at " + path + " (Debian: apt-get install"
                    + " chromium; .ci/run installs it), or -Dstroma.chromium=PATH");
        }
        return path;
    }

    /**
     * A page of a new tab, signed in; the console's errors go to {@code consoleErrors}, but for a 400, which is a
     * refusal the tests ask for (an impossible value, a wrong password).
     */
    static Page signIn(BrowserContext context, int port, String user, String password, List<String> consoleErrors) {
        Page page = context.newPage();
        page.onConsoleMessage(m -> {
            if (m.type().equals("error") && !m.text().contains("status of 400")) {
                consoleErrors.add(user + " " + page.url() + ": " + m.text());
            }
        });
        page.navigate("http://localhost:" + port + "/");
        assertThat(page).hasURL(Pattern.compile(".*/signin$"));
        page.fill("#username", user);
        page.fill("#password", password);
        click(page, "Sign in");
        assertThat(page.locator("header")).containsText("Sign out");
        return page;
    }

    /** Presses a button, which must not be refused: a refusal fails the test with what it said. */
    static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
        page.waitForLoadState();
        Locator alert = page.locator("[role=alert]");
        if (alert.count() > 0) {
            throw new AssertionError("'" + button + "' on " + page.url() + " was refused: " + alert.first()
                    .textContent());
        }
    }

    static void shot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Closes what a test opened, last first; what was not opened is null. */
    static void close(AutoCloseable... opened) throws Exception {
        for (int i = opened.length - 1; i >= 0; i--) {
            if (opened[i] != null) {
                opened[i].close();
            }
        }
    }
}
