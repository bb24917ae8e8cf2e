package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.trial.concept.ConceptDictionary;

/** The five figures on one hand-annotated trial whose every count is known. */
class ChiaEvaluationTest {
    private static final String TRIAL = "NCT00000001";

    @TempDir
    Path dir;

    @BeforeEach
    void writeTheTrial() throws IOException {
        write(TRIAL + "_inc.txt", "LVEF ≤ 45%\nStroke within the last 6 months\n");
        write(TRIAL + "_inc.ann", """
                T1\tMeasurement 0 4\tLVEF
                T2\tValue 5 10\t≤ 45%
                R1\tHas_value Arg1:T1 Arg2:T2\t
                T3\tCondition 11 17\tStroke
                T4\tTemporal 18 42\twithin the last 6 months
                R2\tHas_temporal Arg1:T3 Arg2:T4\t
                """);
        // a Windows file: the offsets count the carriage returns. The first line's negation is made up for the test
        // (the words affirm diabetes; the annotation says "showing" denies it), so that the compiler's reading, right
        // for the words, stands as a polarity error the evaluation must find and report
        write(TRIAL + "_exc.txt", "Patients showing diabetes\r\nNo history of myocardial infarction\r\n"
                + "Creatinine > 2.0 mg/dL\r\nHistory of malignancy, except basal cell carcinoma\r\n");
        write(TRIAL + "_exc.ann", String.join("\r\n", "T1\tCondition 17 25\tdiabetes", "T2\tNegation 9 16\tshowing",
                "R1\tHas_negation Arg1:T1 Arg2:T2\t", "T3\tNegation 27 29\tNo",
                "T4\tCondition 41 62\tmyocardial infarction", "R2\tHas_negation Arg1:T4 Arg2:T3\t",
                "T5\tMeasurement 64 74\tCreatinine", "T6\tValue 75 86\t> 2.0 mg/dL", "R3\tHas_value Arg1:T5 Arg2:T6\t",
                "T7\tNon-query-able 0 25\tPatients showing diabetes", "T8\tCondition 99 109\tmalignancy",
                "T9\tNegation 111 117\texcept", "T10\tCondition 118 138\tbasal cell carcinoma",
                "R4\tHas_negation Arg1:T10 Arg2:T9\t", ""));
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }

    private ChiaFigures figures() throws IOException {
        return new ChiaEvaluation(ConceptDictionary.standard()).run(dir, ChiaCorpus.trialIds(dir));
    }

    @Test
    void theAnnotationsLieOnTheWordsTheyName() {
        ChiaTrial trial = ChiaCorpus.read(dir, TRIAL);
        for (BratDocument d : List.of(trial.inclusion(), trial.exclusion())) {
            for (BratEntity e : d.entities().values()) {
                TextSpan s = e.spans().get(0);
                assertThat(d.text().substring(s.start(), s.end())).isEqualTo(e.text());
            }
        }
    }

    @Test
    void everyCriterionCompiledToADataRuleOneOfThemFlagged() throws IOException {
        DataRuleShare d = figures().dataRules();
        assertThat(d.criteria()).isEqualTo(6);
        assertThat(d.dataRules()).isEqualTo(6);
        assertThat(d.queryable()).isEqualTo(5);
        assertThat(d.queryableDataRules()).isEqualTo(5);
    }

    @Test
    void bothThresholdsAreRecoveredWithTheirUnits() throws IOException {
        MeasurementRecovery m = figures().measurements();
        assertThat(m.pairs()).isEqualTo(2);
        assertThat(m.exact()).isEqualTo(2);
        assertThat(m.wrong() + m.missed() + m.notNumeric()).isZero();
        assertThat(m.signLost()).isZero();
        assertThat(m.exactOfSignKept()).isEqualTo(2);
    }

    /** "HbA1c = 9 %": the text lost its ≤ or ≥; the compiler asks, and the pair is counted apart as well as missed. */
    @Test
    void aValueWhoseSignWasLostIsCountedApart() throws IOException {
        Path lost = Files.createDirectories(dir.resolve("lost"));
        String inclusion = "HbA1c = 9 %\nHbA1c < 10 %\n";
        Files.writeString(lost.resolve("NCT00000003_inc.txt"), inclusion, StandardCharsets.UTF_8);
        int second = inclusion.indexOf('\n') + 1;
        Files.writeString(lost.resolve("NCT00000003_inc.ann"), pair(inclusion, "HbA1c", "= 9 %", 1)
                + "T3\tMeasurement " + second + " " + (second + 5) + "\tHbA1c\n"
                + "T4\tValue " + (second + 6) + " " + (second + 12) + "\t< 10 %\n"
                + "R3\tHas_value Arg1:T3 Arg2:T4\t\n", StandardCharsets.UTF_8);
        MeasurementRecovery m = new ChiaEvaluation(ConceptDictionary.standard())
                .run(lost, ChiaCorpus.trialIds(lost)).measurements();
        assertThat(m.pairs()).isEqualTo(2);
        assertThat(m.signLost()).isEqualTo(1);
        assertThat(m.missed()).isEqualTo(1);
        assertThat(m.exactOfSignKept()).isEqualTo(1);
    }

