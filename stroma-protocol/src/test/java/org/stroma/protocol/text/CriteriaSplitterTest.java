package org.stroma.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Combinator;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;

class CriteriaSplitterTest {

    private static List<String> texts(List<Criterion> criteria) {
        return criteria.stream().map(Criterion::text).toList();
    }

    @Test
    void markdownBulletsUnderHeadings() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                Inclusion Criteria:

                * Age \\>= 18 years
                * LVEF ≤ 45%

                Exclusion Criteria:

                * Pregnancy
                * INR \\> 1.3 \\&gt; bad
                """);
        assertThat(split.headingsFound()).isTrue();
        assertThat(texts(split.inclusion())).containsExactly("Age >= 18 years", "LVEF ≤ 45%");
        assertThat(texts(split.exclusion())).containsExactly("Pregnancy", "INR > 1.3 > bad");
        assertThat(split.inclusion().get(1).id()).isEqualTo("I2");
        assertThat(split.exclusion().get(0).kind()).isEqualTo(CriterionKind.EXCLUSION);
    }

    @Test
    void numberedLettersAndInlineRomanSubItemsNest() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                Inclusion Criteria:
                - 1. Diagnosis of MS
                a. Relapsing remitting MS (RRMS) as evidenced by one or more of the following: i. ≥1 relapse in past 12 months
                ii. ≥2 relapses in last 24 months
                iii. ≥1 GEL at MRI performed within the last 12 months
                b. Secondary progressive MS (SPMS) as evidenced by both:
                i. an increase of ≥1 point of the EDSS in the last 12 months
                ii. ≥1 clinically documented relapse or ≥ 1 GEL at MRI within the last twelve months.
                - 2. Age 18 to 50 years
                Exclusion Criteria:
                - 1. RRMS not fulfilling inclusion criteria
                """);
        assertThat(texts(split.inclusion())).containsExactly("Diagnosis of MS", "Age 18 to 50 years");
        Criterion diagnosis = split.inclusion().get(0);
        assertThat(diagnosis.children()).hasSize(2);
        Criterion rrms = diagnosis.children().get(0);
        assertThat(rrms.id()).isEqualTo("I1.1");
        assertThat(rrms.combinator()).isEqualTo(Combinator.ANY);
        assertThat(texts(rrms.children())).containsExactly("≥1 relapse in past 12 months",
                "≥2 relapses in last 24 months", "≥1 GEL at MRI performed within the last 12 months");
        Criterion spms = diagnosis.children().get(1);
        assertThat(spms.combinator()).isEqualTo(Combinator.ALL);
        assertThat(spms.children()).hasSize(2);
        assertThat(spms.children().get(1).id()).isEqualTo("I1.2.2");
        assertThat(texts(split.exclusion())).containsExactly("RRMS not fulfilling inclusion criteria");
    }

    @Test
    void paragraphsIntroduceListsAndAListEndsWhereItsIndentationChanges() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                Inclusion Criteria:

                  • Age 18 to 50 years
                  • Diagnosis of MS

                Relapsing remitting MS (RRMS) as evidenced by one or more of the following:

                  • more or egal 1 clinically documented relapse in past 12 months
                  • more or egal 2 clinically documented relapses in last 24 months

                Primary progressive MS (PPMS) patients with all the following features:

                  • more or egal 1 GEL at MRI performed within the last 12 months
                  • Positive cerebrospinal fluid (CSF) (oligoclonal banding).

                    • EDSS (Expanded Disability Status Scale) 3.0 to 6.5
                    • Women of childbearing age with an effective contraception.

                Exclusion Criteria:

                  • Relapse inferior or egal to 60 days
                """);
        assertThat(texts(split.inclusion())).containsExactly("Age 18 to 50 years", "Diagnosis of MS",
                "Relapsing remitting MS (RRMS) as evidenced by one or more of the following:",
                "Primary progressive MS (PPMS) patients with all the following features:",
                "EDSS (Expanded Disability Status Scale) 3.0 to 6.5",
                "Women of childbearing age with an effective contraception.");
        assertThat(split.inclusion().get(2).combinator()).isEqualTo(Combinator.ANY);
        assertThat(split.inclusion().get(2).children()).hasSize(2);
        assertThat(split.inclusion().get(3).combinator()).isEqualTo(Combinator.ALL);
        assertThat(texts(split.inclusion().get(3).children())).containsExactly(
                "more or egal 1 GEL at MRI performed within the last 12 months",
                "Positive cerebrospinal fluid (CSF) (oligoclonal banding).");
        assertThat(split.exclusion()).hasSize(1);
    }

    @Test
    void subBulletsUnderAPlainBulletStayItsChildren() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                Key Inclusion Criteria:

                * Previously treated patient with NSCLC

                  * Phase 1: No test for mutational status is required
                  * Phase 2: Documented EGFR exon 20 insertion mutations
                * Prior treatment status:

                  * Phase 1: Patient with refractory NSCLC
                * Patient has measurable NSCLC disease
                """);
        assertThat(split.inclusion()).hasSize(3);
        assertThat(split.inclusion().get(0).children()).hasSize(2);
        assertThat(split.inclusion().get(1).children()).hasSize(1);
    }

    @Test
    void indentedParagraphContinuesTheItemAbove() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                Inclusion Criteria:

                7. Bone marrow function:

                   Hemoglobin ≥9 g/dL Platelet count ≥100 × 10\\^9/L
                8. Liver function
                """);
        assertThat(texts(split.inclusion())).containsExactly(
                "Bone marrow function: Hemoglobin ≥9 g/dL Platelet count ≥100 × 10^9/L", "Liver function");
    }

    @Test
    void plainLinesAreOneCriterionEachAndTextWithoutHeadingsIsInclusion() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                At least 2 year history of episodic cluster headache
                At least 2 previous episodes
                """);
        assertThat(split.headingsFound()).isFalse();
        assertThat(texts(split.inclusion())).containsExactly("At least 2 year history of episodic cluster headache",
                "At least 2 previous episodes");
        assertThat(split.exclusion()).isEmpty();
    }

    @Test
    void legacyXmlIndentedDashesWithWrappedLines() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                        Inclusion Criteria:

                          -  Dry eye symptoms for more than
                             three months

                        Exclusion Criteria:

                          -  Severe illness
                          -  Smoking
                """);
        assertThat(texts(split.inclusion())).containsExactly("Dry eye symptoms for more than three months");
        assertThat(texts(split.exclusion())).containsExactly("Severe illness", "Smoking");
    }

    @Test
    void lettersHAndIAreSiblingsNotARomanSubList() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                Exclusion Criteria:
                1. Any of the following:
                g. seven
                h. eight
                i. nine
                j. ten
                """);
        assertThat(split.exclusion().get(0).children()).extracting(Criterion::text)
                .containsExactly("seven", "eight", "nine", "ten");
    }

    @Test
    void headingsInBracketsOrEmphasisAndALonePreamble() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                [Inclusion Criteria]

                A participant will be eligible for entry into the study if all of the following criteria are met:

                1. Has a primary diagnosis of schizophrenia.
                2. Is on a stable dose of antipsychotic medication(s).

                **Exclusion Criteria:**

                  -  Pregnancy
                """);
        assertThat(split.headingsFound()).isTrue();
        assertThat(texts(split.inclusion())).containsExactly("Has a primary diagnosis of schizophrenia.",
                "Is on a stable dose of antipsychotic medication(s).");
        assertThat(split.inclusion().get(1).id()).isEqualTo("I2");
        assertThat(texts(split.exclusion())).containsExactly("Pregnancy");
    }

    @Test
    void inlineLetteredExceptionsAreSplit() {
        CriteriaSplitter.Split split = CriteriaSplitter.split("""
                Exclusion Criteria:

                27. Toxicity of prior therapy not recovered, with the following exceptions: a. alopecia; b. hyperpigmentation; c. long-term toxicity due to radiotherapy.
                """);
        Criterion toxicity = split.exclusion().get(0);
        assertThat(toxicity.text()).endsWith("exceptions:");
        assertThat(texts(toxicity.children())).containsExactly("alopecia;", "hyperpigmentation;",
                "long-term toxicity due to radiotherapy.");
    }
}
