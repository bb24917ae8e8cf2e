package org.stroma.fhir.entered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.AskedFacts;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.eligibility.Screening;
import org.stroma.trial.eligibility.ScreeningResult;
import org.stroma.trial.eligibility.Verdict;
import org.stroma.trial.eligibility.compile.CompiledEligibility;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.refusal.InvalidInputException;

/** A MESAMI2 patient typed on the form, screened as an uploaded one is; what cannot be is refused by its field. */
class TypedPatientsTest {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static CompiledEligibility mesami2;
    private static TypedPatients typing;

    @BeforeAll
    static void compile() throws IOException {
        try (InputStream in = TypedPatientsTest.class.getResourceAsStream("/fixtures/seeds/000_b4a57771c457638a.txt")) {
            mesami2 = new CriteriaCompiler(DICTIONARY).compile(new RegistryImporter().read(in.readAllBytes()).get(0)
                    .protocol());
        }
        typing = new TypedPatients(DICTIONARY, AskedFacts.of(mesami2, DICTIONARY), TODAY);
    }

    /** A candidate as a coordinator types them: everything the data rules read, but the VO2 max. */
    private static Map<String, TypedPatient.Answer> candidate() {
        Map<String, TypedPatient.Answer> a = new HashMap<>();
        a.put("measurement-lvef", new TypedPatient.Answer("35", "2026-05-04", null));
        a.put("class-nyha", new TypedPatient.Answer("III", "2026-05-04", null));
        a.put("condition-ischemic_cardiomyopathy", new TypedPatient.Answer("yes", "2023-02-11", null));
        a.put("measurement-wall_thickness", new TypedPatient.Answer("11", "2026-05-04", null));
        for (String no : AskedFacts.of(mesami2, DICTIONARY).facts().stream().filter(f -> !f.hasValue())
                .map(f -> f.key()).filter(k -> !a.containsKey(k)).toList()) {
            a.put(no, new TypedPatient.Answer("no", null, null));
        }
        return a;
    }

    private static ScreeningResult screen(PatientRecord p) {
        return new Screening(DICTIONARY, mesami2).screen(p, TODAY);
    }

