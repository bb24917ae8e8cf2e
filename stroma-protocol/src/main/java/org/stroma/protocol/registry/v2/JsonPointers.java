package org.stroma.protocol.registry.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Puts a value at a JSON pointer, creating the objects and list slots on the way. */
final class JsonPointers {
    private JsonPointers() {
    }

    static void put(ObjectNode root, String pointer, JsonNode value) {
        String[] parts = pointer.substring(1).split("/");
        JsonNode node = root;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].replace("~1", "/").replace("~0", "~");
            boolean last = i == parts.length - 1;
            boolean nextIsIndex = !last && parts[i + 1].chars().allMatch(Character::isDigit);
            if (node instanceof ObjectNode object) {
                if (last) {
                    object.set(part, value);
                    return;
                }
                JsonNode child = object.get(part);
                if (child == null || !(child.isContainerNode())) {
                    child = nextIsIndex ? object.putArray(part) : object.putObject(part);
                }
                node = child;
            } else if (node instanceof ArrayNode array) {
                int index = Integer.parseInt(part);
                while (array.size() <= index) {
                    array.add(last ? null : nextIsIndex ? array.arrayNode() : array.objectNode());
                }
                if (last) {
                    array.set(index, value);
                    return;
                }
                node = array.get(index);
            }
        }
    }
}
