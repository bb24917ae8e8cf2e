package org.stroma.trial.product;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A donation identification number in the ISBT 128 style (data structure 001): a 5-character facility code (a letter
 * and four digits), the year's last two digits, a 6-digit sequence number, two flag characters, and the check
 * character over the first 13 characters. Written as people read it: "G1234 98 654321 00 H".
 */
public record DonationNumber(String facility, int year, int sequence, String flags) {
    private static final Pattern FACILITY = Pattern.compile("[A-Z][0-9]{4}");
    private static final Pattern WRITTEN = Pattern.compile(
            "=?\\s*([A-Z][0-9]{4})\\s*([0-9]{2})\\s*([0-9]{6})\\s*([0-9A-Z]{2})?\\s*([0-9A-Z*])?");

    public DonationNumber {
        if (facility == null || !FACILITY.matcher(facility).matches()) {
            throw new InvalidInputException("'" + facility + "' is not a facility code (a letter and four digits)");
        }
        if (year < 0 || year > 99 || sequence < 0 || sequence > 999_999) {
            throw new InvalidInputException("year " + year + " or sequence " + sequence + " out of range");
        }
        flags = flags == null ? "00" : flags;
    }

    /** The 13 characters the check character is computed over. */
    public String code() {
        return facility + String.format(Locale.ROOT, "%02d%06d", year, sequence);
    }

    public char checkCharacter() {
        return Mod37Two.checkCharacter(code());
    }

    /**
     * Reads a written number; its check character, when given, must be right — a mistyped or misread number is
     * refused rather than matched to another product.
     */
    public static DonationNumber parse(String text) {
        Matcher m = WRITTEN.matcher(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new InvalidInputException("'" + text + "' is not a donation identification number");
        }
        DonationNumber din = new DonationNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                m.group(4));
        if (m.group(5) != null && m.group(5).charAt(0) != din.checkCharacter()) {
            throw new InvalidInputException("'" + text + "': check character " + m.group(5) + " does not match "
                    + din.code() + " (expected " + din.checkCharacter() + ")");
        }
        return din;
    }

    @Override
    public String toString() {
        return facility + " " + String.format(Locale.ROOT, "%02d", year) + " " + String.format(Locale.ROOT, "%06d", sequence) + " " + flags + " "
                + checkCharacter();
    }
}
