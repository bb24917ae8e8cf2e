package org.stroma.trial.eligibility.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.TrialFixtures;

/**
 * How the parts of a criterion combine, where a hand audit found wrong rules: "pregnant and lactating women" read as
 * both, "(but not basal cell skin carcinoma)" dropped, the examples of an "active" disorder read at any time, "(SBP <
 * 140 and DBP < 90)" read as alternatives, "strong opiates" as any opioid.
 */
class ClausePartsTest {
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(TrialFixtures.DICTIONARY);

    @Test
    void aNoteOfWhatShouldBeConsideredIsNoRequirement() {
        // the twelfth audit: a parenthesised recommendation had required lung disease, beside an empty any()
        String text = "Echocardiogram and/or pulmonary function tests (PFT) performed and reviewed by transplant center"
                + " (for individuals with an ejection fraction and diffusing capacity [DLCO] of 40-50%, the appropriate"
                + " cardiology or pulmonary consultations should be considered if the individual has severe heart or lung"
                + " disease at the initiation of therapy)";
        String rule = COMPILER.compile(new Criterion("I1", CriterionKind.INCLUSION, text, null, List.of())).rule()
                .ruleText();
        assertThat(rule).doesNotContain("any()", "lung_disease");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            // a list that excludes names alternatives, however it is joined
            "E|Diphtheria, tetanus, hepatitis B, and polio|any(attest \"Diphtheria\", attest \"tetanus\", condition"
                    + " hepatitis_b now, attest \"polio\")",
            // two conditions joined by "and" in an exclusion: the records decide where both readings agree
            "E|Pregnant and lactating women|any(all(condition pregnancy now, condition breastfeeding now),"
                    + " all(any(condition pregnancy now, condition breastfeeding now), attest \"does either alone exclude"
                    + " (the criterion joins them with 'and')?\"))",
            // in an inclusion both are required
            "I|Diabetes and hypertension|all(condition diabetes now, condition hypertension now)",
            // what a parenthesis spares is asked, never dropped
            "E|History of malignancy (but not basal cell skin carcinoma) within the past five years|all(condition"
                    + " malignancy within 5 years, attest \"not an exception: but not basal cell skin carcinoma\")",
            // examples are alternatives, and share the time and the exception
            "E|History of malignancy including leukemia and lymphoma (but not basal cell skin carcinoma) within the past"
                    + " five years|all(any(condition malignancy within 5 years, condition leukemia within 5 years,"
                    + " condition lymphoma within 5 years), attest \"not an exception: but not basal cell skin"
                    + " carcinoma\")",
            // the examples of a qualified disorder are asked the same question
            "E|Active bleeding disorder, such as intracranial hemorrhage|any(all(condition bleeding_disorder now, attest"
                    + " \"is it active bleeding disorder?\"), all(condition intracranial_hemorrhage ever, attest \"is it"
                    + " active bleeding disorder?\"))",
            // measurements each with its own limit, joined by "and", hold together
            "I|Controlled blood pressure (SBP < 140 mmHg and DBP < 90 mmHg)|all(measure systolic_bp < 140 mmHg within"
                    + " 12 months, measure diastolic_bp < 90 mmHg within 12 months)",
            "E|Diabetes, despite the use of metformin|all(condition diabetes now, medication metformin now)",
            // words after a name that narrow it, and before a drug
            "E|Participants with T2DM who have hypoglycemia unawareness|all(condition diabetes_type2 now, attest \"is it"
                    + " T2DM who have hypoglycemia unawareness?\")",
            // the kind is asked, and what the question of kind does not say ("preoperative") beside it
            "E|Preoperative use of strong opiates|all(medication opioid now, attest \"is it strong opiates?\", attest"
                    + " \"Preoperative use of strong opiates\")",
            "E|Chronic use of NSAIDs|all(medication nsaid now, attest \"is it Chronic use of NSAIDs?\")",
            "I|Patients who have not received systemic corticosteroids in the last 3 months|not(medication"
                    + " corticosteroid within 3 months)",
            // a need is the investigator's reading; a name inside a title is no condition
            "E|Requirement for renal support|attest \"Requirement for renal support\"",
            "E|End stage renal disease|condition end_stage_renal_disease now",
            // a qualifier of severity opening a list is said of each name in it
            "E|Significant neutropenia, thrombocytopenia, or anemia|any(all(condition neutropenia now, attest \"is it"
                    + " significant neutropenia?\"), all(condition thrombocytopenia now, attest \"is it significant"
                    + " thrombocytopenia?\"), all(condition anemia now, attest \"is it significant anemia?\"))",
            // the first example's qualifier is its own
            "E|Respiratory disorders including active tuberculosis, lung cancer|any(condition respiratory_disease now,"
                    + " all(condition tuberculosis now, attest \"is it active tuberculosis?\"), condition lung_cancer now)",
            // a degree said after the name, and a qualifier opening the list after "history or presence of"
            "E|Mitral regurgitation moderate or greater|all(condition mitral_regurgitation now, attest \"is it mitral"
                    + " regurgitation moderate?\")",
            "E|History or presence of significant cardiovascular or psychiatric disease|any(attest \"presence of"
                    + " significant cardiovascular\", all(condition psychiatric_disorder ever, attest \"is it significant"
                    + " psychiatric disease?\"))",
            // words before "of" that the first name is asked with are asked of every name of the list
            "I|Treatment with stable doses of ACE inhibitors or ARBs|any(all(medication ace_inhibitor now, attest"
                    + " \"Treatment with stable doses of ACE inhibitors\"), all(medication arb now, attest \"is it"
                    + " Treatment with stable doses of ARBs?\"))",
            // an age is no window (it is the age beside the condition); a number said twice is one
            "E|Pregnant women less than 60 years old|all(age < 60, condition pregnancy now)",
            "E|Tuberculosis in the past three (3) years|condition tuberculosis within 3 years",
            "E|Gestational age < 37 weeks|measure gestational_age < 37 weeks within 12 months",
            "I|Chronic heart failure present for at least 12 months|all(condition heart_failure now, duration"
                    + " heart_failure >= 12 months, attest \"is it chronic heart failure?\")",
            "E|Osteoarthritis of the glenohumeral joint|all(condition osteoarthritis now, attest \"is it Osteoarthritis"
                    + " of the glenohumeral joint?\")",
            "I|WHO Group 2 pulmonary hypertension|all(condition pulmonary_hypertension now, attest \"is it group 2 pulmonary"
                    + " hypertension?\")",
            "E|Stable CAD who requires CABG|attest \"Stable CAD who requires CABG\"",
            "E|Pregnancy and breast feeding|any(all(condition pregnancy now, condition breastfeeding now),"
                    + " all(any(condition pregnancy now, condition breastfeeding now), attest \"does either alone exclude"
                    + " (the criterion joins them with 'and')?\"))",
            "E|Active cancer or tumor of any kind (with the exception of non-melanoma skin cancer)|all(any(all(condition"
                    + " malignancy now, attest \"is it active malignancy?\"), attest \"tumor of any kind (with the exception"
                    + " of non-melanoma skin cancer)\"), attest \"not an exception: with the exception of non-melanoma"
                    + " skin cancer\")",
            "E|Use of anabolic steroids|attest \"Use of anabolic steroids\"",
            "E|MMSE 24 or more|measure mmse >= 24 {score} within 12 months",
            // words no reading accounts for are asked beside the rule; names that are only examples are alternatives
            "I|Have a good clinical response to TB|all(condition tuberculosis now, attest \"Have a good clinical response"
                    + " to TB\")",
            "E|Cardiovascular symptoms (angina, limiting dyspnoea)|any(condition angina now, attest \"Cardiovascular"
                    + " symptoms (angina, limiting dyspnoea)\")",
            "E|Known history of diabetes mellitus|condition diabetes ever",
            // a change is no value; a condition a drug was given for is not required
            "E|Weight-loss of >5kg in the preceding 6 months|attest \"Weight-loss of >5kg in the preceding 6 months\"",
            "E|Biological therapy (omalizumab, mepolizumab) for asthma|attest \"Biological therapy (omalizumab,"
                    + " mepolizumab) for asthma\"",
            // the time of a list, and of its history
            "E|History of deep vein thrombosis or prostate cancer|any(condition deep_vein_thrombosis ever, condition"
                    + " prostate_cancer ever)",
            "E|History of alcohol abuse or other substance abuse within the last year|condition substance_abuse within"
                    + " 1 year",
            "E|Patient in sepsis|condition sepsis now",
            // from a twelfth audit: a qualifier on a fragment that shares the last name's noun qualifies that name
            "E|Decompensated cardiac, liver or kidney failure|any(attest \"Decompensated cardiac\", attest \"liver\","
                    + " all(condition renal_failure now, attest \"is it decompensated kidney failure?\"))",
            // a name listed among causes is asked whether it caused what the criterion names
            "E|AF secondary to electrolyte imbalance, thyroid disease, or reversible or non-cardiac cause.|any(attest"
                    + " \"AF secondary to electrolyte imbalance\", all(condition thyroid_disease now, attest \"did the"
                    + " thyroid disease cause what the criterion names?\"), attest \"reversible\", attest \"non-cardiac"
                    + " cause\")",
            // how long a drug was taken is not in records of its use; a limit for one population is asked
            "E|Received steroids > 1 month over the past year|all(medication corticosteroid within 1 year, attest"
                    + " \"Received steroids > 1 month over the past year\")",
            "I|Body mass index > 30 kg/m2 or > 27.5 kg/m2 (South Asian)|all(any(measure bmi > 30 kg/m2 within 12 months,"
                    + " measure bmi > 27.5 kg/m2 within 12 months), attest \"Body mass index > 30 kg/m2 or > 27.5 kg/m2"
                    + " (South Asian)\")",
            // a central venous saturation is not the arterial or pulse-oximetry one
            "E|Central venous oxygen saturation (ScvO2) < 60%|attest \"Central venous oxygen saturation (ScvO2) < 60%\"",
            "E|Major psychiatric illness within the past 12 months|all(condition psychiatric_disorder within 12 months,"
                    + " attest \"is it major psychiatric disorder?\")",
            // a list's shared limit stops at the next name that is not listed with it
            "I|AST and ALT <= 2.5 x ULN and creatinine <= 1.5 mg/dL|all(measure ast <= 2.5 x uln within 12 months,"
                    + " measure alt <= 2.5 x uln within 12 months, measure creatinine <= 1.5 mg/dL within 12 months)",
            // a condition defined by measurements and by more: another way it is met is asked beside them; more about
            // the measurements is asked with them
            "E|Hypertension (treated or BP > 140/90)|any(attest \"Hypertension (treated or (systolic blood pressure >"
                    + " 140 mmHg or diastolic blood pressure > 90 mmHg))\", measure systolic_bp > 140 mmHg within 12"
                    + " months, measure diastolic_bp > 90 mmHg within 12 months)",
            "E|Hypertension (SBP > 160 mmHg or DBP > 100 mmHg on 2 occasions)|all(any(measure systolic_bp > 160 mmHg within"
                    + " 12 months, measure diastolic_bp > 100 mmHg within 12 months), attest \"Hypertension (SBP > 160 mmHg"
                    + " or DBP > 100 mmHg on 2 occasions)\")",
            // names in a parenthesis with their abbreviations are one list and share its limit
            "E|Abnormal liver enzymes (Aspartate transaminase (AST), Alanine transaminase (ALT), or alkaline phosphatase"
                    + " > 2.5 times the upper limit of normal)|any(measure ast > 2.5 x uln within 12 months, measure alt"
                    + " > 2.5 x uln within 12 months, measure alkaline_phosphatase > 2.5 x uln within 12 months)",
            // items after semicolons each exclude, and are each required in an inclusion
            "E|Coronary heart disease; atrial fibrillation|any(condition ischemic_heart_disease now, condition"
                    + " atrial_fibrillation now)",
            "I|Diabetes; HbA1c > 7%|all(condition diabetes now, measure hba1c > 7 % within 12 months)",
            // conditions written with a slash are alternatives
            "E|HIV/AIDS|any(condition hiv now, condition aids now)",
            // from a seventh audit: another limit for some patients written before its number, "twice", a permission,
            // "in recent 1 year", two conditions joined by "and" in a list of alternatives, courses counted,
            // "primary", a shock that is the present one
            "I|Total bilirubin ≤ 1.5 x ULN (patients with Gilbert's syndrome total bilirubin ≤ 2.5 x ULN)|any(measure"
                    + " bilirubin <= 1.5 x uln within 12 months, attest \"is the patient one the other limit is for, and"
                    + " within it: patients with Gilbert's syndrome ≤ 2.5 ×ULN?\")",
            "I|Bilirubin < 2.0 mg/dL (if Gilberts then < 2.5 mg/dL)|any(measure bilirubin < 2 mg/dL within 12 months,"
                    + " attest \"is the patient one the other limit is for, and within it: if Gilberts then < 2.5 mg/dL?\")",
            // a time after a semicolon is not lent across it to a part that says more than a name; a list of names
            // separated by semicolons shares it
            "E|Received heart transplantation or pacemaker implantation; revascularization within 3 months|any(condition"
                    + " heart_transplant ever, all(condition cardiac_pacemaker ever, attest \"pacemaker implantation\"),"
                    + " procedure revascularization within 3 months)",
            "E|Cyclosporine; Efavirenz; or rifampin use within 7 days|any(medication named \"cyclosporin\" within 7 days,"
                    + " medication named \"efavirenz\" within 7 days, medication named \"rifampin\" within 7 days)",
            // a creatinine clearance written "Ccr" defines the condition it follows
            "E|Severe Renal dysfunction (Ccr<30 ml/min)|measure creatinine_clearance < 30 ml/min within 12 months",
            "E|Serum creatinine more than twice the upper limit of normal|measure creatinine > 2 x uln within 12 months",
            "I|Patient may take a proton pump inhibitor|attest \"Patient may take a proton pump inhibitor\"",
            "E|Chemotherapy in recent 1 year|medication cytotoxic within 1 year",
            "E|Pregnant and lactating women, or women who plan to become pregnant|any(condition pregnancy now,"
                    + " condition breastfeeding now, attest \"women who plan to become pregnant\")",
            "E|Prior treatment with more than 2 chemotherapy regimens|all(medication cytotoxic ever, attest \"Prior"
                    + " treatment with > 2 chemotherapy regimens\")",
            "I|Primary pulmonary hypertension|all(condition pulmonary_hypertension now, attest \"is it primary pulmonary"
                    + " hypertension?\")",
            "E|Cardiogenic shock|condition cardiogenic_shock now",
            // from an eighth: "treated" narrows; a category in brackets after a condition is asked
            "I|Treated hypertension|all(condition hypertension now, attest \"is it treated hypertension?\")",
            // the Rutherford category is a measurement the dictionary knows: in brackets, it defines the condition
            "I|Critical limb ischemia (Rutherford category 4 or 5)|measure rutherford 4..5 {score} within 12 months",
            // from a ninth: the sex a criterion names first; examples no concept holds; examples that are causes
            "I|Males aged 18 years and above|all(sex male, age >= 18)",
            "E|Women who are breast-feeding|all(sex female, condition breastfeeding now)",
            "I|Women of childbearing age with an effective contraception|attest \"Women of childbearing age with an"
                    + " effective contraception\"",
            "E|Preexisting medical condition (thyroid disease, diabetes mellitus, cardiac condition)|any(condition"
                    + " thyroid_disease now, condition diabetes now, condition heart_disease now)",
            // the seizure or one of its causes must be on record; whether one caused it is asked
            "E|Seizure occurred by metabolic factors (hypoglycemia, hypocalcemia, electrolyte disorder)|all(any(condition"
                    + " seizure ever, condition hypoglycemia ever), attest \"Seizure occurred by metabolic factors"
                    + " (hypoglycemia, hypocalcemia, electrolyte disorder)\")",
            // from a tenth: a qualified kind of illness is asked, not dropped; a plan without its time is asked
            "E|Known active infection, or active malignancy|any(all(condition infection now, attest \"is it active"
                    + " infection?\"), all(condition malignancy now, attest \"is it active malignancy?\"))",
            "E|Planned cardiac surgery|attest \"Planned cardiac surgery\"",
            "E|Further revascularization planned for the next 30 days|procedure revascularization next 30 days",
            // the classes are the concept's own: the ASA physical status goes on to VI, NYHA stops at IV
            "E|ASA IV-V|class asa_class in IV,V within 12 months",
            "E|ASA class III or higher|class asa_class in III,IV,V,VI within 12 months",
            "E|ASA class ≥ III|class asa_class in III,IV,V,VI within 12 months",
            "E|more or equal to American Society of Anesthesiologist (ASA) class III|class asa_class in III,IV,V,VI"
                    + " within 12 months",
            "I|less than NYHA class III|class nyha in I,II within 12 months",
            "E|ASA physical status greater than or equal to III|class asa_class in III,IV,V,VI within 12 months",
            "I|NYHA class II or higher|class nyha in II,III,IV within 12 months",
            "E|NYHA class V|attest \"NYHA class V\"",
            // a ratio of FEV1 to another volume is no FEV1 (nor a forced vital capacity): the ratio, a fraction of 1
            "E|Forced expiratory volume in 1 second (FEV1)/(forced vital capacity)FVC ratio of <=0.70|measure fev1_fvc"
                    + " <= 70 % within 12 months",
            "E|left ventricular ejection fraction <0.40|measure lvef < 40 % within 12 months",
            // a fraction read as a per cent only where a per cent that small cannot be
            "E|LVEF < 4%|attest \"LVEF < 4%\"",
            // grades and classes listed with a comma before the last ("0, 1, or 2"), and said with a time
            "I|ECOG performance status 0, 1, or 2 at time of enrollment|measure ecog 0..2 {score} within 12 months",
            "I|ECOG 0 or 1 at screening|measure ecog 0..1 {score} within 12 months",
            "I|ASA Physical Status Class 1, 2, or 3|class asa_class in I,II,III within 12 months",
            "I|NYHA class II, III, or IV|class nyha in II,III,IV within 12 months",
            // a list that goes on after a comma with no space: "…),or severe …" is another alternative
            "E|Cardiac disease (NYHA Class III/IV),or severe debilitating pulmonary fibrosis|any(all(condition"
                    + " heart_disease now, class nyha in III,IV within 12 months), all(condition pulmonary_fibrosis now,"
                    + " attest \"is it severe debilitating pulmonary fibrosis?\"))",
            // "ALT/AST > 3 × ULN" excludes on either; an inclusion's "ALT/AST ≤ 2.5 × ULN" asks both
            "E|ALT/AST > 3 x ULN|any(measure alt > 3 x uln within 12 months, measure ast > 3 x uln within 12 months)",
            "I|ALT/AST ≤ 2.5 x ULN|all(measure alt <= 2.5 x uln within 12 months, measure ast <= 2.5 x uln within 12"
                    + " months)",
            // a time no window or duration takes is asked, never dropped
            "I|Pregnant women between 34-42 weeks gestation|all(condition pregnancy now, attest \"Pregnant women 34 to"
                    + " 42 weeks gestation\")",
            "I|Diagnosis of T2DM before the age of 60 years of age|all(condition diabetes_type2 now, attest \"Diagnosis"
                    + " of T2DM before the age of 60 years of age\")",
            // units: a hormone's IU/L, cc/min, a GFR per 1,73 m*m, a neonate's weight in grams
            "I|FSH level above 25 IU/L|measure fsh > 25 IU/L within 12 months",
            "I|creatinine clearance >_60 cc/min|measure creatinine_clearance >= 60 cc/min within 12 months",
            "E|glomerular filtration rate <60 ml/min/1,73 m*m|measure egfr < 60 mL/min/1.73m2 within 12 months",
            "E|GFR<30ml•min-1•1.73m-2|measure egfr < 30 mL/min/1.73m2 within 12 months",
            "E|Weight < 800 g|measure body_weight < 800 g within 12 months",
            // an excluded BMI "< 18 and > 35" can only be outside the range; an inclusion so written is asked
            "E|BMI <18 and> 35 kg / m2|any(measure bmi < 18 kg/m2 within 12 months, measure bmi > 35 kg/m2 within 12"
                    + " months)",
            "I|BMI <35 and > 60 kg/m2|attest \"BMI <35 and > 60 kg/m2\"",
            // a judgement first, and a threshold after "and": the threshold is the record's
            "I|a very high cardiovascular risk and LDL-cholesterol> 1.8 mmol / l|all(attest \"a very high"
                    + " cardiovascular risk\", measure ldl_cholesterol > 1.8 mmol/l within 12 months)",
            "E|not a candidate for surgery and PCI|attest \"not a candidate for surgery and PCI\"",
            // whatever else an inclusion asking a negative pregnancy test asks, a patient pregnant now does not meet it
            "I|Women of child-bearing potential must have a negative pregnancy test|all(not(condition pregnancy now),"
                    + " attest \"Women of child-bearing potential must have a negative pregnancy test\")",
            "I|Women of child bearing potential must test negative on standard pregnancy test (urine or serum)|all(not("
                    + "condition pregnancy now), attest \"Women of child bearing potential must test negative on standard"
                    + " pregnancy test (urine or serum)\")",
            "I|Negative serum pregnancy test|not(condition pregnancy now)",
            // a second limit on both pressures is kept: "≥ 135/85 but < 170/105", "between 135/85 and 170/105"
            "I|a blood pressure ≥ 135/85 mm Hg but lower than 170/105 mm Hg|all(any(measure systolic_bp >= 135 mmHg"
                    + " within 12 months, measure diastolic_bp >= 85 mmHg within 12 months), measure systolic_bp < 170 mmHg"
                    + " within 12 months, measure diastolic_bp < 105 mmHg within 12 months)",
            "I|blood pressure between 135/85 and 170/105 mmHg|all(any(measure systolic_bp >= 135 mmHg within 12"
                    + " months, measure diastolic_bp >= 85 mmHg within 12 months), measure systolic_bp <= 170 mmHg within"
                    + " 12 months, measure diastolic_bp <= 105 mmHg within 12 months)",
            // the course of a condition that is not an event is asked, unless both are named; examples are no
            // exception, and an exception only the investigator can weigh against an asked name is asked
            "E|acute cholecystitis|all(condition cholecystitis now, attest \"is it acute cholecystitis?\")",
            "E|acute or chronic liver disease|condition liver_disease now",
            "E|Chronic HBV/HIV infection|any(all(condition hepatitis_b now, attest \"is it chronic HBV?\"), condition hiv"
                    + " now)",
            "E|Non diabetic nephropathy (confirmed by biopsy).|all(condition kidney_disease now, attest \"is it"
                    + " non-diabetic nephropathy?\")",
            "E|Diagnosis of a sleep disorder other than insomnia|all(attest \"Diagnosis of a sleep disorder\", attest"
                    + " \"not an exception: insomnia\")",
            "E|History of seizures (this criterion does not apply to a single febrile convulsion) or neurological"
                    + " disease.|all(any(condition seizure ever, condition neurological_disease ever), attest \"not an"
                    + " exception: this criterion does not apply to a single febrile convulsion\")",
            "I|non-small cell lung cancer|condition nsclc now",
            "I|small cell lung cancer|condition sclc now",
            // a time counted from another event, and a change in response to a test, are asked
            "I|HbA1c < 48 mmol/mol 3 months after RYGB|attest \"HbA1c < 48 mmol/mol 3 months after RYGB\"",
            "I|increase of > 10% in mean arterial pressure (MAP) after passive leg raising|attest \"increase of > 10%"
                    + " in mean arterial pressure (MAP) after passive leg raising\"",
            "I|serum ALT ≤ 2.5 x ULN (in case of liver metastases < 5 x ULN)|any(measure alt <= 2.5 x uln within 12"
                    + " months, attest \"is the patient one the other limit is for, and within it: in case of liver"
                    + " metastases < 5 ×ULN?\")",
            // audit 16: a drug named is that drug, not its class; drug abuse is not alcohol abuse; a syndrome named
            // after obesity is no obesity; a count whose comparison was lost is asked; "SBP < 80 mmHg / MAP < 50"
            "E|Prior use of levothyroxine|medication named \"levothyroxine\" ever",
            "E|Drug abuser.|condition drug_abuse now",
            "E|a history of alcohol/ drug abuse within the past 12 months|condition substance_abuse within 12 months",
            "E|obesity hypoventilation syndrome|attest \"obesity hypoventilation syndrome\"",
            "I|= 3 UTIs within the last 12 months or = 2 UTIs within the last 6 months;|attest \"= 3 UTIs within the last"
                    + " 12 months or = 2 UTIs within the last 6 months\"",
            "E|Systolic Blood Pressure < 80 mmHg / Mean arterial pressure < 50 mmHg|any(measure systolic_bp < 80 mmHg"
                    + " within 12 months, measure mean_arterial_pressure < 50 mmHg within 12 months)",
            // audit 17: "on maximal support" is said of every threshold before it; a planned condition is asked
            "E|Systolic Blood Pressure < 80 mmHg / Mean arterial pressure < 50 mmHg on maximal support|any(all(measure"
                    + " systolic_bp < 80 mmHg within 12 months, attest \"Systolic Blood Pressure < 80 mmHg\"), all(measure"
                    + " mean_arterial_pressure < 50 mmHg within 12 months, attest \"Mean arterial pressure < 50 mmHg on"
                    + " maximal support\"))",
            "E|Planned kidney transplant in the next 4 months|attest \"Planned kidney transplant in the next 4 months\"",
            // surgery, an open class: any surgery on record within the time, and what kind is asked, how big or where
            // it was; one named by its place only when the words put it in the past or a time (else it may be the
            // trial's own), never the trial's own ("the bariatric surgery"); an inclusion's surgery is asked
            "E|Major surgery within 4 weeks|all(procedure surgery within 4 weeks, attest \"is it major surgery?\")",
            "E|Surgery within the last 30 days|procedure surgery within 30 days",
            "E|History of gastric surgery|all(procedure surgery ever, attest \"is it gastric surgery?\")",
            "E|Lumbar spinal surgery within the preceding six months|all(procedure surgery within 6 months, attest"
                    + " \"is it lumbar spinal surgery?\")",
            "E|Significant GI disease, previous major gastric/bowel surgery|any(attest \"Significant GI disease\","
                    + " all(procedure surgery ever, attest \"is it major gastric/bowel surgery?\"))",
            "E|intracranial surgery|attest \"intracranial surgery\"",
            "E|Patient who sign for single port gynecologic laparoscopic surgery|attest \"Patient who sign for single"
                    + " port gynecologic laparoscopic surgery\"",
            "E|Chronic opiate use in the year prior to the bariatric surgery|all(medication opioid ever, attest"
                    + " \"is it chronic opiate?\", attest \"Chronic opiate use in the year prior to the bariatric"
                    + " surgery\")",
            "E|Having undergone lung surgery (e.g. lung resection, lung transplant)|any(condition lung_transplant now,"
                    + " attest \"Having undergone lung surgery (e.g. lung resection, lung transplant)\")",
            "I|Surgery within the last 30 days|attest \"Surgery within the last 30 days\"",
            // a window no reader took is asked, never counted at any time or now: a misspelt unit, a year as "y"
            "E|ocular surgery within the past 3 mouths|all(procedure surgery ever, attest \"is it ocular surgery?\","
                    + " attest \"ocular surgery within the past 3 mouths\")",
            "E|Malignancy including leukemia and lymphoma within the last 5y.|all(any(condition malignancy now,"
                    + " condition leukemia now, condition lymphoma now), attest \"Malignancy (including leukemia and"
                    + " lymphoma) within the last 5y\")",
            // audit 19: "controlled" is a qualifier as "uncontrolled" is, a prophylaxis no record of a drug tells,
            // "chronic" said of heart failure is asked
            "I|normal blood pressure or controlled hypertension;|any(attest \"normal blood pressure\","
                    + " all(condition hypertension now, attest \"is it controlled hypertension?\"))",
            "E|Antibiotic prophylaxis within the last 6 months|all(medication antibiotic within 6 months, attest"
                    + " \"Antibiotic prophylaxis within the last 6 months\")",
            "E|Chronic heart failure|all(condition heart_failure now, attest \"is it chronic heart failure?\")",
            // a class heading the drugs it lists is no class of its own; a condition's treatment is no record of the
            // condition; the treatment the trial gives is not taken yet; a degree "greater than mild" is asked
            "E|4. Anticonvulsants: carbamazepine, phenytoin, phenobarbital|any(attest \"another of the anticonvulsants"
                    + " than those named?\", medication named \"carbamazepine\" now, medication named \"phenytoin\" now,"
                    + " medication named \"phenobarbital\" now)",
            "E|Ongoing dementia treatment or anti-depressive disorder medication|any(attest \"Ongoing dementia"
                    + " treatment\", attest \"anti-depressive disorder medication\")",
            "I|Adult patients with T2DM who are indicated to receive liraglutide, not as first-line therapy|all(attest"
                    + " \"Adult patients\", condition diabetes_type2 now, attest \"T2DM who are indicated to receive"
                    + " liraglutide\", attest \"not as first-line therapy\")",
            "E|Mitral or aortic valve stenosis greater than mild|any(attest \"Mitral\", all(condition aortic_stenosis"
                    + " now, attest \"is it aortic stenosis > mild?\"))",
            // a review of the change: "inadequately controlled" is asked as said; an operation "prior to" which
            // something happens is the trial's own; findings of tests are no list of tests; "due to" a drug is no plan
            "E|Inadequately controlled hypertension|all(condition hypertension now, attest \"is it inadequately"
                    + " controlled hypertension?\")",
            "E|GLP-1 agonists within 3 months prior to bariatric surgery|all(medication glp1_agonist within 3 months,"
                    + " attest \"GLP-1 agonists within 3 months prior to bariatric surgery\")",
            "E|Known HIV, hepatitis B or C infection, or abnormal liver function tests|any(condition hiv now, condition"
                    + " hepatitis_b now, condition hepatitis_c now, attest \"abnormal liver function tests\")",
            // a disease in a list of tests is a test, and a permission is no requirement
            "I|Platelet count, tuberculosis, creatinine, and HIV test results reviewed by transplant center|all(attest"
                    + " \"Platelet count\", attest \"tuberculosis\", attest \"creatinine\", attest \"HIV test results"
                    + " reviewed by transplant center\")",
            "I|Treatment with stable doses of SSRIs is appropriate if stable for 3 months prior to randomization.|attest"
                    + " \"Treatment with stable doses of SSRIs is appropriate if stable for 3 months prior to"
                    + " randomization.\"",
            // Karnofsky in per cent, and blood pressure written as one word
            "I|Karnofsky performance status (KPS) >_70%.|measure karnofsky >= 70 {score} within 12 months",
            "E|Bloodpressure 150/95 or higher.|any(measure systolic_bp >= 150 mmHg within 12 months, measure"
                    + " diastolic_bp >= 95 mmHg within 12 months)",
            // audit 18: a treatment going on now is asked; a definition no record decides is asked beside what it
            // defines, a measurement named with a grade no reading took too; a list's heading is no definition
            "E|End stage renal disease or on dialysis|any(condition end_stage_renal_disease now, attest \"on dialysis\")",
            "E|Hepatic dysfunction as defined by Child-Pugh Class B or C|all(condition liver_disease now, attest"
                    + " \"Child-Pugh Class B or C\")",
            "E|Child-Pugh grade B/C liver failure|all(condition liver_disease now, attest \"Child-Pugh grade B/C liver"
                    + " failure\")",
            "I|Diabetes as evidenced by both:|condition diabetes now",
            // a test whose result is not given, or given after it as negative, is no record of the disease (an
            // inclusion's "pregnancy test … must be negative" had required a pregnancy)
            "I|HIV test results reviewed by the transplant center|attest \"HIV test results reviewed by the transplant"
                    + " center\"",
            "I|Negative HIV test|not(condition hiv now)",
            "E|Positive HIV test|condition hiv now",
            "I|Serum pregnancy test at screening and urine pregnancy test at baseline must be negative.|all(not(condition"
                    + " pregnancy now), all(attest \"Serum pregnancy test at screening\", attest \"urine pregnancy test at"
                    + " baseline must be negative\"))",
            // audit 20: a refusal or a prohibition says nothing of whether the drug is taken; a drug that measures a
            // dose is none the patient must take; how a sample was taken is asked; "in the absence of" is an exception
            // and "unless" in an inclusion lifts the requirement
            "E|refusal of insulin|attest \"refusal of insulin\"",
            "E|With other hemorrhagic diseases and anticoagulant therapy is not allowed;|all(attest \"With other"
                    + " hemorrhagic diseases\", attest \"anticoagulant therapy is not allowed\")",
            "E|Treatment with a medication that would prohibit the safe concurrent use of methylphenidate such as"
                    + " monoamine oxidase inhibitors and tricyclic antidepressants|attest \"Treatment with a medication"
                    + " that would prohibit the safe concurrent use of methylphenidate such as monoamine oxidase"
                    + " inhibitors and tricyclic antidepressants\"",
            "I|Opioid users treated with opioid therapy, equivalent or equal to >20 mg per day of morphine|all(medication"
                    + " opioid now, attest \"Opioid users treated with opioid therapy\", attest \"equivalent or equal to"
                    + " >20 mg per day of morphine\")",
            "E|Prednisone equivalent dose > 10 mg/day|attest \"Prednisone equivalent dose > 10 mg/day\"",
            "E|Fasting triglycerides greater than 400 mg/dL.|all(measure triglycerides > 400 mg/dL within 12 months,"
                    + " attest \"Fasting triglycerides > 400 mg/dL\")",
            "E|Fasting glucose > 126 mg/dL|measure fasting_glucose > 126 mg/dL within 12 months",
            "E|Total bilirubin greater than 1.5× ULN in absence of Gilbert's syndrome|all(measure bilirubin > 1.5 x uln"
                    + " within 12 months, attest \"not an exception: Gilbert's syndrome\")",
            "I|Total bilirubin < 1.5 x ULN unless Gilbert syndrome|any(measure bilirubin < 1.5 x uln within 12 months,"
                    + " attest \"an exception: Gilbert syndrome\")",
            "I|Total bilirubin < 1.5 x ULN, except for patients with Gilbert syndrome|any(measure bilirubin < 1.5 x uln"
                    + " within 12 months, attest \"an exception: Gilbert syndrome\")",
            // a condition defined in brackets by a threshold no reading took is asked whole, not read as its code
            "E|Renal failure (Cl Cr < 60 mL /min /1,73m),|attest \"Renal failure (Cl Cr < 60 mL/min/1.73m2)\"",
            "E|Psychiatric disease including current heavy smoking (>20 cigarettes per day)|all(measure cigarettes_per_day"
                    + " > 20 /d now, attest \"Psychiatric disease (including current heavy smoking )(>20 cigarettes per"
                    + " day)\")",
            // a limit said only of some patients is asked; a definition after "which is" is of the item it follows
            "I|Have a CD4 cell count greater than 50 cells/mm3 if not taking ART.|attest \"Have a CD4 cell count greater"
                    + " than 50 cells/mm3 if not taking ART.\"",
            "I|LVEF ≤ 40% for patients in NYHA class II|attest \"LVEF ≤ 40% for patients in NYHA class II\"",
            "I|Diabetes and anemia, which is defined as hemoglobin < 10 g/dL|all(condition diabetes now, measure"
                    + " hemoglobin < 10 g/dL within 12 months)",
            // a treatment received is one at any time; an intolerance is no record of use; latent tuberculosis is a
            // condition of its own, not active tuberculosis asked
            "E|Subjects who have received rituximab|medication named \"rituximab\" ever",
            "E|Known intolerability of metformin|attest \"Known intolerability of metformin\"",
            "E|History of latent TB|condition latent_tuberculosis ever",
            // a time since the condition ("from"), a duration "from at least"; a reading that must be repeated; a limit
            // no reader took; how many of a list must hold — asked, never read as any or all
            "E|Greater than 12 months from spinal cord injury|all(condition spinal_cord_injury now, duration"
                    + " spinal_cord_injury >= 12 months)",
            "I|Diagnosis of Type 2 Diabetes from at least 3 years;|all(condition diabetes_type2 now, duration"
                    + " diabetes_type2 >= 3 years)",
            "I|Systolic blood pressure >=160 mm Hg OR a diastolic blood pressure of >=110 mm Hg measured twice|any(measure"
                    + " systolic_bp >= 160 mmHg within 12 months, all(measure diastolic_bp >= 110 mmHg within 12 months,"
                    + " attest \"a diastolic blood pressure of ≥ 110 mmHg measured 2 times\"))",
            "I|Hepatitis B surface antigen (HBsAg) positive and <1500 IU/mL.|all(condition hepatitis_b now, attest"
                    + " \"Hepatitis B surface antigen (HBsAg) positive and <1500 IU/mL\")",
            "E|The American Society of Anesthesiologists (ASA) score > 3|class asa_class in IV,V,VI within 12 months",
            "I|At least two of the following: HR > 90 bpm, RR > 20|attest \"At least two of the following: HR > 90 bpm, RR"
                    + " > 20\"",
            "I|Maximum one of the following SIRS criteria: HR>90 bpm, RR>20|attest \"Maximum one of the following SIRS"
                    + " criteria: HR>90 bpm, RR>20\"",
            "I|At least one of the following: diabetes, hypertension|attest \"At least one of the following: diabetes,"
                    + " hypertension\"",
            // audit 24: a value reached without a transfusion is no value on record alone; "other" a class, other than
            // what the criterion leaves unsaid (the trial's own disease), but not after the one it names; what images
            // show is no diagnosis on record
            "I|Hemoglobin ≥ 10 g/dL without transfusional support|all(measure hemoglobin >= 10 g/dL within 12 months,"
                    + " attest \"Hemoglobin ≥ 10 g/dL without transfusional support\")",
            "E|Other respiratory disease|all(condition respiratory_disease now, attest \"Other respiratory disease\")",
            "E|Asthma or other lung disease|any(condition asthma now, condition lung_disease now)",
            "E|Definite radiographic evidence of osteoarthritis of the glenohumeral joint|attest \"Definite radiographic"
                    + " evidence of osteoarthritis of the glenohumeral joint\"",
            // the place a treatment was given, said after the list, is said of each treatment in it
            "E|Prior surgery or radiotherapy to the target knee|any(all(procedure surgery ever, attest \"is it Prior"
                    + " surgery to the target knee?\"), all(procedure radiotherapy ever, attest \"radiotherapy to the target"
                    + " knee\"))",
            // audit 25: a disease's vaccine and a likeness are not the disease; examples of a qualified kind of illness
            // are asked whether they are of that kind; "recent" is said of every name after "recent history of"; what
            // an examination finds "compatible with" a disease is no diagnosis on record
            "E|Hepatitis B vaccination within the last 6 months|attest \"Hepatitis B vaccination within the last 6"
                    + " months\"",
            "E|Prior stroke-like episodes|attest \"Prior stroke-like episodes\"",
            "E|Significant illness (e.g. cardiovascular disease, cancer)|all(any(condition cardiovascular_disease now,"
                    + " condition malignancy now), attest \"Significant illness (e.g. cardiovascular disease, cancer)\")",
            "E|Recent history of myocardial infarction or stroke|any(all(condition myocardial_infarction ever, attest"
                    + " \"is it recent myocardial infarction?\"), all(condition stroke ever, attest \"is it recent stroke?\"))",
            "I|Audible abnormalities by chest examination compatible with pneumonia|attest \"Audible abnormalities by"
                    + " chest examination compatible with pneumonia\"",
            // audit 26: "active" opening a list is said of every name; a route narrows a drug class
            "E|Active hepatitis B or hepatitis C|any(all(condition hepatitis_b now, attest \"is it active hepatitis B?\"),"
                    + " all(condition hepatitis_c now, attest \"is it active hepatitis C?\"))",
            "E|Use of IV antibiotics within 4 weeks|all(medication antibiotic within 4 weeks, attest \"is it iv"
                    + " antibiotics?\")",
            // audit 26: words in brackets after a condition say what counts as it, which its code need not be; a grade
            // in them is asked, beside the condition named again; an abbreviation or a reason in them is no definition
            "E|Liver disease (abnormal liver enzymes)|attest \"Liver disease (abnormal liver enzymes)\"",
            "E|Hepatic impairment (Child-Pugh B or C)|attest \"Hepatic impairment (Child-Pugh B or C)\"",
            "E|Chronic kidney disease (CKD stage 4 or 5)|all(condition renal_failure now, attest \"is it renal failure"
                    + " (CKD stage 4 or 5)?\")",
            "E|Chronic obstructive pulmonary disease (COPD)|condition copd now",
            "E|Diabetes (to improve the PET imaging quality)|all(condition diabetes now, attest \"Diabetes (to improve"
                    + " the PET imaging quality)\")",
            // audit 27: a stage written before its word is asked; a treatment said to be recent is looked for at any
            // time and asked; a time said after the first name of a list may be its alone, so the later names are
            // read both ways — unless the time heads the list
            "E|Endometriosis III-IV stage|all(condition endometriosis now, attest \"is it endometriosis III-IV stage?\")",
            "E|Recent chemotherapy|all(medication cytotoxic ever, attest \"Recent chemotherapy\")",
            "E|Currently or has recently received radiotherapy|all(procedure radiotherapy ever, attest \"Currently or has"
                    + " recently received radiotherapy\")",
            "E|History of stroke within 6 months, epilepsy|any(condition stroke within 6 months, condition epilepsy within"
                    + " 6 months, all(condition epilepsy now, attest \"is 'epilepsy' meant without the time said before it"
                    + " (within the last 6 months)?\"))",
            "E|Any of the following within the past 6 months: myocardial infarction, stroke|any(condition"
                    + " myocardial_infarction within 6 months, condition stroke within 6 months)",
            // audit 28: limits in brackets that define what the words outside name hold together; a limit said of some
            // patients, or an exception for some, is asked; tobacco use is more than smoking, and immunosuppression
            // more than its drugs; an age said of one sex after it
            "I|Non-reversible airway obstruction (post-bronchodilator FEV1/FVC < 0.7 and FEV1 < 80 %)|all(measure"
                    + " fev1_fvc < 70 % within 12 months, attest \"Non-reversible airway obstruction (post-bronchodilator"
                    + " FEV1/FVC < 0.7 and FEV1 < 80 %)\")",
            "I|For melanoma patients, no other malignancy in the past five years|attest \"For melanoma patients, no"
                    + " other malignancy in the past five years\"",
            "I|Hemoglobin ≥ 10 g/dL, except for persons taking erythropoietin|attest \"Hemoglobin ≥ 10 g/dL, except"
                    + " for persons taking erythropoietin\"",
            "E|Current tobacco use|attest \"Current tobacco use\"",
            "E|Immunosuppression|attest \"Immunosuppression\"",
            "E|Immunosuppressive therapy|medication immunosuppressant now",
            "I|20-40 years old women|all(sex female, age 20..40)",
            "I|Men and women aged 18-65 years|age 18..65",
            // audit 29: the names after "any of …:" are alternatives however joined; a drug excepted from drugs is
            // asked; the age a condition began at is asked; a seizure disorder is an epilepsy
            "E|Use of any of the prohibited medications: tricyclic antidepressants and ritonavir|any(all(medication"
                    + " tricyclic_antidepressant now, attest \"Use of any of the prohibited medications: tricyclic"
                    + " antidepressants\"), medication named \"ritonavir\" now)",
            "E|Diabetes and any of the following: retinopathy, nephropathy|all(condition diabetes now, attest \"is it"
                    + " Diabetes and any of the following: retinopathy?\", any(attest \"any of the following:"
                    + " retinopathy\", condition kidney_disease now))",
            "E|Use of anticoagulants except heparin|all(medication anticoagulant now, attest \"not an exception:"
                    + " heparin\")",
            "I|onset of diabetes after age 30|all(condition diabetes now, attest \"onset of diabetes after age 30\")",
            "E|Seizure disorder|condition epilepsy now",
            // audit 32: the place of a list's first treatment is asked of the bare treatments after it
            "E|history of neck surgery or radiotherapy|any(attest \"history of neck surgery\", all(procedure radiotherapy"
                    + " ever, attest \"is it neck radiotherapy?\"))",
            // audit 31: two treatments joined by "and" in an exclusion, as two illnesses are, may each exclude alone
            "E|Chemotherapy and radiotherapy|any(all(medication cytotoxic now, procedure radiotherapy ever), all(any("
                    + "medication cytotoxic now, procedure radiotherapy ever), attest \"does either alone exclude (the"
                    + " criterion joins them with 'and')?\"))",
            // audit 31: a qualified kind of illness with its examples in brackets, with no "e.g." before them
            "E|Significant systemic illness (diabetes, HIV, vasculitis)|all(any(condition diabetes now, condition hiv now,"
                    + " condition vasculitis now, attest \"Significant systemic illness (diabetes, HIV, vasculitis)\"),"
                    + " attest \"Significant systemic illness (diabetes, HIV, vasculitis)\")",
            // audit 30: a rate after bradycardia says what it means; what it must withstand is asked
            "E|refractory bradycardia < 60 bpm despite treatment|all(measure heart_rate < 60 bpm within 12 months, attest"
                    + " \"despite treatment\")",
            "E|Septic shock despite early goal directed therapy|all(condition septic_shock now, attest \"despite early goal"
                    + " directed therapy\")"})
    void partsCombineAsTheCriterionMeans(String kind, String text, String expected) {
        CriterionKind k = kind.equals("E") ? CriterionKind.EXCLUSION : CriterionKind.INCLUSION;
        assertThat(COMPILER.compile(new Criterion(kind + "1", k, text, null, List.of())).rule().ruleText())
                .isEqualTo(expected);
    }
}
