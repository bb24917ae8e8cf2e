package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stroma.protocol.Certainty;
import org.stroma.protocol.Combinator;
import org.stroma.protocol.Fixtures;
import org.stroma.protocol.OutcomeKind;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.json.ProtocolJson;

/**
 * Each seed, field by field, against the values a careful reader takes from its text. The expected values are in
 * {@code golden/<seed>.json}, written by hand from the seed files.
 */
class SeedImportTest {

    static List<String> seeds() {
        return Fixtures.SEEDS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seeds")
    void everyHandReviewedFieldHasTheValueTheSeedStates(String seed) throws IOException {
        JsonNode golden = new ObjectMapper().readTree(Fixtures.resource("golden/" + seed + ".json"));
        JsonNode actual = ProtocolJson.toTree(Fixtures.importSeed(seed).protocol());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = golden.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("_")) {
                continue;
            }
            JsonNode value = actual.at(e.getKey());
            if (!JsonMatch.same(e.getValue(), value)) {
                wrong.add(e.getKey() + ": expected " + e.getValue() + " but was " + (value.isMissingNode() ? "absent"
                        : value));
            }
            checked++;
        }
        assertThat(wrong).as("fields of %s that differ from the hand-reviewed values", seed).isEmpty();
        assertThat(checked).isGreaterThan(40);
    }

    @Test
    void mesami2() {
        ImportedRecord record = Fixtures.importSeed("000_b4a57771c457638a");
        Protocol p = record.protocol();
        assertThat(record.format()).isEqualTo(RecordFormat.PAGE_WITH_TABLES);
        assertThat(p.locations()).hasSize(6);
        assertThat(p.outcomes()).hasSize(13);
        assertThat(p.eligibility().inclusion()).hasSize(8);
        assertThat(p.eligibility().exclusion()).hasSize(27);
        // the page drops the primary/secondary headings, and "6.10e7" needs reading: both are flagged for review
        assertThat(p.provenance().of("outcomes").certainty()).isEqualTo(Certainty.INFERRED);
        assertThat(p.provenance().of("interventions[1].cellProduct.dose").certainty()).isEqualTo(Certainty.INFERRED);
        assertThat(p.provenance().of("interventions[1].cellProduct.dose").note()).contains("6.10e7");
        assertThat(p.provenance().of("design.enrollment.count").certainty()).isEqualTo(Certainty.READ);
        assertThat(p.provenance().format()).isEqualTo(RecordFormat.PAGE_WITH_TABLES.description());
    }

    @Test
    void mesemsToulouseKeepsTheSubtypeBranches() {
        Protocol p = Fixtures.importSeed("001_1ab109ef512b8771").protocol();
        assertThat(p.eligibility().inclusion()).hasSize(8);
        assertThat(p.eligibility().inclusion().get(3).children()).hasSize(3);
        assertThat(p.eligibility().inclusion().get(4).children()).hasSize(2);
        assertThat(p.eligibility().inclusion().get(5).children()).hasSize(3);
        assertThat(p.eligibility().exclusion()).hasSize(14);
        assertThat(p.outcomes(OutcomeKind.PRIMARY)).hasSize(2);
        assertThat(p.outcomes(OutcomeKind.SECONDARY)).hasSize(5);
        assertThat(p.provenance().of("design.crossover").certainty()).isEqualTo(Certainty.READ);
    }

    @Test
    void acesoListsNoOutcomeMeasuresAndSaysSo() {
        ImportedRecord record = Fixtures.importSeed("002_70a1459048f6b63c");
        assertThat(record.format()).isEqualTo(RecordFormat.PAGE_BASIC_INFORMATION);
        assertThat(record.protocol().outcomes()).isEmpty();
        assertThat(record.report().missing()).extracting(ImportReport.Item::field).contains("outcomes");
        assertThat(record.protocol().eligibility().inclusion()).hasSize(4);
        assertThat(record.protocol().eligibility().exclusion()).hasSize(19);
        // the placebo group is registered as experimental; its label is what says it is the placebo
        assertThat(record.protocol().provenance().of("arms[1].placebo").certainty()).isEqualTo(Certainty.INFERRED);
    }

    @Test
    void ucMscOutcomesComeFromTheDescriptionAndAreMarkedInferred() {
        ImportedRecord record = Fixtures.importSeed("003_4c6cadfb0611a693");
        Protocol p = record.protocol();
        assertThat(p.outcomes()).hasSize(7);
        assertThat(p.outcomes(OutcomeKind.PRIMARY)).hasSize(1);
        assertThat(record.report().inferred()).extracting(ImportReport.Item::field).contains("outcomes");
        assertThat(p.provenance().of("outcomes").source()).isEqualTo("detailedDescription");
        assertThat(p.eligibility().inclusion()).hasSize(9);
        assertThat(p.eligibility().exclusion()).hasSize(15);
        // allogeneic is said of the study, not the intervention: an inference to review
        assertThat(p.provenance().of("interventions[0].cellProduct.source").certainty()).isEqualTo(Certainty.INFERRED);
    }

    @Test
    void mesemsGenovaNestsLetteredAndRomanSubCriteria() {
        ImportedRecord record = Fixtures.importSeed("004_58ec9ded4b3b1533");
        Protocol p = record.protocol();
        assertThat(p.eligibility().inclusion()).hasSize(4);
        assertThat(p.eligibility().inclusion().get(0).children()).extracting(c -> c.children().size())
                .containsExactly(3, 2, 3);
        assertThat(p.eligibility().inclusion().get(0).children()).extracting(c -> c.combinator())
                .containsExactly(Combinator.ANY, Combinator.ALL, Combinator.ALL);
        assertThat(p.eligibility().exclusion()).hasSize(14);
        assertThat(p.outcomes()).hasSize(7);
        assertThat(record.report().missing()).extracting(ImportReport.Item::field)
                .contains("interventions[0].cellProduct.tissue");
        assertThat(p.identification().eudraCtNumber()).isEqualTo("2011-001295-19");
    }
}
