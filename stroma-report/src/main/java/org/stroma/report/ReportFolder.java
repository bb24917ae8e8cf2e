package org.stroma.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.stroma.trial.lock.LockedTrial;

/**
 * A locked trial's reports as files: an {@code unblinded} folder (for the statistician and the DSMB) and a
 * {@code blinded} one (for the trial team), each with its report in HTML and PDF and its data as CSV. The two are kept
 * apart so that nothing beside the blinded report tells an arm: its data has no arm column and nothing only a cell
 * product has.
 */
public record ReportFolder(Path unblinded, Path blinded) {

    /** Writes both under {@code dir} and returns where each report's HTML page is. */
    public static ReportFolder write(LockedTrial t, Path dir, String subtitle) throws IOException {
        return new ReportFolder(side(t, dir.resolve("unblinded"), false, subtitle), side(t, dir.resolve("blinded"),
                true, subtitle));
    }

    private static Path side(LockedTrial t, Path dir, boolean blinded, String subtitle) throws IOException {
        Files.createDirectories(dir);
        String html = TrialReport.html(t, blinded, subtitle);
        Path page = dir.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        ReportPdf.write(html, dir.resolve("report.pdf"));
        LockedTrialCsv.write(t, dir.resolve("data"), blinded);
        return page;
    }
}
