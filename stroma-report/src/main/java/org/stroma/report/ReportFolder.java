package org.stroma.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.stroma.trial.lock.LockedTrial;
import org.stroma.trial.plan.AnalysisPlan;

/**
 * A locked trial's reports as files: an {@code unblinded} folder (for the statistician and the DSMB) and a
 * {@code blinded} one (for the trial team), each with its report in HTML and PDF and its data as CSV. The two are kept
 * apart so that nothing beside the blinded report tells an arm: its data has no arm column and nothing only a cell
 * product has; the unblinded folder is its owner's alone.
 */
public record ReportFolder(Path unblinded, Path blinded) {

    /** Writes both under {@code dir} and returns where each report's HTML page is. */
    public static ReportFolder write(LockedTrial t, Path dir, String subtitle) throws IOException {
        return write(t, null, dir, subtitle);
    }

    /** Both reports, with the analysis plan's endpoints first (none: the plan is missing, and the report says so). */
    public static ReportFolder write(LockedTrial t, AnalysisPlan plan, Path dir, String subtitle) throws IOException {
        return new ReportFolder(side(t, plan, dir.resolve("unblinded"), false, subtitle), side(t, plan,
                dir.resolve("blinded"), true, subtitle));
    }

    /**
     * A folder for unblinded results, readable by its owner alone where the file system says who may read (POSIX):
     * a blinded colleague on the same machine must not open it by mistake.
     */
    public static Path unblindedFolder(Path dir) throws IOException {
        Files.createDirectories(dir);
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        return dir;
    }

    private static Path side(LockedTrial t, AnalysisPlan plan, Path dir, boolean blinded, String subtitle)
            throws IOException {
        if (blinded) {
            Files.createDirectories(dir);
        } else {
            unblindedFolder(dir);
        }
        String html = TrialReport.html(t, plan, blinded, subtitle);
        Path page = dir.resolve("report.html");
        Files.writeString(page, html, StandardCharsets.UTF_8);
        ReportPdf.write(html, dir.resolve("report.pdf"));
        LockedTrialCsv.write(t, dir.resolve("data"), blinded);
        return page;
    }
}
