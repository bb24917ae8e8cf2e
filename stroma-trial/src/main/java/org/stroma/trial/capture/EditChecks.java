package org.stroma.trial.capture;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.stroma.protocol.ScientificNotation;

/**
 * The checks a form's values go through when saved: each item's type, code list, required flag and ranges, then the
 * form's cross-field checks, then the visit window. Values arrive as text, as a person types them.
 */
public final class EditChecks {
    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+([.,]\\d*)?|[.,]\\d+)");
    /** The name the assessment date goes by in findings and the audit trail, beside the form's items. */
    public static final String ASSESSED_ON = "assessed_on";

    private EditChecks() {
    }

    public static List<Finding> run(FormDef form, Map<String, String> values, VisitWindow window) {
        List<Finding> findings = new ArrayList<>();
        for (String id : values.keySet()) {
            if (form.item(id).isEmpty()) {
                findings.add(new Finding(id, Finding.Kind.REFUSAL, "form " + form.id() + " has no item " + id));
            }
        }
        Map<String, Double> numbers = new HashMap<>();
        for (ItemDef item : form.items()) {
            String raw = values.get(item.id());
            String value = raw == null ? "" : raw.strip();
            if (value.isEmpty()) {
                if (item.required()) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + " is required"));
                }
                continue;
            }
            check(item, value, findings, numbers);
        }
        for (CrossCheck c : form.checks()) {
            Double a = numbers.get(c.left());
            Double b = numbers.get(c.right());
            if (a != null && b != null && !c.holds(a, b)) {
                findings.add(new Finding(c.left(), Finding.Kind.QUERY, c.message() + ": " + label(form.item(c.left())
                        .orElseThrow()) + " " + plain(a) + " is not " + c.comparison().symbol() + " " + label(form.item(
                        c.right()).orElseThrow()) + " " + plain(b)));
            }
        }
        if (window != null && window.outside()) {
            findings.add(new Finding(null, Finding.Kind.QUERY, window.describe()));
        }
        return findings;
    }

    /** The day a form's assessment was made, queried outside its visit's window. None given, nothing to check. */
    public static List<Finding> assessment(LocalDate assessedOn, VisitWindow window) {
        if (assessedOn != null && window != null && window.opens() != null && window.closes() != null
                && (assessedOn.isBefore(window.opens()) || assessedOn.isAfter(window.closes()))) {
            return List.of(new Finding(ASSESSED_ON, Finding.Kind.QUERY, "assessed on " + assessedOn + ", outside the"
                    + " window of visit " + window.visit() + " (" + window.opens() + " to " + window.closes() + ")"));
        }
        return List.of();
    }

    private static void check(ItemDef item, String value, List<Finding> findings, Map<String, Double> numbers) {
        switch (item.type()) {
            case INTEGER, DECIMAL -> {
                // digits as a person types them, a decimal point or comma: not Java's "NaN", "1e2" or "120d"
                if (!NUMBER.matcher(value.strip()).matches()) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + ": '" + value + "' is not a"
                            + " number"));
                    return;
                }
                double x = Double.parseDouble(value.strip().replace(',', '.'));
                if (item.type() == ItemType.INTEGER && x != Math.rint(x)) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + ": " + value + " is not a"
                            + " whole number"));
                    return;
                }
                if (item.lowest() != null && x < item.lowest() || item.highest() != null && x > item.highest()) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + ": " + value + unit(item)
                            + " is not possible (" + bounds(item.lowest(), item.highest(), item) + "); check the"
                            + " value and its unit"));
                    return;
                }
                if (item.low() != null && x < item.low() || item.high() != null && x > item.high()) {
                    findings.add(new Finding(item.id(), Finding.Kind.QUERY, label(item) + ": " + value + unit(item)
                            + " is outside the expected " + bounds(item.low(), item.high(), item) + "; please confirm"));
                }
                numbers.put(item.id(), x);
            }
            case DATE -> {
                try {
                    if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                        throw new DateTimeParseException("not YYYY-MM-DD", value, 0);
                    }
                    LocalDate.parse(value);
                } catch (DateTimeParseException e) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + ": '" + value + "' is not a"
                            + " date (YYYY-MM-DD)"));
                }
            }
            case BOOLEAN -> {
                if (!value.equals("yes") && !value.equals("no")) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + ": '" + value + "' is not"
                            + " yes or no"));
                }
            }
            case CODED -> {
                if (!item.codes().contains(value)) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + ": '" + value + "' is not"
                            + " one of " + item.codes()));
                }
            }
            case TEXT -> {
                if (value.length() > 2000) {
                    findings.add(new Finding(item.id(), Finding.Kind.REFUSAL, label(item) + " is longer than 2000"
                            + " characters"));
                }
            }
        }
    }

    private static String label(ItemDef item) {
        return item.label() + " (" + item.id() + ")";
    }

    private static String unit(ItemDef item) {
        return item.unit() == null ? "" : " " + item.unit();
    }

    private static String bounds(Double low, Double high, ItemDef item) {
        String u = unit(item);
        if (low != null && high != null) {
            return plain(low) + "–" + plain(high) + u;
        }
        return low != null ? "at least " + plain(low) + u : "at most " + plain(high) + u;
    }

    private static String plain(double x) {
        return ScientificNotation.plain(x);
    }
}
