package org.stroma.fhir;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The patients a part of the input that cannot be read may concern, found in its raw text: the ids and references it
 * holds ("id", "reference", "fullUrl"), each by its last segment ("Patient/123" and "urn:uuid:123" both give "123").
 * A patient found there is left out of a screening, which would otherwise rest on part of their record.
 */
final class UnreadableMentions {
    private static final Pattern MENTION = Pattern.compile(
            "\"(?:id|reference|fullUrl)\"\\s*:\\s*\"([^\"]{1,256})\"");

    private UnreadableMentions() {
    }

    private static final Pattern WHOSE = Pattern.compile(
            "\"(?:subject|patient)\"\\s*:\\s*\\{\\s*\"reference\"\\s*:\\s*\"[^\"]"
                    + "|\"resourceType\"\\s*:\\s*\"Patient\"");

    /**
     * Adds what the raw text mentions; false when it says nothing of whose record it is part (a line cut before its
     * subject): then any patient could be short of it.
     */
    static boolean collect(String raw, InvalidBundleException problem, Map<String, InvalidBundleException> into) {
        Matcher m = MENTION.matcher(raw);
        while (m.find()) {
            String value = m.group(1).replaceFirst("/_history/.*$", "");
            int cut = Math.max(value.lastIndexOf('/'), value.lastIndexOf(':'));
            into.putIfAbsent(value.substring(cut + 1), problem);
        }
        return WHOSE.matcher(raw).find();
    }
}