    /**
     * A value the rules state in another shape than one measurement rule: classes for grades, a rule on each pressure
     * for "140/90", a rule on each side for a value outside a range.
     */
    @Test
    void gradesBothPressuresAndBothSidesOfARangeAreRecovered() throws IOException {
        Path other = Files.createDirectories(dir.resolve("other"));
        String inclusion = "ASA class 1, 2, or 3\nBP < 140/90\n";
        String exclusion = "BMI <18 and> 35 kg/m2\nSBP outside the range of 100-160 mmHg\n";
        Files.writeString(other.resolve("NCT00000002_inc.txt"), inclusion, StandardCharsets.UTF_8);
        Files.writeString(other.resolve("NCT00000002_inc.ann"), pair(inclusion, "ASA class", "1, 2, or 3", 1)
                + pair(inclusion, "BP", "< 140/90", 3), StandardCharsets.UTF_8);
        Files.writeString(other.resolve("NCT00000002_exc.txt"), exclusion, StandardCharsets.UTF_8);
        Files.writeString(other.resolve("NCT00000002_exc.ann"), pair(exclusion, "BMI", "<18 and> 35 kg/m2", 1)
                + pair(exclusion, "SBP", "outside the range of 100-160 mmHg", 3), StandardCharsets.UTF_8);
        MeasurementRecovery m = new ChiaEvaluation(ConceptDictionary.standard())
                .run(other, ChiaCorpus.trialIds(other)).measurements();
        assertThat(m.pairs()).isEqualTo(4);
        assertThat(m.exact()).as("wrong: %s, missed: %s", m.wrongOnes(), m.missedOnes()).isEqualTo(4);
    }

    /**
     * Where a rule came from, when the words are not the dictionary's: names the compiler makes regular ("serum
     * transaminases" are ALT and AST), a name followed by the abbreviation the rule was read from, a unit that names the
     * measurement.
     */
    @Test
    void aRuleIsFoundFromWordsTheCompilerReadsOtherwise() throws IOException {
        Path other = Files.createDirectories(dir.resolve("anchors"));
        String inclusion = "Serum transaminases ≤2.5 x ULN\nForced expiratory volume (FEV1)< 30% predicted\n"
                + "Current smokers with a smoking history of at least 10 pack years\n";
        Files.writeString(other.resolve("NCT00000004_inc.txt"), inclusion, StandardCharsets.UTF_8);
        Files.writeString(other.resolve("NCT00000004_inc.ann"), pair(inclusion, "Serum transaminases", "≤2.5 x ULN", 1)
                + pair(inclusion, "Forced expiratory volume", "< 30% predicted", 3)
                + pair(inclusion, "smoking history", "10 pack years", 5), StandardCharsets.UTF_8);
        MeasurementRecovery m = new ChiaEvaluation(ConceptDictionary.standard())
                .run(other, ChiaCorpus.trialIds(other)).measurements();
        assertThat(m.pairs()).isEqualTo(3);
        assertThat(m.exact()).as("wrong: %s, missed: %s", m.wrongOnes(), m.missedOnes()).isEqualTo(3);
    }

    /** A Measurement and its Value annotated where they stand in the text, numbered from {@code n}. */
    private static String pair(String text, String measurement, String value, int n) {
        int at = text.indexOf(measurement);
        int valueAt = text.indexOf(value, at);
        return "T" + n + "\tMeasurement " + at + " " + (at + measurement.length()) + "\t" + measurement + "\n"
                + "T" + (n + 1) + "\tValue " + valueAt + " " + (valueAt + value.length()) + "\t" + value + "\n"
                + "R" + n + "\tHas_value Arg1:T" + n + " Arg2:T" + (n + 1) + "\t\n";
    }

    @Test
    void eachConditionIsRecalledByTheRuleItsWordsBecame() throws IOException {
        ConditionRecall c = figures().conditions();
        assertThat(c.conditions()).isEqualTo(5);
        assertThat(c.recalled()).as("the excepted carcinoma's words are read as malignancy too").isEqualTo(5);
    }

    @Test
    void theStrokesWindowIsRecovered() throws IOException {
        WindowRecovery w = figures().windows();
        assertThat(w.relations()).isEqualTo(1);
        assertThat(w.recovered()).isEqualTo(1);
    }

    @Test
    void aNegationReadAsPresenceIsAPolarityErrorAndOneReadAsAbsenceIsNot() throws IOException {
        PolarityErrors p = figures().polarity();
        assertThat(p.negated()).isEqualTo(3);
        assertThat(p.absent()).isEqualTo(1);
        assertThat(p.shared()).as("malignancy is named outside the exception too").isEqualTo(1);
        assertThat(p.errors()).singleElement().satisfies(e -> {
            assertThat(e.trial()).isEqualTo(TRIAL);
            assertThat(e.criterion()).isEqualTo("E1");
            assertThat(e.fact()).isEqualTo("diabetes");
            assertThat(e.cue()).isEqualTo("showing");
            assertThat(e.leafRule()).startsWith("condition diabetes");
        });
    }

    @Test
    void theReportGivesEachFigureAndTheErrorsRule() throws IOException {
        String text = ChiaReport.text(figures(), "cmd");
        assertThat(text).contains("6 criteria").contains("2 of 2 (100.0 %)").contains("| NCT00000001 | E1 |")
                .contains("showing");
    }
}
