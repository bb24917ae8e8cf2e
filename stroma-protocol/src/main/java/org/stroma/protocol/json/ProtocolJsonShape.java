package org.stroma.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.RecordFormatException;
import org.stroma.protocol.registry.RecordLimits;

/**
 * What Stroma's protocol JSON must hold beyond what its mapping checks. Stroma never writes a null (an absent value is
 * left out), so a null in the file is a hand edit gone wrong; and a criterion needs its id, kind and text, which the
 * screening and the rules are keyed by. Either is refused with its JSON path, instead of surfacing later as a missing
 * value deep in the compiler.
 */
final class ProtocolJsonShape {
    private ProtocolJsonShape() {
    }

    /** The first null in the document, or list longer than a registry file's may be, by its JSON path. */
    static void check(JsonNode node, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = path + "." + e.getKey();
                if (e.getValue().isNull()) {
                    throw new RecordFormatException(child, "null is not a value here; leave the field out");
                }
                check(e.getValue(), child);
            }
        } else if (node.isArray()) {
            if (node.size() > RecordLimits.MAX_LIST_ELEMENTS) {
                throw new RecordFormatException(path, "the list has " + node.size() + " elements; a list may have at"
                        + " most " + RecordLimits.MAX_LIST_ELEMENTS);
            }
            for (int i = 0; i < node.size(); i++) {
                String child = path + "[" + i + "]";
                if (node.get(i).isNull()) {
                    throw new RecordFormatException(child, "null is not a value here; leave it out");
                }
                check(node.get(i), child);
            }
        }
    }

    /** Every criterion, nested ones too, has its id, kind and text. */
    static void criteriaComplete(Protocol protocol, String location) {
        if (protocol.eligibility() == null) {
            return;
        }
        complete(protocol.eligibility().inclusion(), location + ".eligibility.inclusion");
        complete(protocol.eligibility().exclusion(), location + ".eligibility.exclusion");
    }

    private static void complete(List<Criterion> criteria, String path) {
        for (int i = 0; i < criteria.size(); i++) {
            Criterion c = criteria.get(i);
            String at = path + "[" + i + "]";
            String missing = c.id() == null ? "id" : c.kind() == null ? "kind" : c.text() == null ? "text" : null;
            if (missing != null) {
                throw new RecordFormatException(at, "a criterion needs its " + missing);
            }
            complete(c.children(), at + ".children");
        }
    }
}
