package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads BRAT standoff annotations against their text. Offsets count Unicode code points of the text exactly as it is
 * stored — carriage returns included — so they are turned into the text's char indexes here, once, and everything
 * downstream indexes the Java string directly. Lines other than entities ({@code T}) and binary relations ({@code R})
 * — attributes, notes, equivalence groups — are not needed by the evaluation and are passed over; a line that cannot
 * be read is a {@link IllegalArgumentException} naming it.
 */
public final class BratReader {
    private BratReader() {
    }

    public static BratDocument read(String text, String annotations) {
        int[] charIndex = charIndexOfCodePoint(text);
        Map<String, BratEntity> entities = new LinkedHashMap<>();
        List<BratRelation> relations = new ArrayList<>();
        int number = 0;
        for (String raw : annotations.split("\n", -1)) {
            number++;
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (line.startsWith("T")) {
                BratEntity e = entity(line, charIndex, number);
                entities.put(e.id(), e);
            } else if (line.startsWith("R")) {
                relations.add(relation(line, number));
            }
        }
        return new BratDocument(text, entities, relations);
    }

    private static BratEntity entity(String line, int[] charIndex, int number) {
        String[] fields = line.split("\t", -1);
        if (fields.length < 2) {
            throw new IllegalArgumentException("annotation line " + number + " is not an entity: " + line);
        }
        String head = fields[1];
        int space = head.indexOf(' ');
        if (space < 0) {
            throw new IllegalArgumentException("annotation line " + number + " has no offsets: " + line);
        }
        List<TextSpan> spans = new ArrayList<>();
        for (String part : head.substring(space + 1).split(";")) {
            String[] ends = part.trim().split(" +");
            try {
                spans.add(new TextSpan(charIndex[Integer.parseInt(ends[0])], charIndex[Integer.parseInt(ends[1])]));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("annotation line " + number + " has offsets outside the text or"
                        + " not numbers: " + line, e);
            }
        }
        return new BratEntity(fields[0], head.substring(0, space), spans, fields.length > 2 ? fields[2] : "");
    }

    private static BratRelation relation(String line, int number) {
        String[] fields = line.split("\t", -1);
        String[] parts = fields.length > 1 ? fields[1].trim().split(" +") : new String[0];
        if (parts.length < 3 || !parts[1].contains(":") || !parts[2].contains(":")) {
            throw new IllegalArgumentException("annotation line " + number + " is not a relation: " + line);
        }
        return new BratRelation(fields[0], parts[0], parts[1].substring(parts[1].indexOf(':') + 1),
                parts[2].substring(parts[2].indexOf(':') + 1));
    }

    /** For each code-point offset 0..n, the char index it falls on (they differ after a character outside the BMP). */
    private static int[] charIndexOfCodePoint(String text) {
        int[] index = new int[text.codePointCount(0, text.length()) + 1];
        int c = 0;
        for (int cp = 0; cp < index.length - 1; cp++) {
            index[cp] = c;
            c += Character.charCount(text.codePointAt(c));
        }
        index[index.length - 1] = text.length();
        return index;
    }
}
