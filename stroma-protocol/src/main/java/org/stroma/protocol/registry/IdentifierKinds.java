package org.stroma.protocol.registry;

import java.util.regex.Pattern;
import org.stroma.protocol.SecondaryIdType;

/**
 * Recognises the kind of an identifier from its shape, for formats that list identifiers without saying what they
 * are: EudraCT numbers (2011-001295-19), EU CTIS numbers (2023-503456-21-00) and U.S. NIH grants (1R01HL134558-01).
 */
public final class IdentifierKinds {
    private static final Pattern EUDRACT = Pattern.compile("\\b(?:19|20)\\d{2}-\\d{6}-\\d{2}\\b");
    private static final Pattern CTIS = Pattern.compile("\\b20\\d{2}-5\\d{5}-\\d{2}-\\d{2}\\b");
    private static final Pattern NIH_GRANT = Pattern.compile(
            "\\b\\d?[A-Z]\\d{2}\\s?[A-Z]{2}\\d{5,6}(?:-\\d{2}[A-Z0-9]*)?\\b");

    private IdentifierKinds() {
    }

    /** The kind the identifier's shape shows, or null when its shape says nothing. */
    public static SecondaryIdType recognise(String id) {
        if (id == null) {
            return null;
        }
        if (CTIS.matcher(id).find()) {
            return SecondaryIdType.CTIS;
        }
        if (EUDRACT.matcher(id).find()) {
            return SecondaryIdType.EUDRACT_NUMBER;
        }
        if (NIH_GRANT.matcher(id).find()) {
            return SecondaryIdType.NIH;
        }
        return null;
    }
}
