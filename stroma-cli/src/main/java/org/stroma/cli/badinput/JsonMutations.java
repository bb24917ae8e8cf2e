package org.stroma.cli.badinput;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Damage that knows JSON's structure: a value anywhere in the document made null, of another type, removed, given
 * twice, nested deeply, made huge; a free text flooded with brackets or nested lists; a list made very long. The
 * document stays well-formed JSON unless the damage itself is malformed text (a duplicated key is, for strict readers).
 */
final class JsonMutations {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands for raw text in the serialized document until it is swapped for it. */
    private static final String PLACEHOLDER = "stroma-raw-json-placeholder-5e0c";
    /** The free texts the readers interpret: criteria, titles, names, descriptions. */
    private static final Pattern FREE_TEXT = Pattern.compile(
            "(?i).*/(eligibilityCriteria|[a-z]*title|[a-z]*name|[a-z]*description|[a-z]*summary|text|display)$");
    private static final Pattern CRITERIA = Pattern.compile("(?i).*criteria$");
    /** A long list stays under this many bytes, so that it tests a reader's work per element, not the file limit. */
    private static final int LONG_LIST_BYTES = 6_000_000;

    private JsonMutations() {
    }

    /** A place in the document: its pointer, its node, and the container holding it. */
    private record Place(String pointer, JsonNode node, JsonNode parent, String field, int index) {
        void replace(JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }
    }

    /**
     * @param turn how many mutants of this class were made before this one: a null goes to the places of the
     *             document in turn, so that a corpus puts one in every place rather than in the places drawn most
     */
    static ByteMutations.Result mutate(byte[] original, MutationClass kind, Random random, int turn) {
        JsonNode root;
        try {
            root = JSON.readTree(original);
        } catch (IOException e) {
            throw new IllegalArgumentException("the input to mutate is not JSON", e);
        }
        List<Place> places = new ArrayList<>();
        collect(root, "", places);
        if (places.isEmpty()) {
            return ByteMutations.truncated(original, random);
        }
        switch (kind) {
            case NULL_VALUE -> {
                Place p = places.get((int) Math.floorMod(turn * 7919L, (long) places.size())); // a prime stride visits every place
                JsonNode empty = switch (random.nextInt(4)) {
                    case 0, 1 -> NODES.nullNode();
                    case 2 -> p.node().isContainerNode() ? (p.node().isArray() ? NODES.arrayNode() : NODES.objectNode())
                            : NODES.textNode("");
                    default -> NODES.nullNode();
                };
                p.replace(empty);
                return result(root, p.pointer() + " := " + empty);
            }
            case TYPE_SWAP -> {
                Place p = pick(places, random, x -> true);
                JsonNode other = otherType(p.node(), random);
                p.replace(other);
                return result(root, p.pointer() + " := " + other);
            }
            case DELETED_FIELD -> {
                Place p = pick(places, random, x -> x.parent().isObject());
                ((ObjectNode) p.parent()).remove(p.field());
                return result(root, p.pointer() + " removed");
            }
            case DUPLICATED_KEY -> {
                Place p = pick(places, random, x -> x.parent().isObject());
                StringBuilder raw = new StringBuilder("{");
                for (Iterator<Map.Entry<String, JsonNode>> it = p.parent().fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    raw.append(quote(e.getKey())).append(':').append(write(e.getValue())).append(',');
                }
                JsonNode second = random.nextBoolean() ? p.node() : otherType(p.node(), random);
                raw.append(quote(p.field())).append(':').append(write(second)).append('}');
                Place container = placeOf(places, p.parent());
                if (container == null) {
                    return new ByteMutations.Result(raw.toString().getBytes(StandardCharsets.UTF_8),
                            p.pointer() + " given twice");
                }
                container.replace(NODES.textNode(PLACEHOLDER));
                return result(root, p.pointer() + " given twice", raw.toString());
            }
            case DEEP_NESTING -> {
                Place p = pick(places, random, x -> true);
                p.replace(NODES.textNode(PLACEHOLDER));
                String deep = Payloads.deepJson(random);
                return result(root, p.pointer() + " nested " + deep.chars().filter(c -> c == '[' || c == '{').count()
                        + " deep", deep);
            }
            case HUGE_STRING -> {
                Place p = pickText(places, random, FREE_TEXT);
                String huge = Payloads.huge(random);
                p.replace(NODES.textNode(huge));
                return result(root, p.pointer() + " made " + huge.length() + " characters long");
            }
            case MANY_BRACKETS -> {
                Place p = pickText(places, random, CRITERIA);
                String text = Payloads.brackets(random, p.node().textValue());
                p.replace(NODES.textNode(text));
                return result(root, p.pointer() + " given " + (text.length() - p.node().textValue().length())
                        + " characters of brackets");
            }
            case DEEP_LIST -> {
                Place p = pickText(places, random, CRITERIA);
                String text = Payloads.deepList(random);
                p.replace(NODES.textNode(text));
                return result(root, p.pointer() + " made a list " + text.lines().count() + " lines deep");
            }
            case HUGE_LIST -> {
                Place p = pick(places, random, x -> x.node().isArray() && !x.node().isEmpty());
                if (!p.node().isArray() || p.node().isEmpty()) {
                    return mutate(original, MutationClass.TYPE_SWAP, random, turn);
                }
                JsonNode element = p.node().get(random.nextInt(p.node().size()));
                int size = Math.max(1, write(element).length());
                int count = Math.min(20_000 + random.nextInt(80_001), LONG_LIST_BYTES / size);
                ArrayNode list = NODES.arrayNode(count);
                for (int i = 0; i < count; i++) {
                    list.add(element);
                }
                p.replace(list);
                return result(root, p.pointer() + " made a list of " + count);
            }
            default -> throw new IllegalArgumentException(kind + " is not a structural JSON mutation");
        }
    }

