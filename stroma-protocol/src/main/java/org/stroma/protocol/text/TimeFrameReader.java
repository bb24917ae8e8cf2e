package org.stroma.protocol.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeAnchor;
import org.stroma.protocol.TimeFrame;
import org.stroma.protocol.TimePoint;
import org.stroma.protocol.TimeRange;
import org.stroma.protocol.TimeUnit;

/**
 * Reads an outcome's free-text time frame into time points, a period, a visit window and the anchor event.
 *
 * <p>The registry asks for "the time point(s) at which the outcome is assessed", so a bare duration ("12 months",
 * "24 weeks from the first infusion") is read as a time point; "up to", "over the first", "during", "within" and
 * "between … and …" give a period. "Baseline", "before injection", "screening" and "day 0" give the baseline point.
 */
public final class TimeFrameReader {
    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(
            Map.entry("one", "1"), Map.entry("two", "2"), Map.entry("three", "3"), Map.entry("four", "4"),
            Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"), Map.entry("eight", "8"),
            Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("eighteen", "18"), Map.entry("twenty", "20"), Map.entry("thirty", "30"),
            Map.entry("sixty", "60"), Map.entry("ninety", "90"));
    private static final Pattern NUMBER_WORD = Pattern.compile(
            "\\b(" + String.join("|", NUMBER_WORDS.keySet()) + ")\\b");

    private static final String UNIT = "(?:minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|wk|w|months?|mos?|mo|m"
            + "|years?|yrs?|y)";
    private static final String NUM = "\\d+(?:\\.\\d+)?";
    private static final String LIST_SEP = "\\s*(?:,\\s*(?:and|or|&)?|and|or|&|;)\\s*";
    private static final String TO = "\\s*(?:-|to|through|thru|until|till)\\s*";

    private static final Pattern WINDOW = Pattern.compile(
            "\\(?\\s*(?:±|\\+/-|\\+-|plus or minus)\\s*(" + NUM + ")\\s*(" + UNIT + ")\\b\\s*\\)?,?");
    /** "Week 1, 2, 3", "months 12, 24 and 48", "day 7 to day 90", "years 1-2". */
    private static final Pattern UNIT_FIRST = Pattern.compile(
            "\\b(" + UNIT + ")\\s*(" + NUM + "(?:" + LIST_SEP + "(?:\\1\\s*)?" + NUM + "(?![\\d.]*\\s*" + UNIT + "\\b))*)"
                    + "(?:" + TO + "(?:\\1\\s*)?(" + NUM + "))?(?!\\s*[-.]?\\s*" + UNIT + "\\b)");
    /** "3, 6 and 12 months", "24 weeks", "12-month", "5 to 60 minutes". */
    private static final Pattern UNIT_LAST = Pattern.compile(
            "(?<![\\w.])(" + NUM + "(?:" + LIST_SEP + NUM + ")*)(?:" + TO + "(" + NUM + "))?\\s*-?\\s*(" + UNIT + ")\\b");
    private static final Pattern BETWEEN = Pattern.compile(
            "\\bbetween\\s+(?:(" + UNIT + ")\\s*)?(" + NUM + ")\\s*(" + UNIT + ")?\\s+and\\s+(?:(" + UNIT + ")\\s*)?("
                    + NUM + ")\\s*(" + UNIT + ")?\\b");
    private static final Pattern PERIOD_WORD = Pattern.compile(
            "\\b(?:up to|upto|within|during|over|throughout|through|for|in the first|first|until|till|maximum of"
                    + "|duration of|follow(?:ed)?[- ]up(?: of| for)?)\\s*(?:the\\s+|a\\s+)?(?:first\\s+|initial\\s+"
                    + "|entire\\s+|whole\\s+|last\\s+|past\\s+|previous\\s+|preceding\\s+)?(?:period\\s+of\\s+)?(?:approximately\\s+|about\\s+|around\\s+"
                    + "|an average of\\s+|a median of\\s+|a maximum of\\s+)?$");
    private static final Pattern BASELINE = Pattern.compile(
            "\\bbase-?line\\b|\\bbasal\\b|\\bscreening\\b|\\bpre-?(?:treatment|injection|infusion|dose|operative|op"
                    + "|procedure|transplant(?:ation)?|randomi[sz]ation|intervention)\\b|\\b(?:before|prior to)\\s+"
                    + "(?:the\\s+)?(?:first\\s+)?(?:injection|infusion|treatment|administration|surgery|procedure"
                    + "|randomi[sz]ation|transplant(?:ation)?|intervention|dosing|implant(?:ation)?|therapy|enrol+ment)"
                    + "|\\b(?:day|week|month)\\s*0\\b|\\bd0\\b|\\bat (?:inclusion|enrol+ment|randomi[sz]ation)\\b");

