package org.stroma.simulation.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.stroma.export.ExportFormat;
import org.stroma.export.odm.OdmExport;

/**
 * The ODM export holds what was captured: every subject, every item value of every form as it stands (each value the
 * locked data set has), every adverse event — and the arm items only where the export is unblinded.
 */
class OdmContentTest {
    private static final Pattern FORM_ITEM = Pattern.compile("<ItemData ItemOID=\"IT\\.(?!ENROLMENT\\.|ADVERSE_EVENTS\\.)"
            + "[^\"]+\" TransactionType=\"(Insert|Update)\"");

    @Test
    void everyCapturedValueSubjectAndAdverseEventIsInTheFile() throws Exception {
        for (SimulatedExports.Trial t : SimulatedExports.all()) {
            String odm = t.unblinded().get(ExportFormat.ODM).file(OdmExport.FILE).text();
            assertThat(count(odm, "<SubjectData ")).as(t.seed() + " subjects").isEqualTo(t.locked().subjects().size());
            // no form was changed in these runs, so each value is inserted once and the count is the captured values'
            assertThat(count(FORM_ITEM, odm)).as(t.seed() + " item values").isEqualTo(t.locked().measurements()
                    .size());
            assertThat(count(odm, "IT.ADVERSE_EVENTS.AE_ID\" TransactionType")).as(t.seed() + " adverse events")
                    .isEqualTo(t.locked().adverseEvents().size());
            String blinded = t.blinded().get(ExportFormat.ODM).file(OdmExport.FILE).text();
            if (t.masked()) {
                assertThat(blinded).doesNotContain("IT.ENROLMENT.ALLOCATION", "IT.ENROLMENT.TREATMENTS");
                assertThat(odm).contains("IT.ENROLMENT.ALLOCATION\" TransactionType=\"Insert\" Value=\"");
            }
        }
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }

    private static int count(Pattern p, String text) {
        Matcher m = p.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
