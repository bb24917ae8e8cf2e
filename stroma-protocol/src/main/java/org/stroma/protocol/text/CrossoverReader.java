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

    /**
     * The time nearest a switch word: "At week 0 … At week 24, another infusion … for cross-over re-treatment" switches
     * at week 24, not at week 0 (a start, never a switch).
     */
    private static Offset nearestToSwitch(String sentence) {
        List<Integer> switches = new java.util.ArrayList<>();
        Matcher s = SWITCH_WORD.matcher(sentence);
        while (s.find()) {
            switches.add(s.start());
        }
        Offset best = null;
        int bestDistance = Integer.MAX_VALUE;
        Matcher m = TIME.matcher(sentence);
        while (m.find()) {
            String unit = m.group("unitFirst") != null ? m.group("unitFirst") : m.group("unitLast");
            double amount = Double.parseDouble(m.group("n1") != null ? m.group("n1") : m.group("n2"));
            if (amount == 0) {
                continue;
            }
            int at = m.start();
            int distance = switches.stream().mapToInt(w -> Math.abs(w - at)).min().orElse(Integer.MAX_VALUE);
            if (distance < bestDistance) {
                bestDistance = distance;
                best = new Offset(amount, TimeFrameReader.unit(unit));
            }
        }
        return best;
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
                Offset at = nearestToSwitch(sentence);
                if (at != null) {
                    return new Crossover(at, RegistryText.squash(sentence));
                }
            }
        }
        return null;
    }
}
