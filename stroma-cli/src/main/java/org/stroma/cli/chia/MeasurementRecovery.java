package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.MeasurementRule;

/**
 * Chia's numeric thresholds — a {@code Has_value} relation from a {@code Measurement} to a {@code Value} with a number
 * in it — and whether Stroma compiled them. A pair is matched by the measurement (or class) rules of the same criterion whose
 * words are the Measurement's ({@link LineAnchors}); it is recovered <em>exactly</em> when one of them states the
 * threshold ({@link ThresholdMatch}), <em>wrongly</em> when some match but none states it (another number, comparison
 * or unit), and <em>missed</em> when none matches. Values without a number ("positive") are counted apart.
 */
public final class MeasurementRecovery {
    private static final Pattern OUTSIDE = Pattern.compile("([<≤]\\s*\\d+(?:\\.\\d+)?)\\s*(?:and|or)\\s*([>≥]\\s*\\d+(?:\\.\\d+)?)"
            + "|(?i)outside\\D*?(\\d+(?:\\.\\d+)?)\\s*(?:-|–|to)\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern PRESSURES = Pattern.compile("(\\d{2,3})\\s*/\\s*(\\d{2,3})(?!\\d)");
    private final ConceptDictionary dictionary;
    private int pairs;
    private int notNumeric;
    private int exact;
    private int wrong;
    private int missed;
    private int signLost;
    private int exactOfSignKept;
    private final List<WrongThreshold> wrongOnes = new ArrayList<>();
    private final List<WrongThreshold> missedOnes = new ArrayList<>();

    public MeasurementRecovery(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
    }

    public void add(EvaluatedLine line) {
        BratDocument d = line.document();
        for (BratRelation r : d.relations("Has_value")) {
            BratEntity measurement = d.entity(r.from()).orElse(null);
            BratEntity valueEntity = d.entity(r.to()).orElse(null);
            if (measurement == null || valueEntity == null || !measurement.type().equals("Measurement")
                    || !valueEntity.type().equals("Value") || !line.onLine(measurement)) {
                continue;
            }
            pairs++;
            ChiaValue value = ChiaValue.read(valueEntity.text());
            if (value == null) {
                notNumeric++;
                continue;
            }
            boolean lost = ChiaValue.signLost(valueEntity.text());
            if (lost) {
                signLost++;
            }
            int exactBefore = exact;
            // a value may name its measurement by its unit: "a smoking history of 10 pack years"
            List<MeasurementRule> rules = Stream.concat(line.leavesFrom(measurement).stream(),
                    line.leavesFrom(valueEntity).stream()).distinct()
                    .filter(l -> l.rule() instanceof MeasurementRule).map(l -> (MeasurementRule) l.rule()).toList();
            List<ClassRule> classes = line.leavesFrom(measurement).stream()
                    .filter(l -> l.rule() instanceof ClassRule).map(l -> (ClassRule) l.rule()).toList();
            if (!classes.isEmpty() && rules.isEmpty()) {
                // "ASA 1-3" compiled as the classes I, II and III
                if (classes.stream().anyMatch(c -> ThresholdMatch.exactClasses(value, c))) {
                    exact++;
                } else {
                    wrong++;
                    wrongOnes.add(new WrongThreshold(line.trial(), line.line().criterionId(), line.line().text(),
                            measurement.text(), valueEntity.text(), classes.stream().map(ClassRule::ruleText).toList()));
                }
            } else if (rules.isEmpty()) {
                missed++;
                missedOnes.add(new WrongThreshold(line.trial(), line.line().criterionId(), line.line().text(),
                        measurement.text(), valueEntity.text(), List.of(line.compiled().rule().ruleText())));
            } else if (OUTSIDE.matcher(valueEntity.text()).find() ? bothSides(valueEntity.text(), rules)
                    : PRESSURES.matcher(valueEntity.text()).find() && rules.stream().anyMatch(x -> x.concept()
                    .endsWith("_bp")) ? bothPressures(valueEntity.text(), rules)
                    : rules.stream().anyMatch(m -> ThresholdMatch.exact(value, m, dictionary)
                            || ThresholdMatch.exactWithOtherBound(value, otherBounds(d, r), m, dictionary))) {
                exact++;
            } else {
                wrong++;
                wrongOnes.add(new WrongThreshold(line.trial(), line.line().criterionId(), line.line().text(),
                        measurement.text(), valueEntity.text(),
                        rules.stream().map(MeasurementRule::ruleText).toList()));
            }
            if (!lost && exact > exactBefore) {
                exactOfSignKept++;
            }
        }
    }

    /**
     * "&gt; 140/90": a systolic and a diastolic limit at once, recovered when a rule on each pressure states its own —
     * the comparison written once for both.
     */
    private boolean bothPressures(String words, List<MeasurementRule> rules) {
        Matcher m = PRESSURES.matcher(words);
        m.find();
        ChiaValue systolic = ChiaValue.read(m.replaceFirst(m.group(1)));
        ChiaValue diastolic = ChiaValue.read(PRESSURES.matcher(words).replaceFirst(m.group(2)));
        return rules.stream().anyMatch(x -> x.concept().equals("systolic_bp") && ThresholdMatch.exact(systolic, x, dictionary))
                && rules.stream().anyMatch(x -> x.concept().equals("diastolic_bp")
                        && ThresholdMatch.exact(diastolic, x, dictionary));
    }

    /** "&lt;18 and &gt; 35", "outside the range of 100-160": recovered when one rule states each side. */
    private boolean bothSides(String words, List<MeasurementRule> rules) {
        Matcher m = OUTSIDE.matcher(words);
        m.find();
        String unit = words.substring(m.end());
        boolean range = m.group(1) == null;
        ChiaValue below = ChiaValue.read((range ? "< " + m.group(3) : m.group(1)) + unit);
        ChiaValue above = ChiaValue.read((range ? "> " + m.group(4) : m.group(2)) + unit);
        return rules.stream().anyMatch(x -> ThresholdMatch.exact(below, x, dictionary))
                && rules.stream().anyMatch(x -> ThresholdMatch.exact(above, x, dictionary));
    }

    /**
     * The bare numbers of the measurement's other values: "130mmHg=SBP<180mmHg" is annotated as two values, "130mmHg"
     * and "<180mmHg", of one range.
     */
    private static List<Double> otherBounds(BratDocument d, BratRelation pair) {
        List<Double> bounds = new ArrayList<>();
        for (BratRelation r : d.relations("Has_value")) {
            if (r.from().equals(pair.from()) && !r.to().equals(pair.to())) {
                d.entity(r.to()).map(e -> ChiaValue.read(e.text())).filter(v -> v != null && !v.comparisonStated())
                        .ifPresent(v -> bounds.add(v.number()));
            }
        }
        return bounds;
    }

    /** Every Measurement–Value pair on the criteria, numeric or not. */
    public int pairs() {
        return pairs;
    }

    public int notNumeric() {
        return notNumeric;
    }

    public int numeric() {
        return pairs - notNumeric;
    }

    public int exact() {
        return exact;
    }

    public int wrong() {
        return wrong;
    }

    /** The pairs recovered wrongly, for review. */
    public List<WrongThreshold> wrongOnes() {
        return List.copyOf(wrongOnes);
    }

    /** The pairs no measurement rule came from, each with the criterion's whole rule. */
    public List<WrongThreshold> missedOnes() {
        return List.copyOf(missedOnes);
    }

    public int missed() {
        return missed;
    }

    /** The numeric pairs whose value is a number after an equals sign alone, its ≤ or ≥ lost ({@link ChiaValue#signLost}). */
    public int signLost() {
        return signLost;
    }

    /** The pairs recovered exactly among those whose value kept its comparison. */
    public int exactOfSignKept() {
        return exactOfSignKept;
    }
}
