package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * Criteria whose words name a concept that is not the patient's own record of it: a relative's illness, a drug other
 * drugs act on, the operation the trial itself will perform, a measurement taken after a drug, the criteria of one
 * group of the trial under its label. Each of these had compiled to a rule on the patient's records that says
 * something else; each is now asked. And the ages criteria write in more ways than registries do are read.
 */
class CriteriaAboutSomethingElseTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    private static String rule(String kind, String text) {
        return COMPILER.compile(new Criterion("X1", kind.equals("I") ? CriterionKind.INCLUSION
                : CriterionKind.EXCLUSION, text, null, List.of())).rule().ruleText();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "E|A family history of congenital or hereditary immunodeficiency.",
            "E|With a history of mental illness and/or family history of mental illness",
            "E|A first degree relative who had a heart condition before the age of 50",
            "E|Use of medications that alter the absorption or metabolism of levothyroxine",
            "E|Dilantin and oral contraceptive usage due to potential drug interaction with glitazones",
            "I|Patients undergoing elective laparoscopic cholecystectomy",
            "I|Elective open abdominal hysterectomy with midline incision",
            "I|Any patients that will be submitted to phacoemulsification surgery",
            "I|Subjects with a measured post-albuterol/salbutamol FEV1 >=50 and <=70% of predicted",
            "I|The subject's treating physician has determined that they should receive either tobramycin or colistin",
            "E|HYPERTENSIVE: known cardiovascular disease or risk factors aside from hypertension",
            "I|MDD Cohort: Meet DSM-5 criteria for Major Depressive Disorder",
            // a value from before the illness, a wish, and an inclusion naming a procedure without saying when (as
            // likely the trial's own operation as one the patient had)
            "I|Premorbid IQ of over 70",
            // a time counted from another event than the screening, a count over several periods, enrolment elsewhere,
            // and a vaccine named without a time (given on a day, never "now")
            "E|Guillain-Barré syndrome within eight weeks of a previous influenza vaccine",
            "E|History of steroid or immunosuppressive drug use within 6 months of surgery",
            "E|Patients who have had influenza vaccine in two of the three previous years",
            "E|the child is enrolled in an ongoing study of Bacillus Calmette Guerin vaccine",
            "I|the last attenuated live vaccine intervals = 28 days",
            "E|Any vaccination 2 weeks prior start of the study",
            "I|Previous myocardial infarction =6 months prior to screening",
            "E|wish for pregnancy within next three months",
            "I|primary total knee replacement surgery",
            "I|Mechanical ventilation",
            // audit 30: what some patients must meet requires nothing of the others (and not their condition), and a
            // finding named before the images it is seen on is no diagnosis on record
            "I|7. Patients with idiopathic sensory neuropathy must have had pain of at least 3 months' duration",
            "I|Patients with diabetes must have HbA1c < 8%",
            "E|History of interstitial lung disease (ILD) e.g., interstitial pneumonitis, pulmonary fibrosis or evidence"
                    + " of ILD on baseline chest computer tomography.",
            // audit 31: a condition defined by a score on a scale no reader knows
            "E|Severe cognitive impairment (defined as score = 5 on the Short Portable Mental Status Questionnaire)"})
    void isAsked(String kind, String text) {
        // no rule on the patient's records: only the question (whose words may name anything)
        assertThat(rule(kind, text).replaceAll("\"[^\"]*\"", "")).doesNotContain("condition ", "procedure ",
                "medication ", "measure ");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "I|ECOG PS: 0,1|measure ecog 0..1 {score} within 12 months",
            "E|History of cholecystectomy|procedure cholecystectomy ever",
            "I|History of cholecystectomy|procedure cholecystectomy ever",
            // vaccines, from a record's immunizations
            "E|Patients in recent receipt of live vaccinations within 4 weeks prior to enrolment|all(medication"
                    + " live_vaccine within 4 weeks, attest \"Patients in recent receipt of live vaccinations within 4 weeks"
                    + " prior to enrolment\")",
            "E|have received influenza vaccination within the past 6 months|medication influenza_vaccine within 6 months",
            "E|History of hypersensitivity to vaccines.|allergy vaccine",
            // a time from the date of consent is a time before the screening; a lost sign before a time is no window
            "I|Onset of MS symptoms within 10 years of the date the ICF is signed|all(condition ms within 10 years,"
                    + " attest \"Onset of MS symptoms within 10 years of the date the ICF is signed\")",
            // a history lent along a list is not lent to a threshold, which is today's value
            "E|History of taking coumadin, or platelet count < 150,000/mm3|any(medication named \"coumadin\" ever,"
                    + " measure platelets < 150000 /mm3 within 12 months)",
            "E|Blood transfusion within 4 weeks prior to Screening|procedure blood_transfusion within 4 weeks",
            // how many drugs of a class, which one record of use does not show
            "E|Hypertension despite the use of 3 or more anti-hypertensive drugs|all(condition hypertension now, medication"
                    + " antihypertensive now, attest \"the use of ≥ 3 anti-hypertensive drugs\")",
            // examples listed in one parenthesis are alternatives whatever their kinds, never all required together
            "E|Abnormal ECG (including QTc > 450 msec, or permanent pacemaker)|any(measure qtc > 450 msec within 12"
                    + " months, condition cardiac_pacemaker now)"})
    void isReadAsItsOwnWordsSay(String kind, String text, String expected) {
        assertThat(rule(kind, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "I|Age >18|age > 18",
            "I|Patients must be at least 18 years of age.|age >= 18",
            "I|18 years old or older|age >= 18",
            "I|Age : 18-65|age 18..65",
            "I|Women between 40 to 70 years of age.|all(sex female, age 40..70)",
            "I|Adult (age 18 years and older)|age >= 18",
            "I|Patients must be over 65 years old.|age > 65",
            "I|between 18-80 years old|age 18..80",
            "I|Age 18 or older|age >= 18",
            "I|Age: >=40 and <=80 years of age at Screening (Visit 1).|age 40..80",
            "I|Age 18 to 55 years old (inclusive) as of the date the ICF is signed|age 18..55",
            "E|Children (<18 years old).|age < 18",
            "E|Patients under the age of 18 years|age < 18"})
    void anAgeIsReadAsWritten(String kind, String text, String expected) {
        assertThat(rule(kind, text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // a lost sign is not guessed, an age heading a list is the investigator's, and so is "years" that is no
            // age (a life expectancy, a donor's) or an age at another time
            "Age =18 years",
            "For patients >= 40 years of age: any one of the following:",
            "Life expectancy less than 2 years",
            "Patient has received a liver transplant from a donor > 70 years of age",
            "Age < 18 years at time of stroke"})
    void anAgeWithMoreOrLessSaidIsNotGuessed(String text) {
        assertThat(rule("I", text).replaceAll("\"[^\"]*\"", "")).doesNotContain("age ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // what is said beside an age is read on its own, and both must hold
            "Healthy adults 18-45 years of age|all(age 18..45, attest \"Healthy\")",
            "Male and female subjects must be 18 years of age or older and ambulatory.|all(age >= 18, attest"
                    + " \"ambulatory\")",
            // and the sex named first is the criterion's too
            "Women aged 18-45 who are not pregnant|all(sex female, all(age 18..45, not(condition pregnancy now)))"})
    void anAgeAndWhatElseIsSaid(String text, String expected) {
        assertThat(rule("I", text)).isEqualTo(expected);
    }
}
