package org.stroma.trial.eligibility.rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.json.ProtocolJson;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.PatientBuilder;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.Finding;
import org.stroma.trial.eligibility.PatientFacts;
import org.stroma.trial.eligibility.RuleEvaluator;
import org.stroma.trial.eligibility.Verdict;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;

/**
 * docs/rule-language.md is checked by what Stroma does: every fenced block, by its tag, is read with the real rule
 * parser, evaluated with the real evaluator, or put in a protocol read by the real importer. A block with an unknown
 * tag fails, so that no example on the page can go unchecked.
 */
class RuleLanguageDocTest {
    private static final Path DOC = Path.of(System.getProperty("user.dir")).resolve("../docs/rule-language.md")
            .normalize();
    private static final Pattern FENCE = Pattern.compile("(?m)^```([^\\n]*)\\n(.*?)^```\\s*$", Pattern.DOTALL);
    /** Between what a line shows and what it should give: the printed rule, or the parser's complaint. */
    private static final String ARROW = " → ";
    /** The criterion whose attestations the screening examples answer. */
    private static final String CRITERION = "X1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Block(String tag, List<String> lines, int line) {
    }

    private static List<Block> blocks() throws IOException {
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCE.matcher(doc);
        while (m.find()) {
            int line = (int) doc.substring(0, m.start()).chars().filter(c -> c == '\n').count() + 1;
            List<String> lines = m.group(2).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            blocks.add(new Block(m.group(1).strip(), lines, line));
        }
        return blocks;
    }

    private static List<Block> tagged(String tag) throws IOException {
        return blocks().stream().filter(b -> b.tag().equals(tag)).toList();
    }

    @Test
    void everyBlockOnThePageIsOneTheTestChecks() throws IOException {
        Set<String> checked = Set.of("rule", "rule-error", "screening", "json criterion", "grammar");
        assertThat(blocks()).isNotEmpty().allSatisfy(b -> assertThat(checked).as("the block at line " + b.line()
                + " of " + DOC + " has a tag the test does not check").contains(b.tag()));
        // every kind of rule has its example, so the page describes the whole language
        Set<String> kinds = rules().stream().map(r -> r.split("[\\s(]", 2)[0].toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        assertThat(kinds).contains("age", "sex", "measure", "class", "condition", "procedure", "count", "medication",
                "exposure", "duration", "increase", "attest", "ref", "all", "any", "not");
        assertThat(tagged("rule-error")).isNotEmpty();
        assertThat(tagged("screening")).hasSizeGreaterThan(10);
        assertThat(tagged("json criterion")).isNotEmpty();
    }

    /** Every line of every rule block, as written (the part before an arrow). */
    private static List<String> rules() throws IOException {
        return tagged("rule").stream().flatMap(b -> b.lines().stream()).map(l -> l.split(ARROW, 2)[0]).toList();
    }

    @Test
    void everyRuleReadsAndPrintsBackAsThePageShows() throws IOException {
        for (Block b : tagged("rule")) {
            for (String line : b.lines()) {
                String[] parts = line.split(ARROW, -1);
                assertThat(parts).as(line).hasSizeLessThanOrEqualTo(2);
                Rule rule = RuleParser.parse(parts[0]);
                String printed = parts.length == 2 ? parts[1] : parts[0];
                assertThat(rule.ruleText()).as(line + " (block at line " + b.line() + ")").isEqualTo(printed);
                assertThat(RuleParser.parse(printed)).as(printed).isEqualTo(rule);
            }
        }
    }

    @Test
    void everyRuleIsOneAStudyTeamCouldWriteInAProtocol() throws IOException {
        List<String> rules = rules();
        ArrayNode inclusion = JSON.createArrayNode();
        for (int i = 0; i < rules.size(); i++) {
            inclusion.addObject().put("id", "D" + (i + 1)).put("kind", "INCLUSION")
                    .put("text", "as the study team wrote it").put("rule", rules.get(i));
        }
        Map<String, CompiledCriterion> compiled = compileWith(inclusion);
        for (int i = 0; i < rules.size(); i++) {
            CompiledCriterion c = compiled.get("D" + (i + 1));
            assertThat(c.origin()).isEqualTo(CompiledCriterion.Origin.STUDY_TEAM);
            assertThat(c.rule()).as(rules.get(i)).isEqualTo(RuleParser.parse(rules.get(i)));
        }
    }

    @Test
    void everyRefusedRuleIsRefusedForTheReasonThePageGives() throws IOException {
        for (Block b : tagged("rule-error")) {
            for (String line : b.lines()) {
                String[] parts = line.split(ARROW, -1);
                assertThat(parts).as("'rule → problem' at block " + b.line() + ": " + line).hasSize(2);
                assertThatThrownBy(() -> RuleParser.parse(parts[0])).as(parts[0])
                        .isInstanceOf(RuleSyntaxException.class)
                        .satisfies(e -> assertThat(problem(e.getMessage())).contains(parts[1]));
            }
        }
    }

    /** The parser's complaint without the rule it quotes, so that the rule's own words cannot pass for it. */
    private static String problem(String message) {
        return message.substring(message.lastIndexOf("\", at character "));
    }

    @Test
    void everyScreeningGivesTheVerdictThePageGives() throws IOException {
        for (Block b : tagged("screening")) {
            Screened s = Screened.read(b);
            PatientFacts facts = PatientFacts.of(s.patient().build(), TrialFixtures.DICTIONARY);
            Finding f = new RuleEvaluator(TrialFixtures.DICTIONARY, s.date(), facts, CRITERION,
                    id -> Finding.unknown("no criterion " + id)).evaluate(RuleParser.parse(s.rule()));
            assertThat(f.verdict()).as(s.rule() + " (block at line " + b.line() + "): " + f.reason())
                    .isEqualTo(s.verdict());
            if (s.reason() != null) {
                assertThat(f.reason()).as(s.rule() + " (block at line " + b.line() + ")").contains(s.reason());
            }
        }
    }

    @Test
    void theCriterionShownInProtocolJsonTakesItsRule() throws IOException {
        for (Block b : tagged("json criterion")) {
            JsonNode criterion = JSON.readTree(String.join("\n", b.lines()));
            CompiledCriterion c = compileWith(JSON.createArrayNode().add(criterion)).get(criterion.get("id").asText());
            assertThat(c).as("the criterion of the block at line " + b.line()).isNotNull();
            assertThat(c.origin()).isEqualTo(CompiledCriterion.Origin.STUDY_TEAM);
            assertThat(c.rule().ruleText()).isEqualTo(criterion.get("rule").asText());
        }
    }

    /**
     * A seed trial's protocol JSON with these inclusion criteria in place of its own criteria, read by the importer
     * {@code ./stroma} uses and compiled; the compiled criteria by id.
     */
    private static Map<String, CompiledCriterion> compileWith(ArrayNode inclusion) throws IOException {
        ObjectNode tree = (ObjectNode) ProtocolJson.toTree(TrialFixtures.protocol(TrialFixtures.MESAMI2));
        ObjectNode eligibility = (ObjectNode) tree.get("eligibility");
        eligibility.set("inclusion", inclusion);
        eligibility.putArray("exclusion");
        Protocol protocol = new RegistryImporter().read(JSON.writeValueAsBytes(tree)).get(0).protocol();
        CompiledEligibility compiled = new CriteriaCompiler(TrialFixtures.DICTIONARY).compile(protocol);
        return compiled.all().stream().collect(Collectors.toMap(CompiledCriterion::id, c -> c));
    }

    /**
     * A screening block: the date, the patient in the page's shorthand, the rule, the verdict and, when given, a part
     * of the reason.
     */
    private record Screened(LocalDate date, PatientBuilder patient, String rule, Verdict verdict, String reason) {
        private static final String DATE = "(\\d{4}-\\d{2}-\\d{2})";
        private static final Pattern MEASURED = Pattern.compile(
                "measured (\\S+) (\\d+(?:\\.\\d+)?)(?: (\\S+))? on " + DATE);
        private static final Pattern ASSESSED = Pattern.compile("assessed (\\S+) (\\S+) on " + DATE);
        private static final Pattern DIAGNOSED = Pattern.compile("diagnosed (\\S+) on " + DATE
                + "(?:, resolved " + DATE + ")?");
        private static final Pattern NO_ONSET = Pattern.compile("diagnosed (\\S+), onset not recorded");
        private static final Pattern PROCEDURE = Pattern.compile("(underwent|planned) (\\S+) on " + DATE);
        private static final Pattern TOOK = Pattern.compile("took (\"[^\"]+\"|\\S+) from " + DATE
                + "(?: to " + DATE + "|, ongoing|, (stopped on a date not recorded))");
        private static final Map<String, Verdict> VERDICTS = Map.of("met", Verdict.MET, "not met", Verdict.NOT_MET,
                "unknown", Verdict.UNKNOWN);

        static Screened read(Block b) {
            LocalDate date = null;
            PatientBuilder p = PatientBuilder.patient("doc@" + b.line());
            String rule = null;
            Verdict verdict = null;
            String reason = null;
            for (String line : b.lines()) {
                Matcher m;
                if (line.startsWith("screened on ")) {
                    date = LocalDate.parse(line.substring("screened on ".length()));
                } else if (line.startsWith("rule:")) {
                    rule = line.substring("rule:".length()).strip();
                } else if (line.startsWith("verdict:")) {
                    verdict = VERDICTS.get(line.substring("verdict:".length()).strip());
                    assertThat(verdict).as("a verdict is met, not met or unknown: " + line).isNotNull();
                } else if (line.startsWith("reason:")) {
                    reason = line.substring("reason:".length()).strip();
                } else if (line.startsWith("born ")) {
                    p.born(LocalDate.parse(line.substring("born ".length())));
                } else if (line.equals("female")) {
                    p.female();
                } else if (line.equals("male")) {
                    p.male();
                } else if (line.equals("investigator answered yes") || line.equals("investigator answered no")) {
                    p.attests(CRITERION, line.endsWith("yes"));
                } else if ((m = MEASURED.matcher(line)).matches()) {
                    p.measured(m.group(1), Double.parseDouble(m.group(2)), m.group(3), LocalDate.parse(m.group(4)));
                } else if ((m = ASSESSED.matcher(line)).matches()) {
                    p.assessed(m.group(1), m.group(2), LocalDate.parse(m.group(3)));
                } else if ((m = DIAGNOSED.matcher(line)).matches()) {
                    LocalDate onset = LocalDate.parse(m.group(2));
                    if (m.group(3) == null) {
                        p.has(m.group(1), onset);
                    } else {
                        p.had(m.group(1), onset, LocalDate.parse(m.group(3)));
                    }
                } else if ((m = NO_ONSET.matcher(line)).matches()) {
                    p.has(m.group(1), null);
                } else if ((m = PROCEDURE.matcher(line)).matches()) {
                    if (m.group(1).equals("underwent")) {
                        p.underwent(m.group(2), LocalDate.parse(m.group(3)));
                    } else {
                        p.planned(m.group(2), LocalDate.parse(m.group(3)));
                    }
                } else if ((m = TOOK.matcher(line)).matches()) {
                    took(p, m);
                } else {
                    fail("the screening block at line " + b.line() + " has a line the shorthand does not know: "
                            + line);
                }
            }
            assertThat(date).as("the screening date of the block at line " + b.line()).isNotNull();
            assertThat(rule).as("the rule of the block at line " + b.line()).isNotNull();
            assertThat(verdict).as("the verdict of the block at line " + b.line()).isNotNull();
            return new Screened(date, p, rule, verdict, reason);
        }

        private static void took(PatientBuilder p, Matcher m) {
            String drug = m.group(1);
            LocalDate start = LocalDate.parse(m.group(2));
            LocalDate end = m.group(3) == null ? null : LocalDate.parse(m.group(3));
            boolean named = drug.startsWith("\"");
            if (m.group(4) != null) {
                assertThat(named).as("a named drug stopped on an unknown date is not in the shorthand").isFalse();
                p.stopped(drug, start);
            } else if (named) {
                p.tookNamed(drug.substring(1, drug.length() - 1), start, end);
            } else {
                p.took(drug, start, end);
            }
        }
    }
}
