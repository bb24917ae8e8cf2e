package org.stroma.protocol.text;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Dose;
import org.stroma.protocol.Quantity;

/**
 * Reads a cell dose from free text: the cell count (fixed or a range, per kilogram or not) and, when the same text
 * gives them, the volume, the infusion rate and the infusion duration ("1×10⁷ … in 20 ml … over 10 minutes (2 ml/min)").
 */
public final class DoseReader {
    private static final String AMOUNT = "(\\d+(?:[.,]\\d+)?)";
    private static final Pattern RATE = Pattern.compile(
            AMOUNT + "\\s*(?:ml|cc|millilit(?:re|er)s?)\\s*(?:/|per|an?)\\s*(?:min(?:ute)?|(?<hour>h(?:ou)?r?))\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern VOLUME = Pattern.compile(
            AMOUNT + "\\s*(?:ml|cc|millilit(?:re|er)s?)\\b(?!\\s*(?:/|per\\b))", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile(
            "(?:over|during|for|within)\\s+(?:a\\s+(?:period|time)\\s+of\\s+|about\\s+|approximately\\s+)?"
                    + AMOUNT + "\\s*(?<unit>minutes?|mins?|hours?|hrs?|h)\\b"
                    + "|" + AMOUNT + "[- ](?<unit2>minutes?|min|hours?|hr)\\s+(?:infusion|injection)",
            Pattern.CASE_INSENSITIVE);

    private DoseReader() {
    }

    /** The dose in the text, or null when the text gives no cell count. */
    public static Read read(String text) {
        String clean = RegistryText.clean(text);
        List<CellCount> counts = CellCountReader.find(clean);
        if (counts.isEmpty()) {
            return null;
        }
        CellCount count = counts.get(0);
        String unit = count.perKilogram() ? Quantity.CELLS_PER_KG : Quantity.CELLS;
        Dose dose = new Dose(new Quantity(count.low(), unit), new Quantity(count.high(), unit),
                volume(clean), rate(clean), duration(clean), count.phrase());
        return new Read(dose, count.interpretation());
    }

    /** A dose and, when reading it took an interpretation, what that was. */
    public record Read(Dose dose, String interpretation) {
    }

    private static Quantity rate(String text) {
        Matcher m = RATE.matcher(text);
        if (!m.find()) {
            return null;
        }
        double perUnit = number(m.group(1));
        return new Quantity(m.group("hour") != null ? perUnit / 60 : perUnit, Quantity.MILLILITRE_PER_MINUTE);
    }

    private static Quantity volume(String text) {
        Matcher m = VOLUME.matcher(text);
        return m.find() ? Quantity.millilitres(number(m.group(1))) : null;
    }

    private static Quantity duration(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.find()) {
            return null;
        }
        String amount = m.group(1) != null ? m.group(1) : m.group(3);
        String unit = (m.group("unit") != null ? m.group("unit") : m.group("unit2")).toLowerCase(Locale.ROOT);
        double minutes = number(amount) * (unit.startsWith("h") ? 60 : 1);
        return new Quantity(minutes, Quantity.MINUTE);
    }

    private static double number(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
