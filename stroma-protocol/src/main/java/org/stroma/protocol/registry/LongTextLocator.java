package org.stroma.protocol.registry;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;

/**
 * Where the first text longer than {@link RecordLimits#MAX_TEXT_CHARS} is in a JSON file, as a JSON path. Jackson
 * refuses such a text without saying which field holds it; this second, streaming pass (made only for a file already
 * refused) finds it.
 */
final class LongTextLocator {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(RecordLimits.MAX_FILE_BYTES)
                    .maxNestingDepth(RecordLimits.MAX_NESTING)
                    .build())
            .build();

    private LongTextLocator() {
    }

    /** The JSON path of the long text ("$.protocolSection.identificationModule.briefTitle"), or null. */
    static String find(byte[] content) {
        int bom = content.length >= 3 && (content[0] & 0xff) == 0xEF ? 3 : 0;
        try (JsonParser parser = JSON.createParser(content, bom, content.length - bom)) {
            for (JsonToken t = parser.nextToken(); t != null; t = parser.nextToken()) {
                if ((t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME)
                        && parser.getTextLength() > RecordLimits.MAX_TEXT_CHARS) {
                    return path(parser.getParsingContext().pathAsPointer());
                }
            }
        } catch (IOException e) {
            // the file is malformed further on; the limit is still the first problem, only its place is unknown
        }
        return null;
    }

    private static String path(JsonPointer pointer) {
        StringBuilder s = new StringBuilder("$");
        for (JsonPointer p = pointer; p != null && !p.matches(); p = p.tail()) {
            s.append(p.mayMatchElement() && p.getMatchingProperty().chars().allMatch(Character::isDigit)
                    ? "[" + p.getMatchingIndex() + "]" : "." + p.getMatchingProperty());
        }
        return s.toString();
    }
}
