package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Age;
import org.stroma.protocol.Combinator;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.protocol.Eligibility;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Sex;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.ConceptKind;
import org.stroma.trial.concept.Mention;
import org.stroma.trial.eligibility.rule.AgeRule;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.Attestation;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.CriterionRef;
import org.stroma.trial.eligibility.rule.DurationRule;
import org.stroma.trial.eligibility.rule.IncreaseRule;
import org.stroma.trial.eligibility.rule.Interval;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.RuleParser;
import org.stroma.trial.eligibility.rule.RuleSyntaxException;
import org.stroma.trial.eligibility.rule.SexRule;
import org.stroma.trial.eligibility.rule.Window;
import org.stroma.trial.patient.AdministrativeSex;

/**
 * Compiles a protocol's eligibility criteria into rules. Each criterion's text is made regular, split into clauses at
 * its connectives and read clause by clause; the clauses combine by their connectives ("with" and "and" before "or",
 * "as evidenced by" last). Nested criteria combine as their parent's words say, or — unsaid — all of them, unless
 * they are alternative subtypes of one disease. A criterion a study team has written a rule for takes that rule.
 */
public final class CriteriaCompiler {
    /** "an increase of ≥1 EDSS point (if EDSS ≤ 5.0) or 0.5 EDSS point (if EDSS ≥ 5.5)": a step for each case. */
    private static final Pattern TWO_STEP_INCREASE = Pattern.compile(
            "increase\\s+of\\s*(?:≥|>)?\\s*(\\d+(?:\\.\\d+)?)[^()]*?(?:\\([^()]*\\)\\s*)?\\(if[^)]*?(≤|<|≥|>)\\s*"
                    + "(\\d+(?:\\.\\d+)?)\\)\\s*,?\\s*or\\s*(\\d+(?:\\.\\d+)?)[^()]*?\\(if[^)]*?(≤|<|≥|>)\\s*(\\d+(?:\\.\\d+)?)\\)",
            Pattern.CASE_INSENSITIVE);
    /** A change in response to something done: "after passive leg raising", "following a fluid challenge". */
    private static final Pattern RESPONSE = Pattern.compile("(?i)\\b(?:after|following|in response to|post)\\b");
    /** "an increase of ≥1 point in EDSS": one step whatever the score. */
    private static final Pattern INCREASE = Pattern.compile("increase\\s+of\\s*(?:≥|>)?\\s*(\\d+(?:\\.\\d+)?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DISEASE_DURATION = Pattern.compile(
            "disease duration\\s*(?:of\\s*)?(?:between\\s*)?(\\d+)\\s*(?:to|-|and)\\s*(\\d+)\\s*years", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_FULFILLING = Pattern.compile(
            "^(.+?)\\s+not\\s+(?:fulfilling|meeting|satisfying)\\s+(?:the\\s+)?inclusion criteria", Pattern.CASE_INSENSITIVE);

    /** What a relative has, not the patient: "family history of", "a first-degree relative with". */
    private static final Pattern ANOTHER_PERSON = Pattern.compile("(?i)\\bfamily (?:medical )?history\\b|\\bfamily"
            + " members?\\b|\\b(?:first|second)[- ]degree relatives?\\b|\\brelatives?\\s+(?:with|who|of)\\b");
    /**
     * How many of a list must hold: "at least two of the following", "maximum one of the following SIRS criteria" —
     * no rule of Stroma counts the parts of another, and reading them as "any" or "all" is wrong ("at least one of the
     * following" is "any", and is read).
     */
    private static final Pattern HOW_MANY_OF_A_LIST = Pattern.compile("(?i)(?:(?:≥|\\bminimum(?: of)?|\\bmin\\.?)\\s*"
            + "(?:two|three|four|five|[2-9])|(?:≤|<|>|\\bmaximum(?: of)?|\\bmax\\.?|\\bup to|\\bonly|\\bexactly)\\s*"
            + "(?:one|two|three|four|five|\\d))\\s+(?:\\(\\d\\)\\s+)?(?:of|out of)\\s+(?:the\\s+)?(?:following|these|below"
            + "|criteria)\\b");
    /** "Known other respiratory disorders", "any other malignancy": other than something the criterion leaves unsaid. */
    private static final Pattern OTHER_UNSAID = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:(?:known|any|a|an|the"
            + "|history of|presence of|evidence of|diagnosis of|patients?|subjects?|participants?|with|has|have|having"
            + "|significant|clinically significant|concomitant|concurrent|active|current|serious|severe|major"
            + "|uncontrolled|relevant|previous|prior)\\s+)*other\\b(?!\\s+than)");
    /**
     * "Significant illness (e.g.", "clinically relevant pathologies (eg:", "uncontrolled systemic illness (diabetes,
     * HIV, …)": a qualified kind of illness, then examples.
     */
    private static final Pattern QUALIFIED_EXAMPLES = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:[\\w-]+\\s+){0,4}?"
            + "(?:clinically\\s+)?(?:significant|relevant|serious|severe|uncontrolled|unstable|major|important"
            + "|decompensated|poorly controlled)\\s+(?:(?:[\\w-]+\\s+){0,3}?[\\w-]+\\s*[(\\[]\\s*(?:e\\.?\\s?g\\.?|for example"
            + "|such as|including)\\b|(?:[\\w-]+\\s+){0,3}?(?:illness(?:es)?|diseases?|disorders?|conditions?|patholog(?:y|ies)"
            + "|comorbidit(?:y|ies))\\s*(?=[(\\[][^()\\[\\]]*,))");
    /**
     * "Definite radiographic evidence of osteoarthritis", "histologic proof of a malignancy", "abnormalities by chest
     * examination compatible with pneumonia": a finding on images, a biopsy or an examination, which a diagnosis on
     * record neither proves nor rules out.
     */
    private static final Pattern SEEN_ON_IMAGES = Pattern.compile("(?i)\\b(?:radiographic(?:al)?|radiologic(?:al)?|imaging"
            + "|x-?ray|mri|ct|ultrasound|sonographic|echocardiographic|angiographic|endoscopic|histologic(?:al)?"
            + "|histopathologic(?:al)?|pathologic(?:al)?|biopsy)[- ](?:evidence|signs?|findings?|confirmation|proof)\\s+of\\b"
            + "|\\b(?:compatible|consistent)\\s+with\\b|\\bsuggestive\\s+of\\b"
            // "evidence of ILD on baseline chest computer tomography": the finding named before its images
            + "|\\b(?:evidence|signs?|findings?)\\s+of\\s+[^,;.()]{1,60}?\\s+(?:on|by|in)\\s+(?:[\\w-]+\\s+){0,3}?(?:ct|computed"
            + "|computer|x-?rays?|imaging|mri|radiographs?|ultrasound|echocardiograms?|echocardiography|scans?|biopsy|angiogra"
            + "(?:m|phy)|endoscopy|pet)\\b");
    /**
     * "At least one of the following: diabetes, hypertension" in an inclusion: any of a list that its commas would
     * read as all (in an exclusion a list is alternatives already; items on lines of their own are read as such).
     */
    private static final Pattern ONE_OF_A_LIST = Pattern.compile("(?i)(?:≥|\\bminimum(?: of)?)\\s*(?:one|1)\\s+(?:of|out of)"
            + "\\s+(?:the\\s+)?following\\s*:\\s*[^:;]*,");
    /** What acts on a drug rather than the drug: "medications that alter the absorption or metabolism of levothyroxine". */
    private static final Pattern ABOUT_A_DRUG = Pattern.compile("(?i)\\b(?:absorption|metabolism|pharmacokinetics"
            + "|bioavailability)\\s+(?:or\\s+\\w+\\s+)?of\\b"
            + "|\\binteractions?\\s+with\\b");
    /**
     * A criterion for one group of the trial, under the group's label: "HYPERTENSIVE: known cardiovascular disease …",
     * "MDD Cohort: …". Read as a rule it would be applied to every patient.
     */
    private static final Pattern COHORT_LABEL = Pattern.compile("^\\W*(?:\\d+[.)]\\s*)?(?:(\\p{Lu}[\\p{L}]{2,}\\p{Lu})|[\\w-]+"
            + "(?:\\s+[\\w-]+)?\\s+(?i:cohort|group|arm|stratum))\\s*:");

    /** A criterion opening on the patients it is said of: "For melanoma patients, …", "In women with diabetes, …". */
    private static final Pattern FOR_SOME_PATIENTS = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:for|in)\\s+(?:[\\w-]+\\s+)"
            + "{0,3}?(?:patients|subjects|participants|women|men|children)\\b[^,:]{0,40}[,:]");
    /**
     * An inclusion that says what some patients must meet: "Patients with idiopathic sensory neuropathy must have had
     * pain of ≥ 3 months' duration" requires nothing of the others, where a rule would require the neuropathy too.
     */
    private static final Pattern REQUIRED_OF_SOME = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:patients|subjects"
            + "|participants|women|men|children|those|individuals|persons)\\s+(?:with|who|having|on|taking|receiving)\\b[^,;:]"
            + "{1,80}?\\s+(?:must|should|shall|need\\s+to|needs\\s+to|are\\s+required\\s+to|will\\s+need\\s+to)\\b"
            + "(?!\\s+(?:be\\s+)?excluded)");

    /**
     * An exception that names people by what they do rather than by a condition: in an inclusion, "…, except for
     * persons taking protease inhibitors" lifts the requirement for them, which no rule of the rest says ("except for
     * patients with Gilbert syndrome" is read as an exception of its own).
     */
    private static final Pattern EXCEPTED_PERSONS = Pattern.compile("(?i)\\b(?:except(?:ing)?|with the exception of)\\s+"
            + "(?:for\\s+)?(?:persons|patients|subjects|participants|those|individuals|people)\\b(?!\\s+with\\b)");

    private boolean cohortOnly(String t) {
        Matcher label = COHORT_LABEL.matcher(t);
        if (!label.find()) {
            return false;
        }
        // a measurement or condition written in capitals ("ECOG PS: 0,1", "COPD: …") is no group's label
        return label.group(1) == null || dictionary.mentions(label.group(1)).isEmpty()
                && !label.group(1).matches("NOTE|NB");
    }

    private final ConceptDictionary dictionary;

    public CriteriaCompiler(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /**
     * Words as the compiler reads them before it names anything: comparisons as symbols, numbers as digits, names made
     * regular ("serum transaminases" are ALT/AST). For those who find again where a rule's names came from.
     */
    public static String asRead(String words) {
        return CriterionText.normalise(words);
    }

    public CompiledEligibility compile(Protocol protocol) {
        Eligibility eligibility = protocol.eligibility();
        String trial = protocol.identification() == null ? null : protocol.identification().nctId();
        if (eligibility == null) {
            return new CompiledEligibility(trial, List.of(), List.of(), List.of());
        }
        Concept disease = primaryCondition(protocol);
        List<CompiledCriterion> inclusion = new ArrayList<>(registryFields(eligibility));
        eligibility.inclusion().forEach(c -> inclusion.add(compile(c, disease)));
        List<CompiledCriterion> exclusion = new ArrayList<>();
        eligibility.exclusion().forEach(c -> exclusion.add(compile(c, disease)));
        List<CompiledCriterion> resolved = exclusion.stream().map(c -> resolveReferences(c, inclusion)).toList();
        return new CompiledEligibility(trial, inclusion, resolved, alternatives(inclusion));
    }

    /**
     * One criterion on its own, as a study team previews a rewording or a hand-written rule. References to other
     * criteria ("RRMS not fulfilling inclusion criteria") stay for the investigator, since there are none to resolve.
     */
    public CompiledCriterion compile(Criterion criterion) {
        return resolveReferences(compile(criterion, null), List.of());
    }

    /** The registry's own age and sex fields, as criteria of their own. */
    private static List<CompiledCriterion> registryFields(Eligibility e) {
        List<CompiledCriterion> fields = new ArrayList<>();
        if (e.minimumAge() != null || e.maximumAge() != null) {
            String text = "Age " + (e.minimumAge() == null ? "up to " + e.maximumAge() : e.maximumAge() == null
                    ? e.minimumAge() + " or older" : e.minimumAge() + " to " + e.maximumAge()) + " (registry's age limits)";
            Rule rule = gestationalPerhaps(e) ? new Attestation(text + ": is this the age since birth, not the"
                    + " gestational age?") : registryAges(e.minimumAge(), e.maximumAge());
            fields.add(new CompiledCriterion("R-AGE", CriterionKind.INCLUSION, text, rule, status(rule, true), true,
                    CompiledCriterion.Origin.REGISTRY_FIELD, List.of(), List.of()));
        }
        if (e.sex() == Sex.FEMALE || e.sex() == Sex.MALE) {
            AdministrativeSex sex = e.sex() == Sex.FEMALE ? AdministrativeSex.FEMALE : AdministrativeSex.MALE;
            fields.add(new CompiledCriterion("R-SEX", CriterionKind.INCLUSION, e.sex().label() + " (registry's sex)",
                    new SexRule(EnumSet.of(sex)), Compilation.COMPUTED, true, CompiledCriterion.Origin.REGISTRY_FIELD,
                    List.of(), List.of()));
        }
        return fields;
    }

    /**
     * The registry's age limits, each in its own unit ("6 Months" to "17 Years"): a limit in months turned into years
     * would round an infant's age away. A limit in hours or minutes, which no birth date counts, is asked; the other
     * limit is still decided.
     */
    private static Rule registryAges(Age minimum, Age maximum) {
        boolean countable = (minimum == null || !inHours(minimum)) && (maximum == null || !inHours(maximum));
        if (countable && (minimum == null || maximum == null || minimum.unit() == maximum.unit())) {
            Age either = minimum == null ? maximum : minimum;
            return new AgeRule(new Interval(minimum == null ? null : minimum.amount(), true,
                    maximum == null ? null : maximum.amount(), true), either.unit());
        }
        List<Rule> limits = new ArrayList<>();
        if (minimum != null) {
            limits.add(inHours(minimum) ? new Attestation("Age " + minimum + " or older (registry's minimum age)")
                    : new AgeRule(Interval.atLeast(minimum.amount()), minimum.unit()));
        }
        if (maximum != null) {
            limits.add(inHours(maximum) ? new Attestation("Age up to " + maximum + " (registry's maximum age)")
                    : new AgeRule(Interval.atMost(maximum.amount()), maximum.unit()));
        }
        return limits.size() == 1 ? limits.get(0) : new AllOf(limits);
    }

    /** Words of a trial of preterm or newborn infants, whose registry ages in weeks are often gestational ages. */
    private static final Pattern NEWBORNS = Pattern.compile("(?i)\\b(?:pre-?terms?|prematur\\w*|gestation\\w*|neonat\\w*"
            + "|new-?borns?)\\b");

    /**
     * Whether the registry's age limits in weeks may be a gestational age: a trial in preterm infants gives "28 Weeks to
     * 37 Weeks" for the gestation they were born at, which as an age since birth would turn every one of them away.
     */
    private static boolean gestationalPerhaps(Eligibility e) {
        boolean inWeeks = e.minimumAge() != null && e.minimumAge().unit() == TimeUnit.WEEK
                || e.maximumAge() != null && e.maximumAge().unit() == TimeUnit.WEEK;
        return inWeeks && e.criteriaText() != null && NEWBORNS.matcher(e.criteriaText()).find();
    }

    private static boolean inHours(Age limit) {
        return limit.unit() == TimeUnit.HOUR || limit.unit() == TimeUnit.MINUTE;
    }

    private CompiledCriterion compile(Criterion criterion, Concept disease) {
        List<CompiledCriterion> children = criterion.children().stream().map(c -> compile(c, disease)).toList();
        if (criterion.rule() != null && !criterion.rule().isBlank()) {
            Rule rule = handWritten(criterion);
            return new CompiledCriterion(criterion.id(), criterion.kind(), criterion.text(), rule, status(rule, true),
                    true, CompiledCriterion.Origin.STUDY_TEAM, List.of(), children);
        }
        Text own = compileText(criterion.text(), criterion.kind(), disease);
        Rule rule = own.rule();
        boolean measurable = own.measurable();
        Compilation compilation;
        if (children.isEmpty()) {
            rule = rule == null ? new Attestation(question(criterion.text())) : rule;
            compilation = status(rule, measurable);
        } else {
            // the parent refers to its children rather than copying their rules, so that each child keeps its own
            // verdict and its own attestations; how much compiled is judged on the rules themselves
            Combinator combinator = criterion.combinator() != null ? criterion.combinator()
                    : alternativeSubtypes(children.stream().map(CompiledCriterion::rule).toList()) ? Combinator.ANY
                    : Combinator.ALL;
            // a line that only introduces its list ("…as evidenced by one or more of the following:") adds nothing
            Rule lead = rule == null || status(rule, true) == Compilation.NOT_COMPILED ? null : rule;
            List<Rule> refs = children.stream().<Rule>map(c -> new CriterionRef(c.id())).toList();
            List<Rule> childRules = children.stream().map(CompiledCriterion::rule).toList();
            rule = Rules.simplify(combined(lead, combinator, refs));
            measurable = measurable || children.stream().anyMatch(CompiledCriterion::measurable);
            compilation = status(Rules.simplify(combined(lead, combinator, childRules)), measurable);
        }
        // what was supposed is said only of a rule that records decide; an asked criterion supposes nothing
        List<String> assumptions = compilation == Compilation.COMPUTED || compilation == Compilation.PARTLY_COMPUTED
                ? own.assumptions() : List.of();
        return new CompiledCriterion(criterion.id(), criterion.kind(), criterion.text(), rule, compilation, measurable,
                CompiledCriterion.Origin.TEXT, assumptions, children);
    }

    private static Rule combined(Rule own, Combinator combinator, List<Rule> children) {
        Rule joined = combinator == Combinator.ANY ? new AnyOf(children) : new AllOf(children);
        return own == null ? joined : new AllOf(List.of(own, joined));
    }

    /** An exception in parentheses: "malignancy within 5 years (other than basal cell skin cancer)". */
    private static final Pattern EXCEPTION_IN_PARENTHESES = Pattern.compile("[(\\[]([^()\\[\\]]*?\\b(?:except|excepting"
            + "|excluding|other than|apart from|besides|with the exception of|but not|not including|(?:does|do) not apply to"
            + "|is not (?:an )?(?:exclusion|exclusionary))\\b[^()\\[\\]]*)[)\\]]",
            Pattern.CASE_INSENSITIVE);
    /** What allows something: "Occasional use of benzodiazepines is allowable." */
    private static final Pattern ALLOWANCE = Pattern.compile("(?i)\\b(?:is|are)\\s+(?:allowable|allowed|permitted"
            + "|acceptable)\\b");

    /**
     * The mentions that are not exceptions: what a criterion spares in parentheses ("psychiatric disorder (other than
     * unipolar depression)") or in a sentence that allows it ("benzodiazepines are allowed") is neither required nor
     * denied. Read as a concept, it would become a rule of the wrong polarity.
     */
    private static List<Mention> outsideExceptions(List<Mention> mentions, String text) {
        List<int[]> spans = new ArrayList<>();
        Matcher parenthesis = EXCEPTION_IN_PARENTHESES.matcher(text);
        while (parenthesis.find()) {
            spans.add(new int[] {parenthesis.start(), parenthesis.end()});
        }
        // the sentence around each allowance, found from the allowance out: a pattern that scanned a sentence from
        // each of its characters would take time growing with the square of a long text's length
        Matcher allowance = ALLOWANCE.matcher(text);
        int searchFrom = 0;
        while (allowance.find(searchFrom)) {
            int start = Math.max(text.lastIndexOf('.', allowance.start()), text.lastIndexOf(';', allowance.start())) + 1;
            int end = sentenceEnd(text, allowance.end());
            spans.add(new int[] {start, end});
            searchFrom = end;
        }
        return mentions.stream().filter(x -> spans.stream().noneMatch(s -> x.start() >= s[0] && x.end() <= s[1]))
                .toList();
    }

    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '.' || text.charAt(i) == ';') {
                return i;
            }
        }
        return text.length();
    }

    /**
     * An exception written in parentheses that no clause read (no "except" joins a clause, none starts a list of
     * exceptions) would be dropped, excluding the very patients the criterion spares: it is kept as a question for
     * the investigator beside the rule.
     */
    private static Rule keepsItsExceptions(Rule rule, String text, boolean exceptionsRead) {
        Matcher exception = EXCEPTION_IN_PARENTHESES.matcher(text);
        if (rule == null || exceptionsRead || !exception.find()) {
            return rule;
        }
        return new AllOf(List.of(rule, new Attestation("not an exception: " + exception.group(1).strip())));
    }

    private static final Pattern HOURS = Pattern.compile("(?i)\\b\\d+\\s*(?:hours?|hrs?|h)\\b");

    /**
     * "Hemoglobin ≥ 9 g/dL; written informed consent": consent or willingness in a part of its own, after a semicolon,
     * that names nothing else is one clause the investigator answers beside the others. Anywhere else ("willing to
     * stop aspirin or warfarin") what the sentence names belongs to the willingness, and the whole is asked.
     */
    private boolean consentStandsApart(String t) {
        String[] parts = t.split(";");
        boolean other = false;
        for (String part : parts) {
            if (!Markers.CONSENT.matcher(part).find()) {
                other = true;
            } else if (!dictionary.mentions(part).isEmpty()) {
                return false;
            }
        }
        return other;
    }

    /**
     * Whether the criterion's exceptions were read as clauses of their own (and need not be asked again). One in
     * parentheses inside another clause's words ("tumor of any kind (with the exception of non-melanoma skin
     * cancer)") was not: it is still the whole criterion's.
     */
    private static boolean exceptionsRead(String t, List<Clause> clauses, ClauseReader reader) {
        Matcher spared = EXCEPTION_IN_PARENTHESES.matcher(t);
        String sparedWords = spared.find() ? spared.group() : null;
        if (clauses.stream().anyMatch(c -> c.before() == Connective.EXCEPT || c.before() == Connective.UNLESS)) {
            return true;
        }
        for (int i = 0; i < clauses.size(); i++) {
            if (reader.polarity(i) == Negation.EXCEPTED
                    && (sparedWords == null || !clauses.get(i).text().contains(sparedWords))) {
                return true;
            }
        }
        return false;
    }

    /** A criterion's own text as a rule (null when it says nothing computable), and whether it is measurable. */
    private record Text(Rule rule, boolean measurable, List<String> assumptions) {
        Text(Rule rule, boolean measurable) {
            this(rule, measurable, List.of());
        }
    }

    /** A criterion that names the sex it is about first: "Males aged 18 years and above", "Women with …". */
    private static final Pattern LEADING_SEX = Pattern.compile("(?i)^\\W*(?:\\d+[.)]\\s*)?(?:healthy\\s+|adult\\s+)?(males?"
            + "|men|females?|women)\\b(?!\\s*(?:and|or|&|/)\\b)");

    /** A text that names one sex, and not the other. */
    private static final Pattern ONE_SEX = Pattern.compile("(?i)(?!.*\\b(?:males?|men|boys?)\\b.*\\b(?:females?|women|girls?)\\b)"
            + "(?!.*\\b(?:females?|women|girls?)\\b.*\\b(?:males?|men|boys?)\\b).*?\\b(males?|men|females?|women)\\b.*");

    /**
     * The criterion's text as a rule, for the sex it names first: "women who are breastfeeding" excludes women only,
     * and "males aged 18 years and above" admits men of that age. An inclusion that says what one sex must do
     * ("women of childbearing age with an effective contraception") leaves the other free, and is read as written.
     */
    private Text compileText(String raw, CriterionKind kind, Concept disease) {
        Text text = readText(raw, kind, disease);
        if (kind == CriterionKind.INCLUSION) {
            Rule asWritten = text.rule() == null ? new Attestation(question(raw)) : text.rule();
            Rule notPregnant = NegativePregnancyTest.beside(CriterionText.normalise(raw), asWritten);
            if (notPregnant != asWritten) {
                return new Text(notPregnant, true, text.assumptions());
            }
        }
        Matcher sex = LEADING_SEX.matcher(CriterionText.normalise(raw));
        boolean population = kind == CriterionKind.EXCLUSION || text.rule() instanceof AgeRule
                || text.rule() instanceof AllOf all && all.rules().get(0) instanceof AgeRule;
        boolean named = sex.find();
        if (!named && text.rule() instanceof AgeRule) {
            // "20-40 years old women": an age said of one sex, wherever the sex is said
            sex = ONE_SEX.matcher(CriterionText.normalise(raw));
            named = sex.matches();
        }
        if (text.rule() == null || !population || !named) {
            return text;
        }
        AdministrativeSex who = sex.group(1).toLowerCase(java.util.Locale.ROOT).matches("males?|men")
                ? AdministrativeSex.MALE : AdministrativeSex.FEMALE;
        return new Text(new AllOf(List.of(new SexRule(EnumSet.of(who)), text.rule())), text.measurable(),
                text.assumptions());
    }

    private Text readText(String raw, CriterionKind kind, Concept disease) {
        String t = CriterionText.normalise(raw);
        if (Markers.CONSENT.matcher(t).find() && !consentStandsApart(t)) {
            return new Text(new Attestation(question(raw)), false);
        }
        if (HOURS.matcher(TextWindows.strip(t)).find()) {
            // hours that are no window ("24-hour urine protein", "fasting for 8 hours"): read as months or ever they
            // would exclude patients the criterion spares, so the investigator is asked
            return new Text(new Attestation(question(raw)), true);
        }
        if (LOST_SIGN_COUNT.matcher(t).find()) {
            // "= 3 UTIs within the last 12 months": a count whose ≥ or ≤ the text lost; read without it, any one
            // event would do
            return new Text(new Attestation(question(raw)), true);
        }
        if (TextWindows.countedOtherwise(t)) {
            // a time counted from another event than the screening ("GBS within 8 weeks of a vaccine", "steroids
            // within 6 months of surgery"), or whose comparison was lost: no window before the screening says it
            return new Text(new Attestation(question(raw)), true);
        }
        if (ANOTHER_PERSON.matcher(t).find() || ABOUT_A_DRUG.matcher(t).find() || cohortOnly(t)
                || FOR_SOME_PATIENTS.matcher(t).find()
                || kind == CriterionKind.INCLUSION && (EXCEPTED_PERSONS.matcher(t).find()
                        || REQUIRED_OF_SOME.matcher(t).find())
                || SEEN_ON_IMAGES.matcher(t).find()
                || HOW_MANY_OF_A_LIST.matcher(t).find()
                || kind == CriterionKind.INCLUSION && ONE_OF_A_LIST.matcher(t).find()) {
            // what a relative has, what acts on a drug, what one group of the trial or some of its patients must meet
            // (or need not), how many of a list hold, or what images or a biopsy show: a rule on the patient's coded records would say something else,
            // so the investigator is asked
            return new Text(new Attestation(question(raw)), true);
        }
        Rule allergy = kind == CriterionKind.EXCLUSION ? AllergyReading.read(t, dictionary) : null;
        if (allergy != null) {
            return new Text(allergy, true);
        }
        if (AllergyReading.drugOfAnAllergy(t, dictionary)) {
            // the drug an allergy is to is no drug the patient takes: the criterion is asked as written
            return new Text(new Attestation(question(raw)), true);
        }
        Matcher notFulfilling = NOT_FULFILLING.matcher(t);
        if (notFulfilling.find()) {
            List<Mention> subtype = dictionary.mentions(notFulfilling.group(1));
            if (!subtype.isEmpty()) {
                // resolved against the inclusion criteria once they are all compiled
                String subtypeId = subtype.get(0).concept().id();
                return new Text(new AllOf(List.of(new ConditionRule(subtypeId, Window.now()),
                        new Not(new CriterionRef(ReferenceResolution.BY_DISEASE + subtypeId)))), true);
            }
        }
        Rule increase = increase(t);
        if (increase != null) {
            return new Text(increase, true);
        }
        AgeReading.Reading written = AgeReading.read(t);
        if (written != null && written.rest() == null) {
            return new Text(written.rule(), true);
        }
        if (written != null) {
            // "Male and female subjects ≥ 18 years of age and ambulatory": the age, and what else is said, both
            Text rest = readText(written.rest(), kind, disease);
            if (rest.rule() != null) {
                return new Text(new AllOf(List.of(written.rule(), rest.rule())), true, rest.assumptions());
            }
        }
        Matcher duration = DISEASE_DURATION.matcher(t);
        if (duration.find() && disease != null) {
            return new Text(new DurationRule(disease.id(), Interval.between(Double.parseDouble(duration.group(1)),
                    Double.parseDouble(duration.group(2))), TimeUnit.YEAR), true);
        }
        List<Mention> mentions = outsideExceptions(dictionary.mentions(t), t);
        List<Clause> clauses = ClauseSplitter.split(t, mentions);
        ClauseReader reader = new ClauseReader(t, clauses, mentions, kind);
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < clauses.size(); i++) {
            rules.add(reader.read(i));
        }
        ClauseCombination.qualifyTheList(clauses, rules);
        clauses = negationScope(t, clauses, rules, reader);
        boolean thresholdFollows = clauses.size() > 1 && clauses.get(1).before() == Connective.AND
                && rules.get(1) instanceof MeasurementRule;
        if (rules.get(0) instanceof Attestation && Markers.JUDGEMENT.matcher(clauses.get(0).text()).find()
                && !thresholdFollows) {
            // "not a candidate for revascularization by CABG or angioplasty": what follows belongs to the judgement;
            // a threshold after "and" does not ("a very high cardiovascular risk and LDL-C > 1.8 mmol/L")
            return new Text(new Attestation(question(raw)), false);
        }
        Rule rule = keepsItsExceptions(Rules.simplify(ClauseCombination.combine(clauses, rules, kind)), t,
                exceptionsRead(t, clauses, reader));
        if (rule != null && ClauseReader.holds(rule, ConditionRule.class)
                && (OTHER_UNSAID.matcher(t).find() || qualifiedExamples(t, mentions) || ONSET_AT_AN_AGE.matcher(t).find())) {
            // "Known other respiratory disorders" in a COPD trial: other than what the criterion does not say, which a
            // record of the class would take in; "significant illness (e.g. cardiovascular disease, cancer)": the
            // examples are of significant illness, which a record of them does not say; "onset of diabetes after age
            // 30": how old the patient was then, which a record's onset date may not be
            Attestation asked = new Attestation(question(raw));
            rule = asks(rule, asked) ? rule : Rules.simplify(new AllOf(List.of(rule, asked)));
        }
        Window said = TextWindows.find(t);
        if (rule != null && recentTreatment(t, mentions) && (said == null || said.span() == null)) {
            // "currently or has recently received radiotherapy or chemotherapy": a treatment given recently, which no
            // time bounds, is looked for at any time (a course stopped last month is no drug taken now) and asked
            Attestation asked = new Attestation(question(raw));
            rule = asks(rule, asked) ? rule : Rules.simplify(new AllOf(List.of(rule.accept(AT_ANY_TIME), asked)));
        }
        boolean judgementOnly = rule == null ? Markers.JUDGEMENT.matcher(t).find() : onlyAttestations(rule)
                && Markers.JUDGEMENT.matcher(t).find();
        return new Text(rule, !judgementOnly, reader.assumptions());
    }

    /** The age a condition began at: "onset of diabetes after age 30", "diagnosed before the age of 18". */
    private static final Pattern ONSET_AT_AN_AGE = Pattern.compile("(?i)\\b(?:onset|diagnos\\w*|began|started)\\b.{0,40}?"
            + "\\b(?:after|before|at|under|over|above|below|prior to)\\s+(?:the\\s+)?age\\b");

    /** "Recent", "recently" a few words before a name: a time the words do not bound. */
    private static final Pattern RECENTLY = Pattern.compile("(?i)\\brecent(?:ly)?\\s+(?:[\\w-]+\\s+){0,2}$");

    /** Whether a drug or a procedure is said to be recent: "recent chemotherapy", "has recently received radiotherapy". */
    private static boolean recentTreatment(String t, List<Mention> mentions) {
        return mentions.stream().anyMatch(m -> (m.concept().kind() == ConceptKind.MEDICATION
                || m.concept().kind() == ConceptKind.PROCEDURE)
                && RECENTLY.matcher(t.substring(Math.max(0, m.start() - 40), m.start())).find());
    }

    /** Treatments looked for at any time rather than now or only once. */
    private static final Rule.Visitor<Rule> AT_ANY_TIME = new PartsRewritten() {
        @Override
        public Rule medication(MedicationRule rule) {
            return rule.window().kind() == Window.Kind.NOW ? new MedicationRule(rule.concepts(), rule.names(),
                    Window.ever()) : rule;
        }

        @Override
        public Rule procedure(ProcedureRule rule) {
            return rule.window().kind() == Window.Kind.NOW ? new ProcedureRule(rule.concept(), Window.ever()) : rule;
        }
    };

    /** Whether every patient the rule takes in is asked the question already (an alternative asked is no guard). */
    private static boolean asks(Rule rule, Attestation question) {
        return rule.equals(question) || rule instanceof AllOf all && all.rules().stream().anyMatch(r -> asks(r, question));
    }

    /** Whether the criterion opens on a qualified kind of illness that names nothing, then gives examples of it. */
    private static boolean qualifiedExamples(String t, List<Mention> mentions) {
        Matcher lead = QUALIFIED_EXAMPLES.matcher(t);
        return lead.find() && mentions.stream().allMatch(m -> m.start() >= lead.end());
    }

    /**
     * A negation reaches along the list it starts: "negative for HBsAg and for antibodies to HCV, HIV-1" is none of
     * the three, and "no history of death, MI, stroke, or major bleeding" is none of them. The items that follow a
     * negated clause (one with a concept, or only the words "no history of death") and say no polarity of their own
     * are negated too, and all are required (not A, and not B): every item joined by a comma or "or", and a plain fact
     * joined by "and" ("no MI and LVEF ≥ 40 %" keeps its threshold). An item the investigator answers is left as it
     * is: answers are given for the whole criterion. The items after an exception ("except alopecia, neuropathy") are
     * exceptions too: not required, asked of the investigator; and the items after a negation the compiler cannot place
     * share its doubt ("kidney disease not caused by diabetes or hypertension"): asked, never required.
     */
    private static List<Clause> negationScope(String text, List<Clause> clauses, List<Rule> rules,
            ClauseReader reader) {
        List<Clause> scoped = new ArrayList<>(clauses);
        for (int i = 0; i < clauses.size(); i++) {
            Negation start = reader.polarity(i);
            if (start == Negation.AFFIRMED) {
                continue;
            }
            int j = i + 1;
            // "free of psychoactive drugs for at least: 1 month for fluoxetine; 2 weeks for other SSRIs": a list the
            // negated clause announces with a colon goes on past its semicolons
            boolean announcesList = clauses.get(i).text().contains(":");
            while (j < clauses.size() && (inList(clauses.get(j).before(), rules.get(j))
                    || announcesList && text.substring(0, clauses.get(j).start()).stripTrailing().endsWith(";"))
                    && reader.polarity(j) == Negation.AFFIRMED) {
                Clause c = clauses.get(j);
                Rule item = rules.get(j);
                if (start == Negation.NEGATED) {
                    // an item the investigator answers keeps its words: an answer is the criterion's, never negated;
                    // and an item with a record's part beside a question ("ovarian cancer": a malignancy, and is it
                    // ovarian?) is asked whole, since its record's part would otherwise stand required, not denied
                    if (item != null && !item.asksInvestigator()) {
                        rules.set(j, new Not(item));
                        scoped.set(j, new Clause(c.text(), c.start(), Connective.AND));
                    } else if (item != null && DecidedByRecords.anyPart(item)) {
                        rules.set(j, new Attestation(question(c.text())));
                    }
                } else if (start == Negation.UNSURE) {
                    // "kidney disease not caused by diabetes or hypertension": the list shares the doubt
                    if (item != null) {
                        rules.set(j, new Attestation(question(c.text())));
                    }
                } else {
                    rules.set(j, new Attestation("not an exception: " + c.text()));
                }
                j++;
            }
            i = j - 1;
        }
        return scoped;
    }

    /** Whether a clause joined so continues a list: after a comma or "or" always, after "and" when a plain fact. */
    private static boolean inList(Connective join, Rule rule) {
        return join == Connective.LIST || join == Connective.OR || join == Connective.AND && PlainFact.is(rule);
    }

    /** A criterion's text as a question for the investigator: without the list punctuation it ended with. */
    private static String question(String text) {
        String q = text.replaceAll("[,;]+\\s*$", "").trim();
        return q.isEmpty() ? text : q;
    }

    /** "an increase of ≥1 EDSS point (if EDSS ≤ 5.0) or 0.5 EDSS point (if EDSS ≥ 5.5), in the last 12 months". */
    private Rule increase(String t) {
        Matcher m = TWO_STEP_INCREASE.matcher(t);
        boolean twoSteps = m.find();
        if (!twoSteps) {
            m = INCREASE.matcher(t);
            if (!m.find()) {
                return null;
            }
        }
        Optional<Mention> score = dictionary.mentions(t).stream()
                .filter(x -> x.concept().kind() == ConceptKind.OBSERVATION).findFirst();
        if (score.isEmpty()) {
            return null;
        }
        if (!twoSteps && (t.substring(m.end()).matches("(?s)\\s*%.*") || RESPONSE.matcher(t).find())) {
            // "an increase of > 10 % in MAP after passive leg raising": a relative change, or the response to a
            // test, which no two values on record show
            return new Attestation(question(t));
        }
        List<IncreaseRule.Step> steps = new ArrayList<>();
        if (twoSteps) {
            steps.add(new IncreaseRule.Step(Double.parseDouble(m.group(1)), bound(m.group(2),
                    Double.parseDouble(m.group(3)))));
            steps.add(new IncreaseRule.Step(Double.parseDouble(m.group(4)), bound(m.group(5),
                    Double.parseDouble(m.group(6)))));
        } else {
            steps.add(new IncreaseRule.Step(Double.parseDouble(m.group(1)), Interval.any()));
        }
        Window window = TextWindows.find(t);
        return new IncreaseRule(score.get().concept().id(), steps, window == null ? Window.ever() : window);
    }

    private static Interval bound(String op, double v) {
        return switch (op) {
            case "≥" -> Interval.atLeast(v);
            case ">" -> Interval.above(v);
            case "≤" -> Interval.atMost(v);
            default -> Interval.below(v);
        };
    }

    /** "= 3 UTIs", "=2 relapses": a number of events (a plural noun, no unit) after an equals sign. */
    private static final Pattern LOST_SIGN_COUNT = Pattern.compile("(?:^|[\\s(:,;])=\\s*\\d+\\s+(?!(?i:units|points|times"
            + "|years|months|weeks|days|hours|minutes|seconds|letters|cells|copies|beats|breaths|drinks|cigarettes|packs"
            + "|mmHg)\\b)(?:[A-Z]{2,}s|[a-z][a-z-]+s)\\b");

    /** A study team's rule, read and checked against the dictionary; a mistake names the criterion. */
    private Rule handWritten(Criterion criterion) {
        Rule rule;
        try {
            rule = RuleParser.parse(criterion.rule());
        } catch (RuleSyntaxException e) {
            throw new InvalidRuleException(criterion.id(), e.getMessage());
        }
        for (String concept : Rules.concepts(rule)) {
            if (dictionary.find(concept).isEmpty()) {
                throw new InvalidRuleException(criterion.id(), "the rule \"" + criterion.rule() + "\" names concept '"
                        + concept + "', which the concept dictionary does not have");
            }
        }
        return rule;
    }

    /** Whether children are alternative subtypes of one disease: each leads with a condition under the same parent. */
    private boolean alternativeSubtypes(List<Rule> rules) {
        if (rules.size() < 2) {
            return false;
        }
        String parent = null;
        for (Rule r : rules) {
            Concept lead = leadingCondition(r);
            if (lead == null || lead.parent() == null || (parent != null && !parent.equals(lead.parent()))) {
                return false;
            }
            parent = lead.parent();
        }
        return true;
    }

    private Concept leadingCondition(Rule rule) {
        return LeadingCondition.of(rule, dictionary);
    }

    /** Runs of top-level inclusion criteria that are alternative subtypes of one disease. */
    private List<List<String>> alternatives(List<CompiledCriterion> inclusion) {
        List<List<String>> groups = new ArrayList<>();
        List<String> run = new ArrayList<>();
        String parent = null;
        for (CompiledCriterion c : inclusion) {
            Concept lead = leadingCondition(c.rule());
            String p = lead == null ? null : lead.parent();
            if (p != null && p.equals(parent)) {
                run.add(c.id());
            } else {
                if (run.size() > 1) {
                    groups.add(run);
                }
                run = new ArrayList<>();
                if (p != null) {
                    run.add(c.id());
                }
            }
            parent = p;
        }
        if (run.size() > 1) {
            groups.add(run);
        }
        return groups;
    }

    /** "RRMS not fulfilling inclusion criteria": the reference to "the RRMS criterion" becomes its id. */
    private CompiledCriterion resolveReferences(CompiledCriterion c, List<CompiledCriterion> inclusion) {
        Rule rule = c.rule().accept(new ReferenceResolution(inclusion, dictionary));
        List<CompiledCriterion> children = c.children().stream().map(x -> resolveReferences(x, inclusion)).toList();
        Compilation compilation = rule.equals(c.rule()) ? c.compilation() : status(rule, c.measurable());
        return new CompiledCriterion(c.id(), c.kind(), c.text(), rule, compilation, c.measurable(), c.origin(),
                c.assumptions(), children);
    }

    /** The disease the trial studies, from its registered conditions: what "disease duration" refers to. */
    private Concept primaryCondition(Protocol protocol) {
        for (String condition : protocol.conditions()) {
            for (Mention m : dictionary.mentions(condition)) {
                if (m.concept().kind() == ConceptKind.CONDITION) {
                    return m.concept();
                }
            }
        }
        return null;
    }

    static Compilation status(Rule rule, boolean measurable) {
        boolean data = hasData(rule);
        boolean attest = rule != null && rule.asksInvestigator();
        if (data) {
            return attest ? Compilation.PARTLY_COMPUTED : Compilation.COMPUTED;
        }
        return measurable ? Compilation.NOT_COMPILED : Compilation.ATTESTATION;
    }

    private static boolean hasData(Rule rule) {
        return DecidedByRecords.anyPart(rule);
    }

    static boolean onlyAttestations(Rule rule) {
        return !hasData(rule);
    }
}
