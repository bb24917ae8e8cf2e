package org.stroma.protocol.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.Coded;

/**
 * A JSON record being read, which remembers every value it handed out. What was not read is the record's unmodelled
 * part: kept so that an export can give back every field the record had, and reported so that nothing is dropped
 * silently. Paths are JSON pointers relative to the record ({@code /protocolSection/designModule/phases/0}); errors
 * show them as JSON paths from the top of the file ({@code $[3].protocolSection.designModule.phases[0]}).
 */
public final class TrackedJson {
    private final JsonNode root;
    private final String location;
    private final Set<String> consumed = new HashSet<>();

    /**
     * @param location where the record stands in its file, as a JSON path: "$", or "$[3]" for the fourth study of
     *                 an export
     */
    public TrackedJson(JsonNode root, String location) {
        this.root = root;
        this.location = location;
    }

    public Cursor root() {
        return new Cursor(root, "");
    }

    /** The JSON path of a pointer, from the top of the file. */
    public String display(String pointer) {
        StringBuilder s = new StringBuilder(location);
        for (String part : pointer.split("/")) {
            if (part.isEmpty()) {
                continue;
            }
            String name = part.replace("~1", "/").replace("~0", "~");
            s.append(name.chars().allMatch(Character::isDigit) ? "[" + name + "]" : "." + name);
        }
        return s.toString();
    }

    /**
     * The largest parts of the record that were not read, keyed by pointer: a whole subtree when nothing in it was
     * read, single values otherwise.
     */
    public Map<String, JsonNode> unread() {
        Set<String> touched = new HashSet<>();
        for (String pointer : consumed) {
            String p = pointer;
            while (true) {
                touched.add(p);
                int slash = p.lastIndexOf('/');
                if (slash < 0) {
                    break;
                }
                p = p.substring(0, slash);
            }
        }
        Map<String, JsonNode> unread = new LinkedHashMap<>();
        collect(root, "", touched, unread);
        return unread;
    }

    private void collect(JsonNode node, String pointer, Set<String> touched, Map<String, JsonNode> unread) {
        if (consumed.contains(pointer)) {
            return;
        }
        if (!touched.contains(pointer)) {
            unread.put(pointer, node);
            return;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1"), touched, unread);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, touched, unread);
            }
        }
    }

    /** A position in the record; reading a value through it marks that value as read. */
    public final class Cursor {
        private final JsonNode node;
        private final String pointer;

        private Cursor(JsonNode node, String pointer) {
            this.node = node;
            this.pointer = pointer;
        }

        public String pointer() {
            return pointer;
        }

        public String path() {
            return display(pointer);
        }

        public boolean exists() {
            return node != null && !node.isMissingNode() && !node.isNull();
        }

        public Cursor get(String field) {
            JsonNode child = null;
            if (exists()) {
                if (!node.isObject()) {
                    throw new RecordFormatException(path(), "expected an object with \"" + field + "\", found "
                            + describe(node));
                }
                child = node.get(field);
            }
            return new Cursor(child, pointer + "/" + field);
        }

        /** The elements of an array; an absent array has none. */
        public List<Cursor> elements() {
            List<Cursor> list = new ArrayList<>();
            if (!exists()) {
                return list;
            }
            if (!node.isArray()) {
                throw new RecordFormatException(path(), "expected a list, found " + describe(node));
            }
            RecordLimits.checkListSize(path(), node.size());
            for (int i = 0; i < node.size(); i++) {
                Cursor element = new Cursor(node.get(i), pointer + "/" + i);
                if (!element.exists()) {
                    // a list holds values; a null among them is a damaged record, not an absent value
                    throw new RecordFormatException(element.path(), "expected a value in the list, found null");
                }
                list.add(element);
            }
            return list;
        }

        public String text() {
            if (!exists()) {
                return null;
            }
            if (!node.isTextual()) {
                throw new RecordFormatException(path(), "expected text, found " + describe(node));
            }
            consumed.add(pointer);
            return node.textValue();
        }

        /** Texts of an array of strings. */
        public List<String> texts() {
            return elements().stream().map(Cursor::text).toList();
        }

        public Integer integer() {
            if (!exists()) {
                return null;
            }
            if (node.isIntegralNumber() && node.canConvertToInt()) {
                consumed.add(pointer);
                return node.intValue();
            }
            throw new RecordFormatException(path(), "expected a whole number, found " + describe(node));
        }

        public Double number() {
            if (!exists()) {
                return null;
            }
            if (node.isNumber()) {
                consumed.add(pointer);
                return node.doubleValue();
            }
            throw new RecordFormatException(path(), "expected a number, found " + describe(node));
        }

        public Boolean bool() {
            if (!exists()) {
                return null;
            }
            if (node.isBoolean()) {
                consumed.add(pointer);
                return node.booleanValue();
            }
            throw new RecordFormatException(path(), "expected true or false, found " + describe(node));
        }

        /**
         * The text of a vocabulary value, not yet marked read: the reader marks it once it knows the code, so that an
         * unknown one stays unread (and an export keeps it). Registries add codes over time; one new code must not
         * lose the record.
         */
        public String codeText(Class<? extends Coded> type) {
            if (!exists()) {
                return null;
            }
            if (!node.isTextual()) {
                throw new RecordFormatException(path(), "expected a " + type.getSimpleName() + " code, found "
                        + describe(node));
            }
            return node.asText();
        }

        /** Marks a value read without interpreting it (used for values the model keeps as given). */
        public void markRead() {
            if (exists()) {
                consumed.add(pointer);
            }
        }

        /** Leaves this value unread after all: the caller found it could not interpret it. */
        public void unmarkRead() {
            consumed.remove(pointer);
        }
    }

    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
