package org.stroma.trial.eligibility.compile;

import java.util.regex.Pattern;

/** Words that tell what kind of thing a piece of criterion text is. */
final class Markers {
    /** What the trial may let a patient be: "may be allowed", "may be included". */
    private static final String LET_IN = "(?:allowed|permitted|included|enrolled|eligible|accepted)\\b";
    /** What only the investigator can say: judgement, consent, ability, willingness, logistics. */
    static final Pattern JUDGEMENT = Pattern.compile(
            "judg(?:e)?ment|opinion|discretion|\\bdeemed\\b|unsuitable|inappropriate|candidate|\\bable to\\b|\\bability"
                    + "|inability|unable|\\bwilling|unwilling|\\bcompl(?:y|iance|iant)\\b|adheren|consent|participat"
                    + "|life expectancy|lifespan|prognosis|optimal|feasible|indications?\\b|refus(?:e|al)|cannot be withdrawn"
                    + "|childbearing|contracepti|hypersensitiv|allerg|intoler(?:an|ab)|adverse (?:drug )?reactions?|contraindicat|amenable|preventing|precluding|interfer(?:e|es|ing|ence)\\b"
                    + "|registered at|\\benrol+(?:ed|ment) in\\b|residence|disorientation|follow-?up|hospice|etiology|aetiology|\\brisk\\b"
                    + "|awaiting|waiting list|listed for|(?:would|may|could|that) limits?\\b"
                    + "|not responding to (?!\\s*≥)|requir(?:e|es|ing) (?:medical )?treatment|comorbid|co-morbid"
                    // a need is the investigator's reading of the patient, not a record: "requirement for renal support"
                    + "|\\brequirement for\\b|\\bneed(?:s|ed|ing)? (?:for|of)\\b|\\brequir(?:e|es|ed|ing)\\b"
                    // what is likely is a reading of the patient: "in which pulmonary hypertension is more likely"
                    + "|\\blikely\\b|\\b(?:should|may|could) be considered\\b|\\b(?:is|are) recommended\\b"
                    // what a patient may do is a permission, not a fact: "patient may take a proton pump inhibitor"
                    + "|\\bmay (?:take|use|receive|continue|be on|have)\\b|\\bmay be " + LET_IN
                    + "|\\b(?:is|are) (?:allowed|permitted|appropriate|acceptable"
                    + "|permissible)\\b"
                    // nor is what the patient may not have: "anticoagulant therapy is not allowed" (because of a bleeding
                    // disease), "a medication that would prohibit the use of …" say nothing of whether it is taken (a
                    // list of "prohibited medications" names them, and is read)
                    + "|\\bnot (?:allowed|permitted)\\b|\\bprohibit(?:s|ing)?\\b|\\b(?:is|are|be)\\s+(?:\\w+ly\\s+)?prohibited\\b"
                    // a plan without its time is an intention: "planned cardiac surgery" (with one it is a window)
                    + "|\\b(?:planned|scheduled)\\b(?!\\s+(?:\\w+\\s+){0,3}?(?:for|within|in|during)\\s+(?:the\\s+)?(?:next|following"
                    + "|coming|upcoming)?\\s*\\d)"
                    // intentions and sensitivities no record holds: "planning to become pregnant", "sensitivity to X"
                    + "|\\bplan(?:s|ning|ned)? (?:to|a|on)\\b|\\bplanned pregnan|\\bintend|\\bwish(?:es|ing)? (?:to|for)\\b|\\bdesir"
                    + "|\\bintent(?:ion|ions)?\\b|\\bpreferred\\b|\\b(?:attempting|trying|want(?:s|ing)?) to\\b|\\b(?:may|might|could|can) become pregnant|\\bsensitivit(?:y|ies) to\\b"
                    // a condition on the patient's care, not a fact: "if on anticoagulation, must be on a stable dose",
                    // "CD4 > 50 cells/mm3 if not taking ART"
                    + "|\\bif (?:not |no longer )?(?:on|taking|receiving|using|treated with)\\b"
                    // a limit for a group of patients only: "LVEF ≤ 40 % for patients in NYHA class II" (one "for patients
                    // with" a condition is the other limit of a threshold, read with it)
                    + "|\\bfor (?:patients|subjects|participants|those) (?:in|who|on|taking|receiving)\\b"
                    // what the study will do or may let the patient do, not what the patient has had: "should receive
                    // either tobramycin or colistin", "spirometry will be performed after 4 inhalations of albuterol"
                    + "|\\b(?:should|will|shall) (?:receive|be treated|be given|take|undergo|start)\\b"
                    + "|\\bwill be (?:performed|administered|given|calculated|measured|assessed|obtained|collected|done)\\b"
                    + "|\\bcan (?:be treated|take|use|receive|continue)\\b"
                    // how often over several periods, which one record of use does not count: "in two of the three
                    // previous years"
                    + "|\\b(?:in|during)\\s+(?:\\d+|\\w+)\\s+of\\s+the\\s+(?:\\d+\\s+|\\w+\\s+)?(?:last|past|previous|preceding)\\b",
            Pattern.CASE_INSENSITIVE);
    /** A permission that widens an inclusion: "MMSE above 26 … may be allowed with Steering Committee approval". */
    static final Pattern PERMISSION = Pattern.compile("\\b(?:may|can) be " + LET_IN
            + "|\\b(?:is|are) (?:also )?(?:allowed|permitted|acceptable|eligible)\\b", Pattern.CASE_INSENSITIVE);
    /** Consent and willingness in particular: never measurable from records. */
    static final Pattern CONSENT = Pattern.compile("consent|willing|comply|compliance|adheren",
            Pattern.CASE_INSENSITIVE);
    /** Qualifiers records do not code: "severe hepatic dysfunction", "uncontrolled ventricular arrhythmias". */
    static final Pattern QUALIFIER = Pattern.compile(
            "(?:severe(?:ly)?|major|uncontrolled|non-?controlled|(?:poorly|inadequately|insufficiently|sub-?optimally|badly|not (?:well |adequately )?)[- ]?controlled|(?<![\\w-])(?<!\\bnot\\s)(?:well[- ]|adequately )?controlled|decompensated|significant|clinically"
                    + " (?:significant|relevant)|critical|advanced|refractory|symptomatic|untreated|resistant|unstable"
                    + "|active(?! or)|stages?\\s+\\d[^,;]*?)\\s+(?:\\w+\\s+){0,2}$",
            Pattern.CASE_INSENSITIVE);
    /** Words that carry no condition of their own. */
    static final Pattern FILLER = Pattern.compile(
            "\\b(?:any|all|the|a|an|of|or|and|with|without|by|for|in|on|at|to|be|is|are|has|have|had|patients?|subjects?"
                    + "|participants?|who|that|which|this|these|known|documented|diagnosis|diagnosed|history|previous|prior"
                    + "|past|current(?:ly)?|presence|present|established|confirmed|clinical(?:ly)?|evidence|signs?|men"
                    + "|women|males?|females?|treatment|therapy|use|using|on-?going|chronic|acute|active|following|features?"
                    + "|criteria|inclusion|exclusion|further|further|type|disease|disorders?|conditions?|infections?"
                    + "|positive|serum|tests?|serolog(?:y|ies)|results?|detected|transthoracic|at|mri|scan|performed"
                    + "|level|levels|values?|count|counts|since|last|\\d+|[ivx]+|one|more|or|[a-z])\\b|[^a-z]",
            Pattern.CASE_INSENSITIVE);

    private Markers() {
    }

    static boolean isFiller(String text) {
        return FILLER.matcher(text).replaceAll("").isBlank();
    }
}
