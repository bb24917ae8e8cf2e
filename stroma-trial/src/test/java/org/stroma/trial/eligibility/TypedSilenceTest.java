package org.stroma.trial.eligibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.trial.PatientBuilder.patient;
import static org.stroma.trial.TrialFixtures.SCREENED;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stroma.trial.PatientBuilder;
import org.stroma.trial.TrialFixtures;
import org.stroma.trial.eligibility.rule.RuleParser;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.Silence;
import org.stroma.trial.patient.Silence.Denial;
import org.stroma.trial.patient.Silence.Kind;

/**
 * A typed record says only what the coordinator answered: what it leaves out is unknown, and a "no" they gave is
 * not met — where a record system's export, which leaves out what is not there, is not met either way.
 */
class TypedSilenceTest {

    private static Verdict verdict(String rule, PatientRecord patient) {
        return new RuleEvaluator(TrialFixtures.DICTIONARY, SCREENED, PatientFacts.of(patient, TrialFixtures.DICTIONARY),
                "X1", id -> Finding.unknown("no criterion " + id)).evaluate(RuleParser.parse(rule)).verdict();
    }

    private static PatientRecord typed(PatientBuilder p, Denial... denied) {
        PatientRecord r = p.build();
        return new PatientRecord(r.id(), r.birthDate(), r.sex(), r.observations(), r.conditions(), r.procedures(),
                r.medications(), r.attestations(), Silence.typed(Set.of(denied)));
    }

    @Test
    void aConditionLeftBlankIsUnknownOnATypedRecordAndAbsentOnAnExport() {
        assertThat(verdict("condition atrial_fibrillation now", typed(patient("p")))).isEqualTo(Verdict.UNKNOWN);
        assertThat(verdict("condition atrial_fibrillation now", patient("p").build())).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aConditionTheCoordinatorSaidNoToIsNotMetAndSoIsEveryKindOfIt() {
        PatientRecord p = typed(patient("p"), new Denial(Kind.CONDITION, "ischemic_heart_disease"));
        assertThat(verdict("condition ischemic_heart_disease now", p)).isEqualTo(Verdict.NOT_MET);
        // a myocardial infarction is an ischaemic heart disease: "no" to the broader is "no" to it
        assertThat(verdict("condition myocardial_infarction within 3 months", p)).isEqualTo(Verdict.NOT_MET);
        // the other way round a "no" says nothing: a patient without an infarction may have another heart disease
        PatientRecord narrower = typed(patient("p"), new Denial(Kind.CONDITION, "myocardial_infarction"));
        assertThat(verdict("condition ischemic_heart_disease now", narrower)).isEqualTo(Verdict.UNKNOWN);
    }

    @Test
    void aConditionTypedYesIsMetAsOnAnyRecord() {
        assertThat(verdict("condition atrial_fibrillation now", typed(patient("p").has("atrial_fibrillation",
                SCREENED.minusYears(1))))).isEqualTo(Verdict.MET);
    }

    @Test
    void aProcedureDoneIsNotAProcedurePlanned() {
        PatientRecord p = typed(patient("p"), new Denial(Kind.PROCEDURE, "revascularization"));
        assertThat(verdict("procedure revascularization within 3 months", p)).isEqualTo(Verdict.NOT_MET);
        assertThat(verdict("procedure revascularization next 30 days", p)).isEqualTo(Verdict.UNKNOWN);
        // a date typed outside the window answers the question
        PatientRecord longAgo = typed(patient("p").underwent("revascularization", SCREENED.minusYears(2)));
        assertThat(verdict("procedure revascularization within 3 months", longAgo)).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aDrugRuleIsNotMetOnlyWhenEveryClassAndEveryNamedDrugIsAnswered() {
        String rule = "medication immunosuppressant named \"ciclosporin\",\"colchicine\" now";
        PatientRecord classOnly = typed(patient("p"), new Denial(Kind.MEDICATION, "immunosuppressant"));
        // ciclosporin is an immunosuppressant; colchicine is not, and nobody said no to it
        assertThat(verdict(rule, classOnly)).isEqualTo(Verdict.UNKNOWN);
        PatientRecord both = typed(patient("p"), new Denial(Kind.MEDICATION, "immunosuppressant"),
                new Denial(Kind.DRUG_NAME, "colchicine"));
        assertThat(verdict(rule, both)).isEqualTo(Verdict.NOT_MET);
        // a class typed with the dates it was taken answers for it: stopped a year ago is not "now"
        PatientRecord stopped = typed(patient("p").took("immunosuppressant", SCREENED.minusYears(2),
                SCREENED.minusYears(1)), new Denial(Kind.DRUG_NAME, "colchicine"));
        assertThat(verdict(rule, stopped)).isEqualTo(Verdict.NOT_MET);
    }

    @Test
    void aCountOfEventsATypedRecordCannotHoldStaysUnknown() {
        PatientRecord one = typed(patient("p").has("ms_relapse", SCREENED.minusMonths(2)));
        assertThat(verdict("count ms_relapse >= 2 within 24 months", one)).isEqualTo(Verdict.UNKNOWN);
        PatientRecord none = typed(patient("p"), new Denial(Kind.CONDITION, "ms_relapse"));
        assertThat(verdict("count ms_relapse >= 2 within 24 months", none)).isEqualTo(Verdict.NOT_MET);
    }
}