    @Test
    void anAllergyIsAskedAsAFactAndAYesExcludes() {
        Map<String, TypedPatient.Answer> answers = candidate();
        ScreeningResult no = screen(typing.record("S1", new TypedPatient(null, "60", "male", answers)));
        assertThat(no.criterion("E27").verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(no.criterion("E27").reason()).contains("as the coordinator answered");
        answers.remove("allergy-xylocain");
        assertThat(screen(typing.record("S1", new TypedPatient(null, "60", "male", answers))).criterion("E27")
                .verdict()).isEqualTo(Verdict.UNKNOWN);
        answers.put("allergy-xylocain", new TypedPatient.Answer("yes", null, null));
        PatientRecord allergic = typing.record("S1", new TypedPatient(null, "60", "male", answers));
        assertThat(allergic.allergies()).singleElement().satisfies(a -> assertThat(a.substance()).isEqualTo("xylocain"));
        ScreeningResult yes = screen(allergic);
        assertThat(yes.criterion("E27").verdict()).isEqualTo(Verdict.MET);
        assertThat(yes.verdict()).isEqualTo(PatientVerdict.INELIGIBLE);
    }

    @Test
    void aTypedPatientIsScreenedAndWhatWasLeftBlankStaysOpen() {
        PatientRecord p = typing.record("S1", new TypedPatient(null, "60", "male", candidate()));
        assertThat(p.birthDate()).isEqualTo(TODAY.minusYears(60));
        assertThat(p.sex()).isEqualTo(AdministrativeSex.MALE);
        ScreeningResult r = screen(p);
        assertThat(r.criterion("I4").verdict()).isEqualTo(Verdict.MET);
        assertThat(r.criterion("I2").verdict()).isEqualTo(Verdict.MET);
        assertThat(r.criterion("E15").verdict()).as("atrial fibrillation: typed no").isEqualTo(Verdict.NOT_MET);
        assertThat(r.criterion("E15").reason()).contains("as the coordinator answered");
        CriterionResult vo2 = r.criterion("I6");
        assertThat(vo2.verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.open()).contains("I6");
        assertThat(r.verdict()).isEqualTo(PatientVerdict.INCOMPLETE);

        // the VO2 max added later decides it, on the same record
        PatientRecord more = new TypedPatients(DICTIONARY, AskedFacts.of(mesami2, java.util.List.of("I6"),
                DICTIONARY), TODAY).added(p, new TypedPatient(null, null, null, Map.of("measurement-vo2max",
                new TypedPatient.Answer("14", "2026-05-20", null))));
        assertThat(screen(more).criterion("I6").verdict()).isEqualTo(Verdict.MET);
        assertThat(more.observations()).hasSize(p.observations().size() + 1);
        assertThat(more.silence()).isEqualTo(p.silence());
    }

    @Test
    void aBlankConditionIsUnknownWhereANoWouldDecide() {
        Map<String, TypedPatient.Answer> answers = candidate();
        answers.remove("condition-atrial_fibrillation");
        ScreeningResult r = screen(typing.record("S1", new TypedPatient("1966-05-20", null, "male", answers)));
        assertThat(r.criterion("E15").verdict()).isEqualTo(Verdict.UNKNOWN);
        assertThat(r.criterion("E15").reason()).contains("not answered");
    }

    @Test
    void aDrugTypedYesIsFoundByItsClassAndAPlannedProcedureByItsDate() {
        Map<String, TypedPatient.Answer> answers = candidate();
        answers.put("medication-immunosuppressant", new TypedPatient.Answer("yes", "2026-01-10", null));
        answers.put("planned-procedure-revascularization", new TypedPatient.Answer("yes", "2026-06-15", null));
        ScreeningResult r = screen(typing.record("S1", new TypedPatient("1966-05-20", null, "male", answers)));
        assertThat(r.criterion("E21").verdict()).isEqualTo(Verdict.MET);
        assertThat(r.criterion("E4").verdict()).isEqualTo(Verdict.MET);
        assertThat(r.verdict()).isEqualTo(PatientVerdict.INELIGIBLE);
    }

    @Test
    void anImplausibleValueIsRefusedNamingItsField() {
        Map<String, TypedPatient.Answer> answers = candidate();
        answers.put("measurement-lvef", new TypedPatient.Answer("450", "2026-05-04", null));
        assertThatThrownBy(() -> typing.record("S1", new TypedPatient(null, null, null, answers)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("fact.measurement-lvef");
                    assertThat(e.getMessage()).contains("left ventricular ejection fraction", "450 %", "5 to 90 %");
                });
    }

    @Test
    void aMalformedOrFutureDateAndAMissingDateTheRulesNeedAreRefusedNamingTheirFields() {
        Map<String, TypedPatient.Answer> answers = candidate();
        answers.put("measurement-lvef", new TypedPatient.Answer("35", "04/05/2026", null));
        assertThatThrownBy(() -> typing.record("S1", new TypedPatient(null, null, null, answers)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("date.measurement-lvef");
                    assertThat(e.getMessage()).contains("'04/05/2026' is not a date");
                });
        answers.put("measurement-lvef", new TypedPatient.Answer("35", "2026-06-02", null));
        assertThatThrownBy(() -> typing.record("S1", new TypedPatient(null, null, null, answers)))
                .hasMessageContaining("in the future");
        answers.put("measurement-lvef", new TypedPatient.Answer("35", "2026-05-04", null));
        answers.put("condition-myocardial_infarction", new TypedPatient.Answer("yes", null, null));
        assertThatThrownBy(() -> typing.record("S1", new TypedPatient(null, null, null, answers)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("date.condition-myocardial_infarction");
                    assertThat(e.getMessage()).contains("the date is needed", "E2");
                });
        assertThatThrownBy(() -> typing.record("S1", new TypedPatient("1966-13-01", null, null, Map.of())))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                        .isEqualTo("birthDate"));
        assertThatThrownBy(() -> typing.record("S1", new TypedPatient("1966-05-20", "30", null, Map.of())))
                .hasMessageContaining("does not agree with the birth date");
    }

    @Test
    void aDateWithoutItsAnswerIsRefusedRatherThanLost() {
        assertThatThrownBy(() -> typing.record("S1", new TypedPatient(null, null, null, Map.of(
                "condition-myocardial_infarction", new TypedPatient.Answer("", "2026-05-01", null)))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field())
                        .isEqualTo("date.condition-myocardial_infarction"));
    }
}
