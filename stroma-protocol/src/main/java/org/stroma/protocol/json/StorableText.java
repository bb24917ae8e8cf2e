package org.stroma.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import org.stroma.protocol.Protocol;

/**
 * Whether every text of a protocol can be kept in PostgreSQL, which refuses U+0000 and half a character (a surrogate
 * without its pair) in text and JSON alike. A registry record's text is not held to the rules of typed text (it has
 * its own odd characters), only to this; the first text that breaks it is named by its path in the protocol's JSON.
 */
public final class StorableText {
    /** A text that cannot be kept: where it is in the protocol (empty: the protocol itself) and at which character. */
    public record Fault(String path, int at) {
    }

    private StorableText() {
    }

    /** The first text of the protocol, keys included, that cannot be kept; empty when all can. */
    public static Optional<Fault> firstFault(Protocol protocol) {
        return Optional.ofNullable(fault(ProtocolJson.toTree(protocol), ""));
    }

    private static Fault fault(JsonNode node, String path) {
        if (node.isTextual()) {
            int at = unstorable(node.asText());
            return at < 0 ? null : new Fault(path, at);
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                int inKey = unstorable(e.getKey());
                Fault f = inKey >= 0 ? new Fault(at, inKey) : fault(e.getValue(), at);
                if (f != null) {
                    return f;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Fault f = fault(node.get(i), path + "[" + i + "]");
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /** Where a text holds U+0000 or half a character, or -1. */
    private static int unstorable(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == 0 || halfACharacter(text, i)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the character at {@code i} is a surrogate without its pair. */
    public static boolean halfACharacter(String text, int i) {
        char c = text.charAt(i);
        return Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                && Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
                && Character.isHighSurrogate(text.charAt(i - 1)));
    }
}