    private static void collect(JsonNode node, String pointer, List<Place> places) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String child = pointer + "/" + e.getKey();
                places.add(new Place(child, e.getValue(), node, e.getKey(), -1));
                collect(e.getValue(), child, places);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String child = pointer + "/" + i;
                places.add(new Place(child, node.get(i), node, null, i));
                collect(node.get(i), child, places);
            }
        }
    }

    /** A random place that fits, else any place: every position of the document can be drawn. */
    private static Place pick(List<Place> places, Random random, Predicate<Place> fits) {
        List<Place> fitting = places.stream().filter(fits).toList();
        List<Place> from = fitting.isEmpty() ? places : fitting;
        return from.get(random.nextInt(from.size()));
    }

    /** A text, half the time one whose name matches (a criteria text, a title), else any text. */
    private static Place pickText(List<Place> places, Random random, Pattern preferred) {
        if (random.nextBoolean()) {
            List<Place> named = places.stream().filter(p -> p.node().isTextual()
                    && preferred.matcher(p.pointer()).matches()).toList();
            if (!named.isEmpty()) {
                return named.get(random.nextInt(named.size()));
            }
        }
        Place p = pick(places, random, x -> x.node().isTextual());
        if (!p.node().isTextual()) {
            p.replace(NODES.textNode(""));
            return new Place(p.pointer(), NODES.textNode(""), p.parent(), p.field(), p.index());
        }
        return p;
    }

    private static Place placeOf(List<Place> places, JsonNode node) {
        for (Place p : places) {
            if (p.node() == node) {
                return p;
            }
        }
        return null;
    }

    private static JsonNode otherType(JsonNode node, Random random) {
        List<JsonNode> others = new ArrayList<>();
        if (!node.isTextual()) {
            others.add(NODES.textNode(random.nextBoolean() ? "x" : "12"));
        }
        if (!node.isNumber()) {
            others.add(random.nextBoolean() ? NODES.numberNode(42) : NODES.numberNode(-1.5e308));
        }
        if (!node.isBoolean()) {
            others.add(NODES.booleanNode(true));
        }
        if (!node.isObject()) {
            others.add(NODES.objectNode().put("x", "y"));
        }
        if (!node.isArray()) {
            ArrayNode a = NODES.arrayNode();
            a.add(node.isContainerNode() ? NODES.textNode("x") : node);
            others.add(a);
        }
        return others.get(random.nextInt(others.size()));
    }

    private static ByteMutations.Result result(JsonNode root, String change) {
        return new ByteMutations.Result(write(root).getBytes(StandardCharsets.UTF_8), change);
    }

    private static ByteMutations.Result result(JsonNode root, String change, String raw) {
        String text = write(root).replace(quote(PLACEHOLDER), raw);
        return new ByteMutations.Result(text.getBytes(StandardCharsets.UTF_8), change);
    }

    private static String quote(String s) {
        return write(NODES.textNode(s));
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
