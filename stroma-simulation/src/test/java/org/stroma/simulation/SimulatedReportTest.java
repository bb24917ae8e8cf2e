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
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.stroma.report.ReportPdf;
import org.stroma.report.TrialReport;
import org.stroma.store.Database;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.plan.AnalysisPlan;

/**
 * The report of a simulated trial: every section, the analyses in the unblinded version and no arm in the blinded
 * one, in HTML and in PDF; both pages render in Debian's Chromium (screenshots in target/screenshots), where every
 * plot's legends and axes fit their boxes.
 */
class SimulatedReportTest {

    @Test
    void mesami2sReportsHaveEverySectionAndTheBlindedOneNoArm() throws Exception {
        SimulationResult run = run("000_b4a57771c457638a", 3, 16);
        LockedTrial locked = run.locked();
        AnalysisPlan plan = run.plan();
        String unblinded = TrialReport.html(locked, plan, false, "Simulated data, seed 3.");
        String blinded = TrialReport.html(locked, plan, true, "Simulated data, seed 3.");
        for (String section : TrialReport.SECTIONS) {
            assertThat(unblinded).contains("<section id=\"" + section + "\"");
            assertThat(blinded).contains("<section id=\"" + section + "\"");
        }
        assertThat(unblinded).contains("ancova", "ttest", "mannwhitney", "group=B", "Placebo");
        // the plan's primary endpoint comes first, by its prespecified MMRM at the visit nearest 3 months
        String planned = unblinded.substring(unblinded.indexOf("<section id=\"plan\""), unblinded.indexOf(
                "<section id=\"baseline\""));
        assertThat(planned).contains("<td>P1</td><td>Peak oxygen uptake (mL/kg/min), change from baseline</td>"
                + "<td>3 months</td><td>mixed model for repeated measures").containsPattern("<td>[AB] − [AB] at [^<]*3[^<]*:"
                + " -?[0-9.]+ \\(-?[0-9.]+ to -?[0-9.]+\\)</td>");
        // the supportive per-protocol analysis right after the primary one, labelled as such
        assertThat(planned).containsPattern("<td>P1</td>.*</tr><tr><td>P1 \\(per protocol, supportive\\)</td><td>Peak"
                + " oxygen uptake[^<]*</td><td>3 months</td><td>mixed model for repeated measures[^<]*</td><td>[^<]*3[^<]*"
                + "</td><td>[AB] − [AB] at ").contains("Per protocol: the ");
        assertThat(blinded).contains("<td>P1</td>", "Comparisons between arms are in the unblinded report.");
        // classes come with their shift table; cell counts are written as a protocol writes them
        assertThat(planned).containsPattern("<h3>S2[ab]: [^<]* class, from baseline to [^<]*</h3><table><tr><th>[AB]: ");
        assertThat(unblinded).containsPattern("<td>cells given, mean \\(range\\)</td><td>[0-9.]+×10\\^[0-9]+ \\(");
        assertThat(blinded).doesNotContain("from baseline to Month");
        List<String> armWords = locked.subjects().stream().filter(s -> s.treatments() != null)
                .map(LockedTrial.SubjectRow::treatments).distinct().toList();
        assertThat(blinded).doesNotContain("group=", "ancova", "culture days").contains("all subjects");
        armWords.forEach(w -> assertThat(blinded).doesNotContain(w));

        Path out = Path.of("target", "screenshots");
        Files.createDirectories(out);
        for (boolean blind : new boolean[] {false, true}) {
            Path pdf = out.resolve(blind ? "mesami2-blinded.pdf" : "mesami2-unblinded.pdf");
            ReportPdf.write(blind ? blinded : unblinded, pdf);
            try (PDDocument doc = PDDocument.load(pdf.toFile())) {
                assertThat(doc.getNumberOfPages()).isGreaterThan(1);
                String text = new PDFTextStripper().getText(doc);
                assertThat(text).contains("CONSORT flow", "Baseline", "Outcomes", "Safety", "Cell products",
                        "Protocol deviations");
                if (blind) {
                    armWords.forEach(w -> assertThat(text).doesNotContain(w));
                } else {
                    assertThat(text).contains("ancova");
                    // the CONSORT diagram's arms side by side, as on the page: both on one line of the text
                    PDFTextStripper byPosition = new PDFTextStripper();
                    byPosition.setSortByPosition(true);
                    assertThat(byPosition.getText(doc).split("\\R")).anySatisfy(line -> assertThat(line)
                            .containsPattern("Allocated: A.*Allocated: B"));
                }
            }
        }
        Files.writeString(out.resolve("mesami2-unblinded.html"), unblinded);
        Files.writeString(out.resolve("mesami2-blinded.html"), blinded);
        try (Playwright pw = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of(
                "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
                Browser browser = pw.chromium().launch(new BrowserType.LaunchOptions().setHeadless(true)
                        .setExecutablePath(Path.of(System.getProperty("stroma.chromium", "/usr/bin/chromium")))
                        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync")))) {
            for (String name : List.of("mesami2-unblinded", "mesami2-blinded")) {
                Page page = browser.newPage();
                page.navigate(out.resolve(name + ".html").toAbsolutePath().toUri().toString());
                assertThat(page.locator("section").count()).isEqualTo(TrialReport.SECTIONS.size());
                assertThat(page.locator("svg").count()).isPositive();
                assertThat(page.locator("svg").first().boundingBox().width).isGreaterThan(100);
                // legends whole and beside the data, axes with round ticks that fit: as Chromium draws them
                PlotsFitTheirBoxes.Measured plots = PlotsFitTheirBoxes.measure(page);
                assertThat(plots.plots()).isEqualTo(page.locator("svg").count());
                assertThat(plots.legends()).isGreaterThanOrEqualTo(plots.plots());
                assertThat(plots.tickLabels()).isGreaterThan(plots.plots() * 4);
                assertThat(plots.faults()).as(name).isEmpty();
                page.screenshot(new Page.ScreenshotOptions().setPath(out.resolve(name + ".png")).setFullPage(true));
            }
        }
    }

    /**
     * MESEMS, a crossover in multiple sclerosis: lesion counts by the crossover analysis and by negative binomial
     * regression over the first period's scans, time to EDSS progression by log-rank and Cox.
     */
    @Test
    void mesemsIsAnalysedAsACrossoverWithCountsAndProgression() throws Exception {
        LockedTrial locked = run("001_1ab109ef512b8771", 2, 30).locked();
        String report = TrialReport.html(locked, false, "Simulated data, seed 2.");
        assertThat(report).contains("<td>crossover</td><td>Mesenchymal stem cells − Suspension media</td>",
                "<td>negbin</td><td>rate ratio group=", "<td>logrank</td>", "<td>cox</td><td>hazard ratio group=",
                "Period 1 → washout → period 2");
    }

    /** A seed simulated on a database of its own, its data locked. */
    private static SimulationResult run(String seed, long randomSeed, int patients) throws Exception {
        try (Database db = Database.temporary()) {
            return TrialSimulation.run(db, seed + ".txt", Files.readAllBytes(TrialSimulationTest.SEEDS.resolve(seed
                    + ".txt")), SimulationSettings.of(randomSeed, patients), line -> { });
        }
    }
}
