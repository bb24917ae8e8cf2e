package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.compile.CompiledCriterion.Reading;

/** Every compiled rule says how it was read, and what the reading supposed beyond the words. */
class HowItWasReadTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    private static CompiledCriterion compiled(String text) {
        return COMPILER.compile(new Criterion("X1", CriterionKind.EXCLUSION, text, null, List.of()));
    }

    @Test
    void aRuleWithEveryNumberUnitAndTimeWrittenIsReadAsWritten() {
        CompiledCriterion c = compiled("LVEF ≤ 45% within the last 6 months");
        assertThat(c.reading()).isEqualTo(Reading.AS_WRITTEN);
        assertThat(c.assumptions()).isEmpty();
    }

    @Test
    void aDefaultTimeIsAnAssumption() {
        CompiledCriterion c = compiled("LVEF ≤ 45%");
        assertThat(c.reading()).isEqualTo(Reading.WITH_ASSUMPTIONS);
        assertThat(c.assumptions()).containsExactly(
                "left ventricular ejection fraction: no time given, counted within the last 12 months");
    }

    @Test
    void aUnitNotWrittenIsAnAssumption() {
        assertThat(compiled("Creatinine > 2 within the last 3 months").assumptions())
                .containsExactly("serum creatinine: no unit written, read in mg/dL");
    }

    @Test
    void signsALostEncodingTookAreAnAssumption() {
        assertThat(compiled("Body mass index =18 to =30 kg/m2 within the last 3 months").assumptions())
                .containsExactly("body mass index: an equals sign read as the ≤ or ≥ the text lost (the bounds of a"
                        + " range)");
    }

    @Test
    void hoursCountWholeDays() {
        assertThat(compiled("Myocardial infarction within 48 hours").assumptions())
                .containsExactly("a time in hours counts whole days, since records hold dates");
    }

    @Test
    void whatTheInvestigatorAnswersSupposesNothing() {
        CompiledCriterion consent = compiled("Unable to give informed consent");
        assertThat(consent.reading()).isEqualTo(Reading.ASKED);
        assertThat(consent.assumptions()).isEmpty();
        CompiledCriterion severe = compiled("Severe heart failure");
        assertThat(severe.reading()).isEqualTo(Reading.PARTLY_ASKED);
    }
}