    private static final String ADMINISTRATION = "(?:injections?|infusions?|administrations?|dos(?:e|es|ing)"
            + "|treatments?|transplant(?:ation)?s?|implant(?:ation)?s?|therapy|procedure|cell therapy|interventions?"
            + "|transfusions?|vaccinations?|act)";
    private static final Pattern LAST_ADMINISTRATION = Pattern.compile(
            "\\b(?:last|final|end of)\\s+(?:study\\s+)?" + ADMINISTRATION);
    private static final Pattern RANDOMIZATION = Pattern.compile("\\brandomi[sz](?:ation|ed)\\b");
    private static final Pattern ENROLLMENT = Pattern.compile(
            "\\b(?:enrol+(?:ment|ed)?|inclusion|study entry|informed consent|consent)\\b");
    private static final String ADMINISTERED = "(?:the\\s+|a\\s+)?(?:first\\s+|initial\\s+|single\\s+|index\\s+"
            + "|study\\s+|cell\\s+|msc\\s+)*" + ADMINISTRATION + "\\b";
    /** Counting from the administration: "24 weeks from the first infusion", "post-infusion", "postdose". */
    private static final Pattern AFTER_ADMINISTRATION = Pattern.compile(
            "\\b(?:from|form|after|post|following|since|of|receiving)[- ]+" + ADMINISTERED
                    + "|\\bpost-?" + ADMINISTRATION + "\\b|\\bpost-?dose\\b");
    /** Only a baseline before the administration ("before injection and at 3, 6 and 12 months"). */
    private static final Pattern BEFORE_ADMINISTRATION = Pattern.compile(
            "\\b(?:before|prior to)[- ]+" + ADMINISTERED + "|\\bpre-?dose\\b");
    private static final Pattern AFTER_PROCEDURE = Pattern.compile(
            "\\b(?:after|post|following|from)[- ]+(?:the\\s+)?(?:surgery|operation|operative|op\\b)"
                    + "|\\bpost-?operative(?:ly)?\\b|\\bpost-?op\\b");
    private static final Pattern BEFORE_PROCEDURE = Pattern.compile(
            "\\b(?:before|prior to)[- ]+(?:the\\s+)?(?:surgery|operation)");
    private static final Pattern BIRTH = Pattern.compile("\\b(?:after birth|of life|gestational age|postnatal)\\b");

    private TimeFrameReader() {
    }

