package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stroma.export.Export;
import org.stroma.export.ExportFormat;
import org.stroma.export.ExportedFile;

/**
 * Every blinded export of a masked reference trial, in every format, searched for what would tell a subject's arm:
 * the arms' labels (as the unblinded data names each subject's treatment) anywhere a subject's data is. The protocol's
 * own description of its arms — ODM's study metadata, SDTM's trial design datasets and define.xml, FHIR's
 * ResearchStudy — names
 * the arms for every subject alike and is left out of the search. The unblinded exports are searched the same way and
 * must name the arms: the search can fail.
 */
class BlindedExportsTest {
    private static final Pattern TRIAL_DESIGN = Pattern.compile("(t[aevis]\\.(json|csv)|define\\.xml)");

    @Test
    void noBlindedExportOfAMaskedTrialTiesASubjectToAnArm() throws Exception {
        int maskedTrials = 0;
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            if (!t.masked()) {
                assertThat(t.blinded().get(ExportFormat.ODM).blinded()).as(t.seed() + ": open label").isFalse();
                continue;
            }
            maskedTrials++;
            assertThat(t.armWords()).as(t.seed() + ": the arms subjects were given").hasSizeGreaterThan(1);
            for (ExportFormat f : ExportTests.AVAILABLE) {
                if (f == ExportFormat.USDM) {
                    continue; // the protocol only, the same blinded or not (UsdmExportTest): no subject is in it
                }
                if (f.comparesArms()) {
                    assertThat(t.blinded()).as(t.seed() + " " + f).doesNotContainKey(f);
                    assertThat(t.blindedRefused().get(f)).as(t.seed() + " " + f).contains("unblinded");
                    continue;
                }
                Export blinded = t.blinded().get(f);
                assertThat(blinded.blinded()).as(t.seed() + " " + f).isTrue();
                assertThat(blinded.file(Export.MANIFEST).text()).contains("Masking: blinded");
                List<String> found = new ArrayList<>();
                for (ExportedFile file : blinded.files()) {
                    String subjects = subjectData(f, file);
                    for (String word : t.armWords()) {
                        if (subjects.contains(word)) {
                            found.add(file.name() + " names '" + word + "'");
                        }
                    }
                }
                assertThat(found).as(t.seed() + " " + f.formatName() + " blinded").isEmpty();
                String unblinded = String.join("\n", t.unblinded().get(f).files().stream().map(file -> subjectData(f,
                        file)).toList());
                assertThat(t.armWords()).as(t.seed() + " " + f.formatName() + " unblinded names every arm")
                        .allMatch(unblinded::contains);
            }
        }
        assertThat(maskedTrials).as("masked reference trials").isEqualTo(4);
    }

    /** The part of an exported file that holds subjects' data (the protocol's description of the arms left out). */
    static String subjectData(ExportFormat format, ExportedFile file) {
        String text = file.text();
        return switch (format) {
            case ODM -> file.name().equals(Export.MANIFEST) ? text
                    : text.substring(text.indexOf("<ClinicalData"), text.indexOf("</ClinicalData>"));
            // the trial design datasets and their metadata describe the arms for every subject alike
            case SDTM -> TRIAL_DESIGN.matcher(file.name()).matches() ? "" : text;
            // the study describes its arms; the bundle holds the same resources as the NDJSON files, searched there
            case FHIR -> file.name().equals("ResearchStudy.ndjson") || file.name().equals("bundle.json") ? "" : text;
            default -> text;
        };
    }
}
