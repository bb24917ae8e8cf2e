package org.stroma.protocol.text;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Crossover;
import org.stroma.protocol.Offset;

/**
 * Finds when a crossover study switches treatments: the registry has no field for it, but the arm or study
 * descriptions say it ("At week 24 treatments will be reversed", "crossed over after 6 months").
 */
public final class CrossoverReader {
    private static final Pattern SWITCH_WORD = Pattern.compile(
            "cross-?over|crossed over|revers|switch|swap|inverted|exchanged", Pattern.CASE_INSENSITIVE);
    private static final Pattern TIME = Pattern.compile(
            "\\b(?:at|after|from)\\s+(?:(?<unitFirst>week|month|day)\\s+(?<n1>\\d+)|(?<n2>\\d+)\\s+(?<unitLast>weeks?|months?"
                    + "|days?))\\b", Pattern.CASE_INSENSITIVE);

    private CrossoverReader() {
    }

    /** The first switch stated in the texts, searched in order; null when none states one. */
    public static Crossover read(List<String> texts) {
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            for (String sentence : RegistryText.clean(text).split("(?<=[.;])\\s+|\\n+")) {
                if (!SWITCH_WORD.matcher(sentence).find()) {
                    continue;
                }
                Matcher m = TIME.matcher(sentence);
                if (m.find()) {
                    String unit = m.group("unitFirst") != null ? m.group("unitFirst") : m.group("unitLast");
                    String amount = m.group("n1") != null ? m.group("n1") : m.group("n2");
                    Offset at = new Offset(Double.parseDouble(amount), TimeFrameReader.unit(unit));
                    return new Crossover(at, RegistryText.squash(sentence));
                }
            }
        }
        return null;
    }
}
