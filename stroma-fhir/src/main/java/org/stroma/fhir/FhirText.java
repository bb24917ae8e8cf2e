package org.stroma.fhir;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR file's bytes as text. FHIR JSON is UTF-8; a byte that is not is named by its line and offset, since a file
 * decoded leniently would hand a screening a patient's name or code with a character that was never written.
 */
final class FhirText {
    private static final int LONGEST_QUOTE = 60;
    private static final int LONGEST_PART = 300;
    private static final Pattern LONG_QUOTE = Pattern.compile("\"([^\"]{" + LONGEST_QUOTE + "})[^\"]*\"");

    private FhirText() {
    }

    /**
     * A part of an error message on one line, a long quoted value cut short: HAPI's messages quote the value they
     * refuse, and a damaged file's value may be millions of characters or span lines.
     */
    static String readable(String text) {
        if (text == null) {
            return null;
        }
        String line = text.replace("&#10;", " ").replaceAll("\\s+", " ").strip();
        line = LONG_QUOTE.matcher(line).replaceAll(m -> Matcher.quoteReplacement("\"" + m.group(1) + "…\""));
        return line.length() > LONGEST_PART ? line.substring(0, LONGEST_PART) + "…" : line;
    }

    static String decode(String file, byte[] content) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate(content.length);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw new InvalidBundleException(file, "line " + line, "byte 0x" + Integer.toHexString(content[at] & 0xff)
                    + " at offset " + at + " is not UTF-8 (FHIR JSON is UTF-8)");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
