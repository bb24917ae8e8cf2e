package org.stroma.cli.badinput;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Damage that knows XML's structure: an element emptied, given children where it held text (or text where it held
 * children), removed, repeated, nested thousands deep, made huge; the criteria text flooded with brackets or nested
 * lists.
 */
final class XmlMutations {
    private static final String PLACEHOLDER = "stroma-raw-xml-placeholder-9b41";
    private static final Pattern FREE_TEXT = Pattern.compile(
            "textblock|brief_title|official_title|name|last_name|description|agency|facility|city|condition");
    private static final int LONG_LIST_BYTES = 6_000_000;

    private XmlMutations() {
    }

    static ByteMutations.Result mutate(byte[] original, MutationClass kind, Random random) {
        Document doc = parse(original);
        List<Element> elements = new ArrayList<>();
        collect(doc.getDocumentElement(), elements);
        switch (kind) {
            case NULL_VALUE -> {
                Element e = pick(elements, random, x -> true);
                while (e.getFirstChild() != null) {
                    e.removeChild(e.getFirstChild());
                }
                return result(doc, path(e) + " emptied", null);
            }
            case TYPE_SWAP -> {
                Element e = pick(elements, random, x -> true);
                boolean hasChildren = !childElements(e).isEmpty();
                while (e.getFirstChild() != null) {
                    e.removeChild(e.getFirstChild());
                }
                if (hasChildren) {
                    e.setTextContent(random.nextBoolean() ? "x" : "12");
                    return result(doc, path(e) + " given text instead of its elements", null);
                }
                Element child = doc.createElement(random.nextBoolean() ? "textblock" : "x");
                child.setTextContent("1");
                e.appendChild(child);
                return result(doc, path(e) + " given an element instead of its text", null);
            }
            case DELETED_FIELD -> {
                Element e = pick(elements, random, x -> x != doc.getDocumentElement());
                e.getParentNode().removeChild(e);
                return result(doc, path(e) + " removed", null);
            }
            case DUPLICATED_KEY -> {
                Element e = pick(elements, random, x -> x != doc.getDocumentElement());
                e.getParentNode().insertBefore(e.cloneNode(true), e.getNextSibling());
                return result(doc, path(e) + " given twice", null);
            }
            case DEEP_NESTING -> {
                Element e = pick(elements, random, x -> true);
                e.appendChild(doc.createTextNode(PLACEHOLDER));
                String deep = Payloads.deepXml(random);
                return result(doc, path(e) + " given elements nested " + (deep.length() / 7) + " deep", deep);
            }
            case HUGE_STRING -> {
                Element e = pickText(elements, random, "");
                String huge = Payloads.huge(random);
                e.setTextContent(huge);
                return result(doc, path(e) + " made " + huge.length() + " characters long", null);
            }
            case MANY_BRACKETS -> {
                Element e = pickText(elements, random, "textblock");
                String text = Payloads.brackets(random, e.getTextContent());
                e.setTextContent(text);
                return result(doc, path(e) + " flooded with brackets", null);
            }
            case DEEP_LIST -> {
                Element e = pickText(elements, random, "textblock");
                String text = Payloads.deepList(random);
                e.setTextContent(text);
                return result(doc, path(e) + " made a list " + text.lines().count() + " lines deep", null);
            }
            case HUGE_LIST -> {
                Element e = pick(elements, random, x -> x != doc.getDocumentElement());
                int size = Math.max(1, e.getTextContent().length() + 2 * e.getTagName().length() + 5);
                int count = Math.min(20_000 + random.nextInt(80_001), LONG_LIST_BYTES / size);
                for (int i = 1; i < count; i++) {
                    e.getParentNode().insertBefore(e.cloneNode(true), e.getNextSibling());
                }
                return result(doc, path(e) + " repeated " + count + " times", null);
            }
            default -> throw new IllegalArgumentException(kind + " is not a structural XML mutation");
        }
    }

    private static Document parse(byte[] content) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(content));
        } catch (Exception e) {
            throw new IllegalArgumentException("the input to mutate is not XML", e);
        }
    }

    private static void collect(Element e, List<Element> all) {
        all.add(e);
        for (Element child : childElements(e)) {
            collect(child, all);
        }
    }

    private static List<Element> childElements(Element e) {
        List<Element> children = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static Element pick(List<Element> elements, Random random, Predicate<Element> fits) {
        List<Element> fitting = elements.stream().filter(fits).toList();
        List<Element> from = fitting.isEmpty() ? elements : fitting;
        return from.get(random.nextInt(from.size()));
    }

    /** A text element, half the time one named like {@code preferred} (or a free text when that is blank). */
    private static Element pickText(List<Element> elements, Random random, String preferred) {
        Pattern wanted = preferred.isEmpty() ? FREE_TEXT : Pattern.compile(preferred);
        if (random.nextBoolean()) {
            List<Element> named = elements.stream().filter(e -> childElements(e).isEmpty()
                    && wanted.matcher(e.getTagName()).matches()).toList();
            if (!named.isEmpty()) {
                return named.get(random.nextInt(named.size()));
            }
        }
        return pick(elements, random, e -> childElements(e).isEmpty());
    }

    private static String path(Element e) {
        StringBuilder s = new StringBuilder();
        for (Node n = e; n instanceof Element el; n = n.getParentNode()) {
            s.insert(0, "/" + el.getTagName());
        }
        return s.toString();
    }

    private static ByteMutations.Result result(Document doc, String change, String raw) {
        try {
            StringWriter out = new StringWriter();
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            String text = raw == null ? out.toString() : out.toString().replace(PLACEHOLDER, raw);
            return new ByteMutations.Result(text.getBytes(StandardCharsets.UTF_8), change);
        } catch (Exception e) {
            throw new IllegalStateException("a mutated XML document cannot be written", e);
        }
    }
}
