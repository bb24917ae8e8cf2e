package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Fixtures;

/**
 * A value is read the same way whatever the format: yes and no, unknown codes and values that are not what their
 * field should be are warnings in pages too, and every import names its format alike in its provenance.
 */
class EveryFormatReadsValuesAlikeTest {
    private static final String TABLE_PAGE = "000_b4a57771c457638a";

    private static ImportedRecord editedPage(String from, String to) {
        String page = new String(Fixtures.seed(TABLE_PAGE), StandardCharsets.UTF_8);
        assertThat(page).contains(from);
        return new RegistryImporter().read(page.replace(from, to).getBytes(StandardCharsets.UTF_8)).get(0);
    }

    @Test
    void yesIsYesOrAcceptsAndNoIsNoAndAnythingElseIsNeither() {
        assertThat(YesNoText.parse("Yes")).isTrue();
        assertThat(YesNoText.parse("Accepts Healthy Volunteers")).isTrue();
        assertThat(YesNoText.parse("No")).isFalse();
        assertThat(YesNoText.parse("Not applicable")).isNull();
        assertThat(YesNoText.parse("maybe")).isNull();
    }

    @Test
    void aPageSaysYesAsTheOlderFormatsDo() {
        ImportedRecord record = editedPage("Accepts Healthy Volunteers: | No |",
                "Accepts Healthy Volunteers: | Accepts Healthy Volunteers |");
        assertThat(record.protocol().eligibility().healthyVolunteers()).isTrue();
    }

    @Test
    void aPageWarnsOfWhatItCannotRead() {
        ImportedRecord record = editedPage("Accepts Healthy Volunteers: | No |", "Accepts Healthy Volunteers: | Maybe |");
        assertThat(record.protocol().eligibility().healthyVolunteers()).isNull();
        assertThat(record.report().warnings()).anyMatch(w -> w.endsWith("\"Maybe\" is neither yes nor no"));
        ImportedRecord status = editedPage("Recruitment Status :\nRecruiting", "Recruitment Status :\nZigzag");
        assertThat(status.report().warnings()).anyMatch(w -> w.endsWith("unrecognised OverallStatus \"Zigzag\""));
    }

    @Test
    void theLegacyXmlNamesItsFormatInItsProvenanceAsTheReportDoes() throws Exception {
        byte[] v2 = Files.readAllBytes(Fixtures.allRecords("legacy XML provenance", "api-v2").get(0));
        String xml = LegacyXmlRendering.of(new ObjectMapper().readTree(v2));
        ImportedRecord record = new RegistryImporter().read(xml.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(record.protocol().provenance().format()).isEqualTo(RecordFormat.CTGOV_LEGACY_XML.description());
    }
}
