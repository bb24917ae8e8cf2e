package org.stroma.trial.eligibility.compile;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.patient.AdministrativeSex;

/**
 * What a criterion writes right after a measurement's threshold, which changes what the threshold means: the sex it is
 * for ("Hb &lt; 12 g/dL for women, &lt; 13 g/dL for men"), a second bound ("LVEF ≥ 20 % and ≤ 45 %", "BMI &lt; 18 or
 * &gt; 35"), or a limit in parentheses for some patients only ("≤ 2.5 × ULN (5 × ULN for subjects with liver
 * metastases)"). Read apart from the threshold so that none of them is dropped, which would leave a rule stricter or
 * looser than the criterion.
 */
record ThresholdSequel(AdministrativeSex sex, Bound next, Alternative alternative) {

    /** A second bound: how it joins the first ("and", "or"), the bound itself, and the sex it is for, if any. */
    record Bound(boolean either, String comparator, double value, String unit, AdministrativeSex sex) {
    }

    /** A limit for some patients, in parentheses: its comparison (null: the first's), number, unit, and the words. */
    record Alternative(String comparator, double value, String unit, String text) {
    }

    private static final String SEX_WORDS = "(women|females?|female (?:patients|subjects|participants)|men|males?"
            + "|male (?:patients|subjects|participants))";
    private static final Pattern SEX = Pattern.compile("^\\s*(?:\\(\\s*(?:for\\s+|in\\s+)?" + SEX_WORDS + "\\s*\\)"
            + "|(?:for|in|among)\\s+" + SEX_WORDS + "\\b)", Pattern.CASE_INSENSITIVE);
    private static final String UNIT = "(×ULN|%|x10\\^\\d+/[a-zA-Zµμ³]+|mL/min/1\\.73m2|[a-zA-Zµμ/](?:[\\w/.µμ²³*^{}]*[\\w/µμ²³*^{}])?)?";
    private static final Pattern NEXT = Pattern.compile("^\\s*(,?\\s*(?:and|or)\\b|,|;|/)?\\s*(≤|≥|<|>)\\s*(\\d+(?:\\.\\d+)?)\\s*"
            + UNIT, Pattern.CASE_INSENSITIVE);
    private static final Pattern ALTERNATIVE = Pattern.compile("^\\s*\\(\\s*(≤|≥|<|>)?\\s*(\\d+(?:\\.\\d+)?)\\s*" + UNIT
            + "([^()]*\\b(?:for|if|in|when|with|unless|among)\\b[^()]*)\\)", Pattern.CASE_INSENSITIVE);

    /**
     * The same, with whom it is for first: "(patients with Gilbert's syndrome: total bilirubin ≤ 2.5 × ULN)", "(if
     * Gilbert's then < 2.5 mg/dL)", "(in case of liver metastases < 5 × ULN)".
     */
    private static final Pattern ALTERNATIVE_FOR_FIRST = Pattern.compile("^\\s*\\(\\s*((?:for|in|if)?\\s*(?:patients|subjects"
            + "|participants|those)\\s+(?:with|who)\\b[^()<>≤≥]*?|(?:if|in (?:the )?case of|in (?:the )?presence of|when)\\s+"
            + "[^()<>≤≥]*?)[:,]?\\s*(?:then\\s+)?(?:[a-z]+\\s+){0,3}"
            + "(≤|≥|<|>)\\s*(\\d+(?:\\.\\d+)?)\\s*" + UNIT + "\\s*\\)", Pattern.CASE_INSENSITIVE);

    static final ThresholdSequel NONE = new ThresholdSequel(null, null, null);

    /** What follows a threshold in {@code rest}, the text right after it. */
    static ThresholdSequel read(String rest) {
        if (rest == null || rest.isEmpty()) {
            return NONE;
        }
        Matcher alternative = ALTERNATIVE.matcher(rest);
        if (alternative.find()) {
            return new ThresholdSequel(null, null, new Alternative(alternative.group(1),
                    Double.parseDouble(alternative.group(2)), alternative.group(3),
                    alternative.group().strip().replaceAll("^\\(|\\)$", "").replaceAll("\\s+", " ").strip()));
        }
        Matcher forFirst = ALTERNATIVE_FOR_FIRST.matcher(rest);
        if (forFirst.find()) {
            return new ThresholdSequel(null, null, new Alternative(forFirst.group(2), Double.parseDouble(forFirst.group(3)),
                    forFirst.group(4), forFirst.group().strip().replaceAll("^\\(|\\)$", "").replaceAll("\\s+", " ").strip()));
        }
        String r = rest;
        AdministrativeSex sex = null;
        Matcher first = SEX.matcher(r);
        if (first.find()) {
            sex = sex(first);
            r = r.substring(first.end());
        }
        Matcher next = NEXT.matcher(r);
        if (!next.find()) {
            return sex == null ? NONE : new ThresholdSequel(sex, null, null);
        }
        // "> 1.4 for men": a word after the number is no unit, and may say whom the bound is for
        boolean wordAfter = unitIsAWord(next.group(4));
        String unit = wordAfter ? null : next.group(4);
        Matcher second = SEX.matcher(r.substring(wordAfter ? next.start(4) : next.end()));
        AdministrativeSex nextSex = second.find() ? sex(second) : null;
        String join = next.group(1) == null ? "" : next.group(1).toLowerCase(Locale.ROOT);
        boolean either = join.endsWith("or") || join.equals("/");
        return new ThresholdSequel(sex, new Bound(either, next.group(2), Double.parseDouble(next.group(3)), unit,
                nextSex), null);
    }

    private static AdministrativeSex sex(Matcher m) {
        String word = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
        return word.startsWith("f") || word.startsWith("w") ? AdministrativeSex.FEMALE : AdministrativeSex.MALE;
    }

    /** Words that follow a number without being its unit. */
    private static boolean unitIsAWord(String unit) {
        return unit != null && unit.matches("(?i)for|in|among|and|or|of|the|at|on|if");
    }
}
