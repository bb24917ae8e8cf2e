package org.stroma.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.plot.ForestPlot;
import org.stroma.analysis.plot.KaplanMeierPlot;
import org.stroma.analysis.plot.MeansPlot;
import org.stroma.analysis.survival.KaplanMeier;
import org.stroma.analysis.survival.SurvivalData;

/**
 * Plots a simulated trial seldom draws, as Chromium draws them: arms named at length, values all equal, values of
 * 10^-15 and of 10^7, a forest plot of long trial names. Each fits its box as the reports' plots do
 * ({@link PlotsFitTheirBoxes}); the page is kept in target/screenshots.
 */
class PlotsInChromiumTest {
    private static final String LONG = "B: Autologous MSC from bone marrow, 1×10^6 cells/kg, by vein";
    private static final String LONGER = "C: Allogeneic umbilical cord mesenchymal stromal cells, intramyocardial"
            + " injection in twenty sites, with a second dose at six months";

    @Test
    void longNamesAndOddRangesFitTheirBoxes() throws Exception {
        StringBuilder page = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><style>"
                + "body{font-family:sans-serif;max-width:60rem;margin:1rem auto}</style></head><body>");
        page.append(MeansPlot.svg(List.of(series("A: Placebo comparator", 35, 2), series(LONG, 37, 3),
                series(LONGER, 40, 4)), "months from the first administration", "Minnesota Living with Heart Failure"
                + " Questionnaire, total score (points), higher is worse", "Three arms named at length"));
        page.append(MeansPlot.svg(List.of(series("all subjects", 0, 0)), "months", "CCS angina class", null));
        page.append(MeansPlot.svg(List.of(series("A", 1e-15, 4e-16), series("B", 2e-15, 5e-16)), "months",
                "a concentration (mol/L)", null));
        page.append(MeansPlot.svg(List.of(series("A", 6e7, 1e7), series(LONG, 8e7, 2e7)), "months", "cells given",
                null));
        SurvivalData data = new SurvivalData(new double[] {30, 90, 200, 365, 45, 400, 700}, new boolean[] {true, true,
            false, true, true, false, true}, new String[] {"A", "A", "A", "A", LONGER, LONGER, LONGER});
        page.append(KaplanMeierPlot.svg(List.of(KaplanMeier.estimate("A", data.of("A")), KaplanMeier.estimate(LONGER,
                data.of(LONGER))), 730, "days from the first administration", "Free of a major adverse cardiac event"
                + " (cardiac death, myocardial infarction, hospitalisation for heart failure, revascularisation)"));
        page.append(ForestPlot.svg(List.of(
                new ForestPlot.Row("MESAMI2 (autologous bone-marrow MSC, Toulouse, 2016–2021)", 2.1, -0.45, 4.65, 0.3,
                        false),
                new ForestPlot.Row("uc-MSC", 4.8, 1.08, 8.52, 0.2, false),
                new ForestPlot.Row("DerSimonian–Laird random effects", 2.09, -0.06, 4.23, 1, true)),
                "LVEF change, cells − placebo (percentage points of left-ventricular ejection fraction)", 0, null));
        page.append("</body></html>");
        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        Path html = out.resolve("plots-at-their-limits.html");
        Files.writeString(html, page);

        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                        .setExecutablePath(Path.of(System.getProperty("stroma.chromium", "/usr/bin/chromium")))
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            Page p = browser.newPage();
            p.navigate(html.toAbsolutePath().toUri().toString());
            PlotsFitTheirBoxes.Measured plots = PlotsFitTheirBoxes.measure(p);
            assertThat(plots.plots()).isEqualTo(6);
            assertThat(plots.legends()).isEqualTo(3 + 1 + 2 + 2 + 2);
            assertThat(plots.faults()).isEmpty();
            // every arm's name whole on the page, however it was broken onto lines
            assertThat(p.locator("text.legend").allTextContents()).contains(LONG, LONGER, LONGER + " (n = 3)");
            p.screenshot(new Page.ScreenshotOptions().setPath(out.resolve("plots-at-their-limits.png"))
                    .setFullPage(true));
        }
    }

    /** Four visits of a measure around {@code mean}, its interval {@code half} either side. */
    private static MeansPlot.Series series(String name, double mean, double half) {
        return new MeansPlot.Series(name, List.of(0, 3, 6, 12).stream().map(month -> new MeansPlot.Point(month,
                mean + month * half / 10, mean + month * half / 10 - half, mean + month * half / 10 + half)).toList());
    }
}
