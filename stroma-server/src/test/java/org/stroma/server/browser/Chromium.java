package org.stroma.server.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Debian's Chromium, driven by Playwright for the browser tests: Playwright never downloads a browser of its own, and
 * assertions wait long enough for a machine with two cores.
 */
final class Chromium {
    private Chromium() {
    }

    static Playwright playwright() {
        // a CI machine with two cores may be slow to answer: assertions wait up to 15 s, not 5
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD",
                "1")));
    }

    static Browser launch(Playwright playwright) {
        return playwright.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                .setExecutablePath(path()).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
                        "--no-first-run", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync")));
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
}
