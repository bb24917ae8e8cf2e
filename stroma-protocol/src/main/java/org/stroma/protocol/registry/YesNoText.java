package org.stroma.protocol.registry;

import java.util.regex.Pattern;

/**
 * Yes and no as the registry's text formats write them: "Yes" and "No" on pages, "Accepts Healthy Volunteers" and
 * "No" in the classic API and the legacy XML.
 */
public final class YesNoText {
    // whole words, so that "Not applicable" or "None given" is not read as no
    private static final Pattern YES = Pattern.compile("(?i)(yes|accepts)\\b.*");
    private static final Pattern NO = Pattern.compile("(?i)no\\b.*");

    private YesNoText() {
    }

    /** True for yes, false for no, null when the text is neither. */
    public static Boolean parse(String text) {
        if (text == null) {
            return null;
        }
        String t = text.trim();
        if (YES.matcher(t).matches()) {
            return Boolean.TRUE;
        }
        if (NO.matcher(t).matches()) {
            return Boolean.FALSE;
        }
        return null;
    }
}