    public static TimeFrame read(String text) {
        if (text == null || text.isBlank()) {
            return TimeFrame.notUnderstood();
        }
        String s = normalise(text);

        Offset window = null;
        Matcher w = WINDOW.matcher(s);
        while (w.find()) {
            window = window == null ? new Offset(Double.parseDouble(w.group(1)), unit(w.group(2))) : window;
        }
        s = WINDOW.matcher(s).replaceAll(" ");

        Set<TimePoint> points = new LinkedHashSet<>();
        TimeRange range = null;
        if (BASELINE.matcher(s).find()) {
            points.add(TimePoint.atBaseline());
        }

        Matcher between = BETWEEN.matcher(s);
        if (between.find()) {
            String lowUnit = first(between.group(1), between.group(3), between.group(4), between.group(6));
            String highUnit = first(between.group(4), between.group(6), lowUnit, null);
            if (lowUnit != null) {
                range = new TimeRange(offset(between.group(2), lowUnit), offset(between.group(5), highUnit));
                s = blank(s, between.start(), between.end());
            }
        }

        List<int[]> taken = new ArrayList<>();
        Matcher uf = UNIT_FIRST.matcher(s);
        while (uf.find()) {
            if (isMeasurementUnitShorthand(uf.group(1))) {
                continue; // "m" or "h" before a number is more often something else ("h 2" is not a time)
            }
            TimeUnit unit = unit(uf.group(1));
            List<Double> values = numbers(uf.group(2));
            if (uf.group(3) != null && values.size() == 1) {
                range = range != null ? range
                        : new TimeRange(new Offset(values.get(0), unit), offset(uf.group(3), uf.group(1)));
            } else {
                values.forEach(v -> points.add(TimePoint.at(v, unit)));
            }
            taken.add(new int[] {uf.start(), uf.end()});
        }

        Matcher ul = UNIT_LAST.matcher(s);
        while (ul.find()) {
            if (overlaps(taken, ul.start(), ul.end()) || isMeasurementUnitShorthand(ul.group(3))) {
                continue;
            }
            TimeUnit unit = unit(ul.group(3));
            List<Double> values = numbers(ul.group(1));
            String before = s.substring(Math.max(0, ul.start() - 40), ul.start());
            boolean period = PERIOD_WORD.matcher(before).find();
            if (ul.group(2) != null && values.size() == 1) {
                range = range != null ? range
                        : new TimeRange(new Offset(values.get(0), unit), offset(ul.group(2), ul.group(3)));
            } else if (period && values.size() == 1) {
                range = range != null ? range : new TimeRange(new Offset(0, unit), new Offset(values.get(0), unit));
            } else {
                values.forEach(v -> points.add(TimePoint.at(v, unit)));
            }
        }

        boolean understood = points.stream().anyMatch(p -> !p.baseline()) || range != null
                || (points.size() == 1 && s.replaceAll("[^a-z]", "").length() < 40);
        if (!understood) {
            return TimeFrame.notUnderstood();
        }
        List<TimePoint> ordered = new ArrayList<>();
        boolean baseline = points.stream().anyMatch(TimePoint::baseline);
        for (TimePoint p : points) {
            // day 0 is the baseline when the text names one; "4 years (month 48)" names one time twice
            boolean zeroAtBaseline = baseline && !p.baseline() && p.offset().amount() == 0;
            boolean sameTime = !p.baseline() && ordered.stream().anyMatch(q -> !q.baseline()
                    && Math.abs(q.offset().approximateDays() - p.offset().approximateDays()) < 0.5);
            if (!zeroAtBaseline && !sameTime) {
                ordered.add(p);
            }
        }
        ordered.sort(Comparator.comparing((TimePoint p) -> !p.baseline())
                .thenComparing(p -> p.baseline() ? 0 : p.offset().approximateDays()));
        return new TimeFrame(anchor(s), ordered, range, window, true);
    }

    /**
     * The event the text counts from, or null when it names none. An event the time points come after ("12 months
     * after surgery") outranks one the baseline comes before ("before treatment").
     */
    static TimeAnchor anchor(String s) {
        if (LAST_ADMINISTRATION.matcher(s).find()) {
            return TimeAnchor.LAST_ADMINISTRATION;
        }
        if (RANDOMIZATION.matcher(s).find()) {
            return TimeAnchor.RANDOMIZATION;
        }
        if (AFTER_ADMINISTRATION.matcher(s).find()) {
            return TimeAnchor.FIRST_ADMINISTRATION;
        }
        if (AFTER_PROCEDURE.matcher(s).find()) {
            return TimeAnchor.PROCEDURE;
        }
        if (BIRTH.matcher(s).find()) {
            return TimeAnchor.BIRTH;
        }
        if (ENROLLMENT.matcher(s).find()) {
            return TimeAnchor.ENROLLMENT;
        }
        if (BEFORE_ADMINISTRATION.matcher(s).find()) {
            return TimeAnchor.FIRST_ADMINISTRATION;
        }
        if (BEFORE_PROCEDURE.matcher(s).find()) {
            return TimeAnchor.PROCEDURE;
        }
        return null;
    }

