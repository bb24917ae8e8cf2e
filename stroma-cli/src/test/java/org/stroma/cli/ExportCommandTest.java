package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.cli.Cli.stroma;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stroma export}: a simulated trial exported blinded or not; what cannot be exported — the results section of a
 * masked trial blinded, a format that does not exist, a study the database does not hold, a record that does not
 * read — is one line and exit code 2.
 */
class ExportCommandTest {
    @TempDir
    Path tmp;

    @Test
    void aSimulatedTrialIsExportedBlindedWithItsManifest() throws IOException {
        Path out = tmp.resolve("odm");
        Cli.Run run = stroma("export", "--trial", Cli.MESEMS.toString(), "--format", "odm", "--out", out.toString(),
                "--blinded", "--patients", "8");
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Blinded odm export of NCT02403947", "odm.xml (", "MANIFEST.txt (");
        assertThat(Files.readString(out.resolve("odm.xml"))).contains("<SubjectData SubjectKey=")
                .doesNotContain("IT.ENROLMENT.ALLOCATION");
        assertThat(Files.readString(out.resolve("MANIFEST.txt"))).contains("Masking: blinded");
    }

    @Test
    void whatCannotBeExportedIsOneLineAndExitCodeTwo() throws IOException {
        Cli.Run blindedResults = stroma("export", "--trial", Cli.MESEMS.toString(), "--format", "ctgov-v2",
                "--out", tmp.resolve("r").toString(), "--blinded", "--patients", "8");
        assertThat(blindedResults.exit()).isEqualTo(2);
        assertThat(blindedResults.err()).startsWith("stroma: The registry's results section is made from the"
                + " unblinded locked data").doesNotContain("Exception");
        Cli.Run format = stroma("export", "--study", "NCT02403947", "--format", "xpt", "--out", tmp.toString(),
                "--home", tmp.resolve("home").toString());
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("no export format 'xpt'; the formats are odm, sdtm, fhir");
        Cli.Run study = stroma("export", "--study", "NCT02403947", "--format", "odm", "--out", tmp.toString(),
                "--home", tmp.resolve("home").toString());
        assertThat(study.exit()).isEqualTo(2);
        assertThat(study.err()).startsWith("stroma: no study NCT02403947 with a published protocol in").contains(
                "it has none yet");
        Path broken = Files.writeString(tmp.resolve("broken.json"), "{\"protocolSection\": [");
        Cli.Run record = stroma("export", "--trial", broken.toString(), "--format", "odm", "--out", tmp.toString());
        assertThat(record.exit()).isEqualTo(2);
        assertThat(record.err()).startsWith("stroma: broken.json: line 1, column 22").doesNotContain("Exception");
    }
}
