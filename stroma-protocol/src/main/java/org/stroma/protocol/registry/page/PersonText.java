package org.stroma.protocol.registry.page;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits "Clanet Michel, MD,PhD Neurology Department of Purpan Hospital" into the person ("Clanet Michel, MD,PhD") and
 * the affiliation, at the end of the academic degrees that close a registry name.
 */
final class PersonText {
    private static final String DEGREE = "(?:MD|M\\.D\\.|PhD|Ph\\.D\\.|DO|MBBS|MBChB|MSc|MS|MPH|MA|BSc|RN|PharmD|DPhil"
            + "|FRCP|FACC|FRCPC|FESC|DDS|DMD|DVM|Prof\\.?|Dr\\.?|MHS|MSCE|MBA|PA-C|NP|CCRC|BS)";
    private static final Pattern NAME_WITH_DEGREES = Pattern.compile(
            "^(?<name>[^,]+?(?:\\s*,\\s*" + DEGREE + "\\b\\.?(?:\\s*,?\\s*" + DEGREE + "\\b\\.?)*))(?:[\\s,]+(?<rest>.*))?$");

    private PersonText() {
    }

    /** The name with its degrees, and what follows them (null when nothing does, or no degrees are found). */
    record Split(String name, String rest) {
    }

    static Split split(String text) {
        String t = text.trim();
        Matcher m = NAME_WITH_DEGREES.matcher(t);
        if (m.matches()) {
            String rest = m.group("rest");
            return new Split(m.group("name").trim(), rest == null || rest.isBlank() ? null : rest.trim());
        }
        return new Split(t, null);
    }

    static boolean hasDegrees(String text) {
        return NAME_WITH_DEGREES.matcher(text.trim()).matches();
    }
}