    private static String normalise(String text) {
        String s = RegistryText.clean(text).toLowerCase(Locale.ROOT)
                .replace("½", ".5").replace("¼", ".25").replace("¾", ".75");
        s = s.replaceAll("(\\d)\\s+\\.(\\d)", "$1.$2"); // "15 .5 months" after replacing "15 ½"
        s = NUMBER_WORD.matcher(s).replaceAll(m -> NUMBER_WORDS.get(m.group(1)));
        s = s.replaceAll("\\bone\\b", "1").replaceAll("\\b(?:a|one)\\s+(?=(?:week|month|year|day)\\b)", "1 ");
        // "first day", "first and second day": ordinal days and weeks
        s = Pattern.compile("\\b(first|second|third|fourth|fifth|sixth|seventh)((?:\\s*(?:,|and|or)\\s*(?:first|second"
                + "|third|fourth|fifth|sixth|seventh))*)\\s+(day|week|month|year)s?\\b").matcher(s).replaceAll(m -> {
                    String ordinals = (m.group(1) + m.group(2)).replaceAll("first", "1").replaceAll("second", "2")
                            .replaceAll("third", "3").replaceAll("fourth", "4").replaceAll("fifth", "5")
                            .replaceAll("sixth", "6").replaceAll("seventh", "7");
                    return m.group(3) + " " + ordinals;
                });
        // "baseline (day 1)", "baseline (week 0)": the label of the baseline visit, not another time point
        s = s.replaceAll("(base-?line(?:\\s+visit)?)\\s*\\(\\s*(?:day|week|d|w)\\s*-?\\d+\\s*\\)", "$1");
        // "D0", "D90", "W12", "M6": day/week/month shorthands glued to the number
        s = s.replaceAll("\\bd(\\d+)\\b", "day $1").replaceAll("\\bw(\\d+)\\b", "week $1")
                .replaceAll("\\bm(\\d+)\\b", "month $1");
        return s;
    }

    private static boolean isMeasurementUnitShorthand(String unit) {
        return unit.equals("m") || unit.equals("h") || unit.equals("d") || unit.equals("w") || unit.equals("y");
    }

    static TimeUnit unit(String text) {
        String u = text.toLowerCase(Locale.ROOT);
        if (u.startsWith("mi")) {
            return TimeUnit.MINUTE;
        }
        if (u.startsWith("h")) {
            return TimeUnit.HOUR;
        }
        if (u.startsWith("d")) {
            return TimeUnit.DAY;
        }
        if (u.startsWith("w")) {
            return TimeUnit.WEEK;
        }
        if (u.startsWith("m")) {
            return TimeUnit.MONTH;
        }
        return TimeUnit.YEAR;
    }

    private static Offset offset(String amount, String unit) {
        return new Offset(Double.parseDouble(amount), unit(unit));
    }

    private static List<Double> numbers(String list) {
        List<Double> values = new ArrayList<>();
        Matcher m = Pattern.compile(NUM).matcher(list);
        while (m.find()) {
            values.add(Double.parseDouble(m.group()));
        }
        return values;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        return spans.stream().anyMatch(span -> start < span[1] && end > span[0]);
    }

    private static String blank(String s, int start, int end) {
        return s.substring(0, start) + " ".repeat(end - start) + s.substring(end);
    }

    private static String first(String a, String b, String c, String d) {
        return a != null ? a : b != null ? b : c != null ? c : d;
    }
}
