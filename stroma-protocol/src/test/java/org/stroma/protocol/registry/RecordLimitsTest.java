package org.stroma.protocol.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.Fixtures;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.protocol.text.CriteriaSplitter;

/** Each limit of a registry file refuses what is beyond it, naming the limit and the place, and nothing before it. */
class RecordLimitsTest {
    private static final String V2 = new String(Fixtures.resource("fixtures/ctgov/api-v2/NCT02753764.json"),
            StandardCharsets.UTF_8);

    private static RecordFormatException refusal(String content) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(
                () -> new RegistryImporter().read(content.getBytes(StandardCharsets.UTF_8)));
        assertThat(t).isInstanceOf(RecordFormatException.class);
        assertThat(t.getMessage()).doesNotContain("\n").hasSizeLessThan(700);
        return (RecordFormatException) t;
    }

    @Test
    void jsonNestedBeyondTheLimitIsRefusedWhereItGoesTooDeep() {
        String deep = V2.replaceFirst("\"conditions\":\\[", "\"conditions\":[" + "[".repeat(100_000) + "]"
                .repeat(100_000) + ",");
        assertThat(refusal(deep).problem()).isEqualTo("the JSON is nested more than 64 levels deep");
        String justDeepEnough = V2.replaceFirst("\"conditions\":\\[", "\"conditions\":[" + "[".repeat(55)
                + "]".repeat(55) + ",");
        assertThat(refusal(justDeepEnough).problem()).doesNotContain("nested");
    }

    @Test
    void xmlNestedBeyondTheLimitIsRefusedBeforeTheDomIsBuilt() {
        RecordFormatException e = refusal("<clinical_study><brief_title>" + "<b>".repeat(200_000) + "</b>"
                .repeat(200_000) + "</brief_title></clinical_study>");
        assertThat(e.place()).isEqualTo("line 1, column 219 (/clinical_study/brief_title/b/b)");
        assertThat(e.problem()).isEqualTo("elements are nested more than 64 levels deep");
    }

    @Test
    void aTextLongerThanTheLimitIsNamedByItsPath() {
        String name = "N".repeat(5_000_000);
        assertThat(refusal(V2.replaceFirst("\"briefTitle\":\"", "\"briefTitle\":\"" + name)).getMessage())
                .isEqualTo("$.protocolSection.identificationModule.briefTitle: a text is longer than 100000 characters");
        String page = new String(Fixtures.seed(Fixtures.SEEDS.get(0)), StandardCharsets.UTF_8);
        assertThat(refusal(page.replaceFirst("\n", "\n" + name + "\n")).getMessage())
                .isEqualTo("line 2: the line has 5000000 characters; a line may have at most 100000");
        String xml = "<clinical_study><brief_title>" + name + "</brief_title></clinical_study>";
        assertThat(refusal(xml).problem()).isEqualTo("a text is longer than 100000 characters");
    }

    @Test
    void aListLongerThanTheLimitAndANullInAListAreRefusedWithTheirPath() {
        String many = V2.replaceFirst("\"conditions\":\\[", "\"conditions\":[" + "\"x\",".repeat(20_000));
        assertThat(refusal(many).getMessage()).isEqualTo("$.protocolSection.conditionsModule.conditions: the list has"
                + " 20001 elements; a list may have at most 10000");
        String nullCondition = V2.replaceFirst("\"conditions\":\\[", "\"conditions\":[null,");
        assertThat(refusal(nullCondition).getMessage()).isEqualTo("$.protocolSection.conditionsModule.conditions[0]:"
                + " expected a value in the list, found null");
    }

    @Test
    void criteriaOfMoreLinesThanTheLimitAreRefusedAndDeepListsStopAtTheDeepestLevel() {
        String lines = "* age over 18\\n".repeat(RecordLimits.MAX_CRITERIA + 1);
        assertThat(refusal(V2.replaceFirst("\"eligibilityCriteria\":\"", "\"eligibilityCriteria\":\""
                + java.util.regex.Matcher.quoteReplacement(lines)))
                .getMessage()).startsWith("eligibility criteria: the text has ");

        StringBuilder deep = new StringBuilder("Inclusion Criteria:\n\n");
        for (int i = 0; i < 1_500; i++) {
            deep.append("  ".repeat(i)).append("* item ").append(i).append('\n');
        }
        List<Criterion> inclusion = CriteriaSplitter.split(deep.toString()).inclusion();
        assertThat(depth(inclusion)).isEqualTo(CriteriaSplitter.MAX_DEPTH);
        assertThat(count(inclusion)).isEqualTo(1_500);
    }

    @Test
    void aNullOrACriterionWithoutTextInProtocolJsonIsRefusedWithItsPath() {
        var tree = ProtocolJson.toTree(Fixtures.importSeed(Fixtures.SEEDS.get(0)).protocol());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/eligibility/inclusion/0")).remove("text");
        assertThat(refusal(tree.toString()).getMessage()).isEqualTo("$.eligibility.inclusion[0]: a criterion needs its text");
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.at("/eligibility/inclusion/0")).putNull("text");
        assertThat(refusal(tree.toString()).getMessage()).isEqualTo("$.eligibility.inclusion[0].text: null is not a"
                + " value here; leave the field out");
    }

    private static int depth(List<Criterion> criteria) {
        return criteria.stream().mapToInt(c -> 1 + depth(c.children())).max().orElse(0);
    }

    private static int count(List<Criterion> criteria) {
        return criteria.stream().mapToInt(c -> 1 + count(c.children())).sum();
    }
}
