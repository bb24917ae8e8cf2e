package org.stroma.trial.eligibility.compile;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.text.RegistryText;

/**
 * A criterion's text made regular before it is read: comparisons as symbols (≤ ≥ < >), number words as digits,
 * "three times the upper limit of normal" as "3 ×ULN", thousands separators dropped, decimal commas and units written
 * with spaces or in words ("140 mm Hg", "100 gram per litre", "100 109/L") made regular, the measuring method
 * ("as determined by echocardiography") and judgement asides ("(per investigator discretion)") taken out, and
 * "including A and B" bracketed so that its list stays one clause.
 */
final class CriterionText {
    private static final Map<String, String> COMPARISONS = new LinkedHashMap<>();
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("eighteen", "18"), Map.entry("twenty", "20"), Map.entry("twenty-four", "24"),
            Map.entry("thirty", "30"), Map.entry("sixty", "60"), Map.entry("ninety", "90"));

    static {
        // longest first, so that "inferior or egal to" is not read as "inferior to"
        comparison("(?:inferior|lower|less) (?:than )?or (?:egal|equal) (?:to )?", "≤");
        comparison("equal (?:to )?or (?:greater|more|higher) than ", "≥");
        comparison("equal (?:to )?or (?:less|lower) than ", "≤");
        comparison("(?:more|greater|superior|higher) (?:than )?or (?:egal|equal) (?:to )?", "≥");
        comparison("equal to or (?:greater|more|higher) than ", "≥");
        comparison("equal to or (?:less|lower) than ", "≤");
        comparison("(?:no|not) more than ", "≤");
        comparison("(?:no|not) (?:less|fewer) than ", "≥");
        comparison("(?:not exceeding|not to exceed|not greater than|not above) ", "≤");
        comparison("(?:not below|not lower than) ", "≥");
        comparison("at most ", "≤");
        comparison("at least ", "≥");
        comparison("at\\s*/\\s*above\\s*(?=\\d)|at or above\\s*(?=\\d)", "≥");
        comparison("at\\s*/\\s*below\\s*(?=\\d)|at or below\\s*(?=\\d)", "≤");
        comparison("(?:inferior to|less than|lower than|fewer than|below|under)\\s*(?=\\d)", "<");
        comparison("(?:greater than|more than|higher than|superior to|above|exceeding|exceeds|over|greater|major than)"
                + "\\s*(?=\\d)", ">");
        comparison("(?:inferior to|less than|lower than) ", "<");
        comparison("(?:greater than|superior to|higher than) ", ">");
        comparison("\\\\?>\\s*(?:/|or)?\\s*=|=>|[≧⩾]", "≥");
        comparison("\\\\?<\\s*(?:/|or)?\\s*=|=<|[≦⩽]", "≤");
        comparison("\\\\>", ">");
        comparison("\\\\<", "<");
    }

    /** Two degrees of one block: "2nd or 3rd degree atrioventricular block", "second- and third-degree heart block". */
    private static final Pattern BLOCK_DEGREES = Pattern.compile("(?i)\\b(1st|2nd|first|second)(?:-?\\s*degree|-)?\\s*(?:,|/"
            + "|\\bor\\b|\\band\\b)\\s*((?:2nd|3rd|second|third)[- ]degree)(\\s+(?:(?:atrioventricular|av|a-v)\\s+)?(?:heart\\s+)?"
            + "blocks?)\\b");
    private static final Pattern BLOOD_PRESSURE = Pattern.compile("(?i)\\b(?:blood ?pressure|BP)\\s*(?:(?:readings?|values?"
            // "blood pressure averaging > 159/99": the readings' mean, the value a clinic records
            + "|measurements?|averaging|of|is)\\s+){0,2}([<>≤≥])\\s*(\\d{2,3})\\s*/\\s*(\\d{2,3})(?:\\s*mmHg)?"
            // a second limit on the same pressures: "≥ 135/85 mmHg but < 170/105 mmHg"
            + "(?:\\s*(?:,|but|and)\\s*([<>≤≥])\\s*(\\d{2,3})\\s*/\\s*(\\d{2,3})(?:\\s*mmHg)?)?");
    /** "Between 135/85 and 170/105": two limits on both pressures. */
    private static final Pattern PRESSURES_BETWEEN = Pattern.compile("(?i)\\bbetween\\s+(\\d{2,3}\\s*/\\s*\\d{2,3})\\s*(?:mmHg)?"
            + "\\s*(?:and|to|-|–)\\s*(\\d{2,3}\\s*/\\s*\\d{2,3})");
    private static final String EITHER = "(?:and/or|or|and|&)";
    private static final String UPPER_LIMIT = "(?:upper limits? of (?:the )?normal(?: range)?|upper normal limit|ULN|UNL)";
    private static final Pattern TIME = Pattern.compile("(?i)(?:hours?|hrs?|days?|weeks?|months?|years?|yrs?)");

    private static void comparison(String regex, String symbol) {
        COMPARISONS.put(regex, symbol);
    }

    private CriterionText() {
    }

    /** A multiple as a short decimal: 1.2, not 1.2000000000000002. */
    /**
     * The text without the characters it ends with among those given, cut from the end: a pattern anchored at the end
     * would be tried from every character of a long run of them, in time growing with the square of its length.
     */
    static String withoutTrailing(String text, String characters) {
        int end = text.length();
        while (end > 0 && characters.indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return text.substring(0, end);
    }

    /** One limit on both pressures: above it is either pressure above, below it both below. */
    private static String pressures(String comparison, String systolic, String diastolic) {
        boolean above = comparison.equals(">") || comparison.equals("≥");
        return "(systolic blood pressure " + comparison + " " + systolic + " mmHg " + (above ? "or" : "and")
                + " diastolic blood pressure " + comparison + " " + diastolic + " mmHg)";
    }

    private static String times(double multiple) {
        return java.math.BigDecimal.valueOf(multiple).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
    }

    /**
     * "Greater than first degree" and "second degree or higher" heart block are the second and third degrees, and "2nd or
     * 3rd degree AV block" names each degree in full: read word by word, the first degree would be a lone word and the
     * block's name the third degree's alone. A patient has one degree at a time, so "2nd and 3rd degree" is either.
     */
    private static String degreesOfBlock(String s) {
        String above = s.replaceAll("(?i)(?:\\b(?:greater|higher|more) than|>)\\s*(?:1st|first)[- ]degree", "2nd or 3rd degree")
                .replaceAll("(?i)(?:≥|\\bat least)\\s*(?:2nd|second)[- ]degree|\\b(?:2nd|second)[- ]degree or (?:higher|greater"
                        + "|above|more)", "2nd or 3rd degree");
        return BLOCK_DEGREES.matcher(above).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " degree" + m.group(3)
                + " or " + m.group(2) + m.group(3)));
    }

    static String normalise(String text) {
        String s = RegistryText.squash(RegistryText.clean(text));
        // "recent (2-year) history": the time in brackets is the window of what follows
        s = s.replaceAll("(?i)\\brecent\\s*\\((\\d+)[- ]?(year|month|week|day)s?\\)", "within the last $1 $2s:");
        // a raised dot between digits is a decimal point, as British texts write it: "ABPI < 0·9", "0•9" (not the
        // product sign of a unit: "ml•min-1•1.73m-2")
        s = s.replaceAll("(?<![-\\d])(\\d+)[•·](\\d)", "$1.$2");
        // comparisons as some records type them: full-width signs, "≧", ">_" for "≥"
        s = s.replace('＞', '>').replace('＜', '<').replace('≧', '≥').replace('≦', '≤').replace('＝', '=')
                .replaceAll(">_\\s*(?=\\d)", "≥ ").replaceAll("<_\\s*(?=\\d)", "≤ ");
        // characters some exports spell as their code point: "Hemoglobin <U+2266>11 g/dl" is "≦ 11"
        s = Pattern.compile("<U\\+([0-9A-Fa-f]{4,5})>").matcher(s)
                .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
        // "male or female patients", "men and women": both sexes are no condition, and their "or" joins no clauses
        s = s.replaceAll("(?i)\\b(?:males?\\s+" + EITHER + "\\s+females?|females?\\s+" + EITHER + "\\s+males?|men\\s+" + EITHER
                + "\\s+women|women\\s+" + EITHER + "\\s+men)\\b", "");
        // judgement asides and the measuring method do not change what is measured
        s = s.replaceAll("(?i)\\([^()]*(?:investigator|discretion|judg(?:e)?ment|opinion|this includes)[^()]*\\)", "");
        s = s.replaceAll("(?i),?\\s*(?:as\\s+)?(?:determined|measured|assessed|detected|based|calculated)\\s+(?:by|on|with|"
                + "using)\\s+[^,;.]*", "");
        s = s.replaceAll("(?i)\\bestimated using (?:the )?", "by ");
        // typing slips seen in real records: "ofmore or egal", "and / or"
        s = s.replaceAll("(?i)(\\w)(more or egal|inferior or egal)", "$1 $2").replaceAll("(?i)\\band\\s*/\\s*or\\b",
                "and/or");
        s = s.replaceAll("(?i)\\bhepatitis ([bc]) or ([bc])\\b", "hepatitis $1 or hepatitis $2");
        s = degreesOfBlock(s);
        // "past or present history of", "current or prior use of": at any time, which "previous" says (split at its
        // "or", the time would be said of a lone word)
        s = s.replaceAll("(?i)\\b(?:past|previous|prior)\\s+or\\s+(?:present|current)\\b|\\b(?:current|present)\\s+or\\s+(?:past"
                + "|previous|prior)\\b", "previous");
        // "bradycardia < 60 bpm": a rate that says what the word means, as "bradycardia (heart rate < 60 bpm)" does
        s = s.replaceAll("(?i)\\b((?:brady|tachy)cardia)\\s*(?:of\\s+|with\\s+)?([<>≤≥]\\s*\\d+\\s*(?:bpm|beats?\\s*(?:/|per)\\s*min"
                + "(?:ute)?|/\\s*min)\\b)", "$1 (heart rate $2)");
        s = s.replaceAll("(\\d),(\\d{3})(?!\\d)", "$1$2").replaceAll("(\\d),(\\d{3})(?!\\d)", "$1$2");
        // a decimal comma before a unit or a comparison: "BMI > 18,5 < 30", "7,0 mmol/L" (a list, "class 2,3 or 4",
        // has neither)
        s = s.replaceAll("(?<![\\d,.])(\\d{1,3}),(\\d{1,2})(?=\\s*(?:%|[<>≤≥]|(?:mg|g|mmol|µmol|umol|mM|kg|mm|cm|ml|mL"
                + "|x\\s?10)\\b))", "$1.$2");
        // thousands written with dots, as much of Europe does, in a count per volume: "100.000/µl", "1.500.000 cells"
        s = s.replaceAll("(?<![\\d.])(\\d{1,3})\\.(\\d{3})\\.(\\d{3})(?![\\d.])", "$1$2$3")
                .replaceAll("(?<![\\d.])(\\d{1,3})\\.(\\d{3})(?=\\s*(?:/|x\\s*10|cells|per\\b))", "$1$2");
        // "100 K/cumm": thousands per mm³; pounds by the unit's own name
        s = s.replaceAll("(?i)(\\d)\\s*k\\s*/\\s*(?:cumm|cu\\.?\\s?mm|mm3|mm³|µl|μl|ul|mcl)\\b", "$1 x10^3/uL")
                .replaceAll("(?i)/\\s*cumm\\b", "/mm3")
                .replaceAll("(?i)(\\d)\\s*(?:lbs?|pounds?)\\b", "$1 lb");
        Matcher words = Pattern.compile("(?i)\\b(" + String.join("|", NUMBER_WORDS.keySet()) + ")\\b").matcher(s);
        s = words.replaceAll(m -> NUMBER_WORDS.get(m.group(1).toLowerCase(Locale.ROOT)));
        s = s.replaceAll("(?i)\\ba (year|month|week|day)\\b", "1 $1").replaceAll("(?i)\\btwice\\b", "2 times")
                .replaceAll("(?i)\\bthrice\\b", "3 times");
        // "three (3) years": a number written twice
        s = s.replaceAll("\\b(\\d+)\\s*\\(\\s*\\1\\s*\\)", "$1");
        for (Map.Entry<String, String> c : COMPARISONS.entrySet()) {
            s = Pattern.compile(c.getKey(), Pattern.CASE_INSENSITIVE).matcher(s).replaceAll(c.getValue() + " ");
        }
        // "between 20% and 40%", "from 3.0 to 6.5": one range, so that its "and" joins no clauses
        s = s.replaceAll("(?i)\\b(?:between|from)\\s+(\\d+(?:\\.\\d+)?)\\s*(%?)\\s*(?:and|to|-|–)\\s*(\\d+(?:\\.\\d+)?)",
                "$1 to $3");
        // "100 x 109/L", "75 x 109 cells/L": a power of ten whose superscript the record lost; "per cent", "per minute"
        s = s.replaceAll("(?i)(\\d)\\s*[x×]\\s*10(9|12)\\s*(?:cells\\s*)?/", "$1 x10^$2/")
                .replaceAll("(?i)(\\d)\\s*per\\s*cent\\b", "$1%")
                .replaceAll("(?i)\\bml\\s*(?:per\\s*min(?:ute)?|/\\s*mn)\\b", "mL/min")
                // "ml/min/1,73 m*m", "ml•min-1•1.73m-2": the filtration rate per body surface, however spelt
                .replaceAll("(?i)(?<![a-z])ml\\s*(?:/\\s*min\\s*/|[•·.]\\s*min-1\\s*[•·.])\\s*1[.,]73\\s*(?:m2|m²|m\\s?\\*\\s?m|m\\^2"
                        + "|m-2|sq\\.?\\s?m)(?![\\w²])", "mL/min/1.73m2");
        // "100 x 10^9/L", "2.5 × 10³/µL": the power of ten belongs to the unit
        s = s.replaceAll("(?i)(\\d)\\s*[x×]\\s*10\\s*(?:\\^|\\*|e)?\\s*(\\d+|[²³⁶⁹])\\s*/\\s*", "$1 x10^$2/")
                .replace("x10^³/", "x10^3/").replace("x10^⁶/", "x10^6/").replace("x10^⁹/", "x10^9/");
        // "20% above the upper limit of normal" is 1.2 × ULN: read as a percentage it would compare a creatinine in %
        Matcher percentAbove = Pattern.compile("(?i)(\\d+(?:\\.\\d+)?)\\s*%\\s*(?:above|over|greater than|higher than|>)"
                + "\\s*(?:the\\s+)?" + UPPER_LIMIT + "\\b").matcher(s);
        s = percentAbove.replaceAll(m -> times(1 + Double.parseDouble(m.group(1)) / 100) + " ×ULN");
        s = s.replaceAll("(?i)(\\d+(?:\\.\\d+)?)\\s*(?:x|×|times|-fold|fold)?\\s*(?:the\\s+)?(?:institutional\\s+|local\\s+"
                + "|site\\s+)?" + UPPER_LIMIT + "\\b", "$1 ×ULN");
        // "INR > 1.4 times normal", "2 x normal": a multiple of normal is a multiple of its upper limit
        s = s.replaceAll("(?i)(\\d+(?:\\.\\d+)?)\\s*(?:x|×|times|-fold|fold)\\s*(?:the\\s+)?normal(?:\\s+(?:value|level|range)s?)?\\b",
                "$1 ×ULN");
        // a full stop after an abbreviated unit before a second bound ends no sentence: "TBUT > 5 sec. and < 10 sec."
        s = s.replaceAll("(\\d\\s*[a-zA-Zµμ][\\w/µμ²³]*)\\.\\s+(and|or|but)\\s+(?=[<>≤≥]\\s*\\d)", "$1 $2 ");
        // a unit that ends in a digit run into the comparison after it, as some exports join them: "50 cells/mm3or
        // less" (only the comparison: a condition run in, "mm3if not taking ART", is left unread)
        s = s.replaceAll("(?i)(\\d\\s*[a-zµμ]*/(?:mm3|mm2|cm2|m2|mm³|m²))(?=or\\s+(?:less|more|greater|higher|lower"
                + "|fewer|above|below|over)\\b)", "$1 ");
        // "25% or greater", "2 mg/dL or more": the comparison written after its number; time ("18 years or over") is
        // left to the readers of ages and durations
        Matcher orMore = Pattern.compile("(?i)(?<![\\d.])(\\d+(?:\\.\\d+)?)(\\s*(?:%|[a-zµμ/][\\w/.^µμ²³]*))?\\s+or\\s+"
                + "(greater|more|higher|above|over|less|lower|below|fewer)\\b(?:\\s+than)?").matcher(s);
        s = orMore.replaceAll(m -> {
            String unit = m.group(2) == null ? "" : m.group(2);
            if (TIME.matcher(unit.strip()).matches()) {
                return Matcher.quoteReplacement(m.group());
            }
            String word = m.group(3).toLowerCase(Locale.ROOT);
            boolean atLeast = word.equals("greater") || word.equals("more") || word.equals("higher")
                    || word.equals("above") || word.equals("over");
            return Matcher.quoteReplacement((atLeast ? "≥ " : "≤ ") + m.group(1) + unit);
        });
        // "ANC < 750/mm3 even if receiving G-CSF": what holds whatever else is true adds nothing to the rule
        s = s.replaceAll("(?i),?\\s*\\beven (?:if|when|though|while|with)\\b[^,;.()]*", "");
        // a comparison said twice: "less than (<) 90 mmHg", "less than or equal to [<=] Grade 1"
        s = s.replaceAll("([<>≤≥])\\s*[(\\[]\\s*(?:[<>≤≥=]\\s*){1,2}[)\\]]", "$1");
        // units as sentences spell them: "9 gm/dl", "1000/mcl", "75,000 per microL", "7.0 mM", "30 mL/minute", "40 percent"
        // "serum transaminases > 3 × ULN" are ALT and AST, each held to the limit (a slash: either, in an exclusion)
        s = s.replaceAll("(?i)(?<!alanine\\s|aspartate\\s)\\b(?:(?:serum|liver|hepatic)\\s+)?(?:(?:amino)?transaminases?|amino-?"
                + "transferases?)(?:\\s+(?:levels?|concentrations?))?"
                + "(?=[^.;,]{0,40}?(?:[<>≤≥]|\\d+(?:\\.\\d+)?\\s*(?:x|×|times|-?fold)\\b))", "ALT/AST");
        s = s.replaceAll("(?i)\\bmilli-?units?\\s*(?:/|per)\\s*millilit(?:er|re)\\b", "mU/mL");
        // "outside the range of 100-160 mmHg" is below the one or above the other
        s = s.replaceAll("(?i)\\boutside\\s+(?:of\\s+)?(?:the\\s+)?(?:normal\\s+)?range\\s+(?:of\\s+)?(\\d+(?:\\.\\d+)?)\\s*"
                + "(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?)\\s*(mmHg|%|[a-zµ]+/[a-zµ0-9.]+)?", "< $1 $3 or > $2 $3");
        // "including but not limited to" lists examples; its "but not" is no exception
        s = s.replaceAll("(?i),?\\s*\\(?but not limited to\\)?,?", "");
        // "non diabetic nephropathy" is "non-diabetic": the "non" must stay with the word it negates
        s = s.replaceAll("\\b([Nn]on)\\s+(?=[a-z])", "$1-");
        // the Karnofsky scale counts in per cent of normal activity: "KPS ≥ 70%" is a score of 70
        s = s.replaceAll("(?i)\\b((?:karn[oa]\\w*|KPS)\\b[^<>≤≥\\d;]{0,60}[<>≤≥]\\s*\\d{2,3})\\s*%", "$1");
        s = s.replaceAll("(?i)(\\d)\\s*gms?\\s*/\\s*dl\\b", "$1 g/dL")
                .replaceAll("(?i)(?:/\\s*|\\s+per\\s+)(?:mcl|microl(?:iter|itre)?|micro-?l)\\b", "/µL")
                .replaceAll("(?i)/\\s*mmc\\b", "/mm3").replaceAll("(\\d)\\s*mM\\b", "$1 mmol/L")
                .replaceAll("(?i)\\bml\\s*/\\s*minute\\b", "mL/min").replaceAll("(?i)(\\d)\\s*percent\\b(?:\\s*\\(%\\))?", "$1%");
        // powers written with a caret ("kg/m^2", "mm^3"), "> or = to 11.5", and degrees ("38 °C", "37℃")
        s = s.replaceAll("(?<=[a-zA-Z])\\^([23])\\b", "$1").replaceAll("([≥≤])\\s*to\\s+(?=\\d)", "$1 ")
                .replace("℃", "°C").replace("℉", "°F").replaceAll("(\\d)\\s*[°º]\\s*([CF])\\b", "$1 $2");
        // units spelled with spaces: "140 mm Hg", "6 g / dL", "2500 / mm3", "mL/min per 1.73 m2", "mL /min /1,73m"
        s = s.replaceAll("(?i)(\\d)\\s*mm\\s+hg\\b", "$1 mmHg")
                .replaceAll("(\\d\\s*[a-zA-Zµμ]{1,5})\\s*/\\s*([a-zA-Zµμ]{1,5}\\d?)\\b", "$1/$2")
                .replaceAll("(\\d)\\s*/\\s+(?=[a-zA-Zµμ])", "$1/")
                .replaceAll("(?i)ml\\s*/\\s*min(?:ute)?\\s*(?:per|/)\\s*1[.,]73\\s*(?:m2|m²|m\\^2|sq\\.?\\s?m|m)\\b",
                        "mL/min/1.73m2")
                .replaceAll("(?i)(\\d)\\s*ml\\s+per\\s+min(?:ute)?\\b", "$1 mL/min")
                .replaceAll("(?i)(\\d)\\s*millimoles?\\s*(?:\\(mmol\\))?\\s*(?:/|per\\s+)\\s*(?:L|lit(?:re|er))\\b", "$1 mmol/L")
                .replaceAll("(?i)(\\d)\\s*grams?\\s*(?:per\\s+|/\\s*)decilit(?:re|er)s?\\b(?:\\s*\\(g/dl\\))?", "$1 g/dL")
                .replaceAll("(?i)/\\s*lit(?:re|er)s?\\b(?:\\s*\\(L\\))?", "/L")
                .replaceAll("(?i)(\\d)\\s*(?:/|per)\\s*cubic\\s*(?:mm|millimet(?:er|re))s?\\b", "$1/mm3")
                .replaceAll("(?i)(\\d)\\s*kilo(?:gram)?s?\\s+per\\s+(?:square\\s+)?met(?:er|re)s?(?:\\s+squared?)?"
                        + "(?:\\s*\\(kg/m\\^?2\\))?", "$1 kg/m2")
                .replaceAll("(?i)(\\d)\\s*grams?\\s+per\\s+lit(?:re|er)\\b", "$1 g/L")
                .replaceAll("(?i)(\\d\\s*[a-zµμ]{1,5})\\s+per\\s+lit(?:re|er)\\b", "$1/L")
                // a power of ten whose superscript was lost: "100 109/L" is 100 × 10⁹/L
                .replaceAll("(\\d)\\s+(?:[x×]\\s*)?10([369])\\s*/\\s*(L|l|µl|μl|uL|ul|mm3)\\b", "$1 x10^$2/$3");
        // "BP > 140/90 mmHg" is above either limit, "BP < 140/90" below both: the two pressures, each with its own
        s = PRESSURES_BETWEEN.matcher(s).replaceAll("≥ $1 and ≤ $2");
        s = BLOOD_PRESSURE.matcher(s).replaceAll(m -> Matcher.quoteReplacement(pressures(m.group(1), m.group(2),
                m.group(3)) + (m.group(4) == null ? "" : " and " + pressures(m.group(4), m.group(5), m.group(6)))));
        // "including natalizumab and fingolimod" is one list, not two clauses
        s = s.replaceAll("(?i),?\\s*(?<!\\()\\b(including|such as|e\\.g\\.,?)\\s+([^;.()]+?)(?=,?\\s*(?:unless|except|excluding|other than|within|in the (?:last|past)"
                + "|during|prior|before)\\b|[;.(]|$)", " ($1 $2)");
        // "SBP < 80 mmHg / MAP < 50 mmHg": a spaced slash after a threshold, before another name, is "or"
        s = s.replaceAll("(?i)(\\d\\s*(?:mmHg|%))\\s*/\\s*(?=[a-z]{4,}\\b)(?!(?:day|days|week|weeks|month|months|year|years"
                + "|hour|hours|minute|minutes|litre|liter)\\b)", "$1 or ");
        return s.replaceAll("\\s+", " ").replaceAll("\\s+([,.;:])", "$1").trim();
    }
}
