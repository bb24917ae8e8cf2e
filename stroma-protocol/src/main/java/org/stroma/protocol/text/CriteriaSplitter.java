package org.stroma.protocol.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Combinator;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;

/**
 * Splits a registry's eligibility text into individual inclusion and exclusion criteria, keeping their nesting.
 *
 * <p>Registries write criteria as markdown bullets, numbered lists ("1.", "(1)"), lettered and roman sub-lists
 * ("a. … i. … ii."), plain lines, or paragraphs that introduce a list ("… as evidenced by one or more of the
 * following:"). A list item's level is decided by its marker style first and its indentation second, because page
 * renderings often lose the indentation but keep the markers.
 */
public final class CriteriaSplitter {
    private static final Pattern HEADING = Pattern.compile(
            "^(?:key |main |major |general |principal |specific |additional |other )?(inclusion|exclusion|eligibility"
                    + "|non-?inclusion)(?: criteria| criterion)?(?: for [^:]{1,60}| \\([^)]{1,60}\\))?\\s*[:.\\-]?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEADING_WITH_TEXT = Pattern.compile(
            "^((?:key |main )?(?:inclusion|exclusion)(?: criteria)?)\\s*:\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern MARKER = Pattern.compile(
            "^(?<bullet>[*•·▪◦○●■►➢➤✓\\-+]\\s+|o\\s{1,3}(?=\\S))?"
                    + "(?:(?:(?<num>\\d{1,2})(?<numPunct>[.)])|\\((?<pnum>\\d{1,2})\\)"
                    + "|(?<roman>ii|iii|iv|vi|vii|viii|ix|xi|xii|[ivx])(?<romanPunct>[.)])|\\((?<proman>ii|iii|iv|vi|vii|viii|ix|[ivx])\\)"
                    + "|(?<lower>[a-z])(?<lowerPunct>[.)])|\\((?<plower>[a-z])\\)"
                    + "|(?<upper>[A-Z])(?<upperPunct>[.)]))(?=\\s|$))?\\s*");
    private static final Pattern INLINE_FIRST_ITEM = Pattern.compile(":\\s+(?=(?:\\(?(?:1|a|i|A|I)[.)]|\\((?:1|a|i)\\))\\s)");
    private static final Pattern ANY = Pattern.compile(
            "\\b(?:one or more of|one of the following|any of the following|at least one of|either\\b|at least one"
                    + " criterion)", Pattern.CASE_INSENSITIVE);
    private static final Pattern ALL = Pattern.compile(
            "\\b(?:all (?:of )?the following|both\\b|each of the following|all of\\b|all the)",
            Pattern.CASE_INSENSITIVE);

    /**
     * How deep criteria nest. Registries nest three or four levels; an item indented deeper than this is read as one
     * more item of the deepest level, so that no text, however it is indented, makes a tree that readers of criteria
     * would walk thousands of levels deep.
     */
    public static final int MAX_DEPTH = 8;

    private CriteriaSplitter() {
    }

    /** The criteria of each kind, and whether the text had inclusion/exclusion headings at all. */
    public record Split(List<Criterion> inclusion, List<Criterion> exclusion, boolean headingsFound) {
    }

    public static Split split(String criteriaText) {
        List<Line> lines = lines(criteriaText);
        List<Line> inclusion = new ArrayList<>();
        List<Line> exclusion = new ArrayList<>();
        List<Line> current = inclusion;
        boolean headings = false;
        for (Line line : lines) {
            if (line.headingKind != null) {
                headings = true;
                current = line.headingKind == CriterionKind.INCLUSION ? inclusion : exclusion;
            } else {
                current.add(line);
            }
        }
        return new Split(tree(inclusion, CriterionKind.INCLUSION), tree(exclusion, CriterionKind.EXCLUSION), headings);
    }

    /** One line of criteria text, with its marker read off. */
    private static final class Line {
        int indent;
        String style; // "bullet", "1.", "(1)", "a.", "i.", "A.", or "paragraph"
        String ordinal;
        String text;
        boolean blankBefore;
        CriterionKind headingKind;
    }

    private static List<Line> lines(String text) {
        List<Line> lines = new ArrayList<>();
        if (text == null) {
            return lines;
        }
        boolean blank = false;
        for (String raw : RegistryText.clean(text).replace("\t", "    ").split("\n")) {
            if (raw.isBlank()) {
                blank = true;
                continue;
            }
            for (String piece : inlineItems(raw)) {
                Line line = parse(piece, blank);
                if (line != null) {
                    lines.add(line);
                }
                blank = false;
            }
        }
        return lines;
    }

    /** "…following: i. A ii. B" becomes three lines, each with the first line's indentation. */
    private static List<String> inlineItems(String raw) {
        Matcher first = INLINE_FIRST_ITEM.matcher(raw);
        if (!first.find()) {
            return List.of(raw);
        }
        String indent = raw.substring(0, raw.length() - raw.stripLeading().length());
        List<String> pieces = new ArrayList<>();
        pieces.add(raw.substring(0, first.start() + 1));
        String rest = raw.substring(first.end());
        Matcher m = MARKER.matcher(rest);
        String ordinal = m.lookingAt() ? ordinalOf(m) : null;
        while (ordinal != null) {
            String nextOrdinal = next(ordinal);
            Matcher split = Pattern.compile("(?<=[\\s;,])\\(?" + Pattern.quote(nextOrdinal) + "[.)]\\s").matcher(rest);
            if (!split.find(1)) {
                break;
            }
            pieces.add(indent + rest.substring(0, split.start()).trim());
            rest = rest.substring(split.start());
            ordinal = nextOrdinal;
        }
        pieces.add(indent + rest.trim());
        return pieces;
    }

    private static String ordinalOf(Matcher m) {
        for (String group : new String[] {"num", "pnum", "roman", "proman", "lower", "plower", "upper"}) {
            if (m.group(group) != null) {
                return m.group(group);
            }
        }
        return null;
    }

    /** The ordinal after this one: 1→2, a→b, i→ii. */
    private static String next(String ordinal) {
        if (ordinal.chars().allMatch(Character::isDigit)) {
            return String.valueOf(Integer.parseInt(ordinal) + 1);
        }
        int roman = Roman.value(ordinal);
        if (ordinal.length() > 1 || ordinal.equals("i")) {
            return roman > 0 ? Roman.numeral(roman + 1) : ordinal;
        }
        return String.valueOf((char) (ordinal.charAt(0) + 1));
    }

    private static Line parse(String raw, boolean blankBefore) {
        Line line = new Line();
        line.blankBefore = blankBefore;
        String stripped = raw.stripLeading();
        line.indent = raw.length() - stripped.length();
        // "- Inclusion Criteria:", "[Inclusion Criteria]", "**Inclusion Criteria:**", "## Exclusion criteria"
        String unmarked = stripped.replaceFirst("^[*•·\\-]\\s+", "").replaceAll("^[\\[*#_\\s]+|[\\]*_\\s]+$", "");
        Matcher headingWithText = HEADING_WITH_TEXT.matcher(unmarked);
        if (HEADING.matcher(unmarked.trim()).matches()) {
            line.headingKind = headingKind(unmarked);
            return line;
        }
        if (headingWithText.matches() && headingWithText.group(2).length() > 0) {
            // "Inclusion criteria: aged 18 or over" is a heading and a first criterion on one line
            line.headingKind = headingKind(headingWithText.group(1));
            return line;
        }
        Matcher m = MARKER.matcher(stripped);
        m.lookingAt();
        line.ordinal = ordinalOf(m);
        line.style = style(m);
        line.text = stripped.substring(m.end()).trim();
        if (line.text.isEmpty()) {
            return null;
        }
        return line;
    }

    private static CriterionKind headingKind(String heading) {
        String h = heading.toLowerCase(Locale.ROOT);
        return h.contains("exclusion") || h.contains("non-inclusion") || h.contains("noninclusion")
                ? CriterionKind.EXCLUSION : CriterionKind.INCLUSION;
    }

    private static String style(Matcher m) {
        if (m.group("num") != null) {
            return "1" + m.group("numPunct");
        }
        if (m.group("pnum") != null) {
            return "(1)";
        }
        if (m.group("roman") != null) {
            return "i" + m.group("romanPunct");
        }
        if (m.group("proman") != null) {
            return "(i)";
        }
        if (m.group("lower") != null) {
            return "a" + m.group("lowerPunct");
        }
        if (m.group("plower") != null) {
            return "(a)";
        }
        if (m.group("upper") != null) {
            return "A" + m.group("upperPunct");
        }
        return m.group("bullet") != null ? "bullet" : "paragraph";
    }

    /** A criterion being assembled. */
    private static final class Node {
        final int indent;
        final String style;
        final String ordinal;
        final StringBuilder text = new StringBuilder();
        final List<Node> children = new ArrayList<>();
        Node parent;
        int depth;

        Node(int indent, String style, String ordinal, String text) {
            this.indent = indent;
            this.style = style;
            this.ordinal = ordinal;
            this.text.append(text);
        }

        boolean introducesList() {
            String t = text.toString().trim();
            return t.endsWith(":") || ANY.matcher(t).find() || ALL.matcher(t).find();
        }

        boolean isListHeaderParagraph() {
            return style.equals("paragraph") && introducesList();
        }
    }

    private static List<Criterion> tree(List<Line> lines, CriterionKind kind) {
        Node root = new Node(-1, "root", null, "");
        Deque<Node> open = new ArrayDeque<>();
        open.push(root);
        Node last = null;
        for (Line line : lines) {
            if (line.style.equals("paragraph") && last != null && !last.style.equals("paragraph")
                    && line.indent > last.indent) {
                last.text.append(' ').append(line.text); // a wrapped or continued list item
                continue;
            }
            String style = resolveLetterOrRoman(line, open);
            Node node = new Node(line.indent, style, line.ordinal, line.text);
            Node parent = place(node, open, line.blankBefore);
            if (parent.depth >= MAX_DEPTH) {
                while (parent.depth >= MAX_DEPTH) {
                    parent = parent.parent;
                }
                while (open.peek() != parent) {
                    open.pop();
                }
            }
            node.parent = parent;
            node.depth = parent.depth + 1;
            parent.children.add(node);
            open.push(node);
            last = node;
        }
        // "Participants are eligible if all of the following criteria are met:" over the whole section is a preamble;
        // the criteria are the items under it.
        if (root.children.size() == 1 && root.children.get(0).isListHeaderParagraph()
                && !root.children.get(0).children.isEmpty()) {
            Node preamble = root.children.remove(0);
            preamble.children.forEach(c -> c.parent = root);
            root.children.addAll(preamble.children);
        }
        List<Criterion> criteria = new ArrayList<>();
        String prefix = kind == CriterionKind.INCLUSION ? "I" : "E";
        for (int i = 0; i < root.children.size(); i++) {
            criteria.add(build(root.children.get(i), prefix + (i + 1), kind));
        }
        return criteria;
    }

    /** Pops the open nodes the new one closes and returns its parent. */
    private static Node place(Node node, Deque<Node> open, boolean blankBefore) {
        // A sibling: the nearest open node of the same style at (about) the same indentation.
        for (Node candidate : open) {
            if (candidate.style.equals(node.style) && Math.abs(candidate.indent - node.indent) <= 1) {
                while (open.peek() != candidate) {
                    open.pop();
                }
                open.pop();
                return candidate.parent;
            }
        }
        while (open.size() > 1 && (open.peek().indent > node.indent
                || (node.style.equals("paragraph") && open.peek().indent >= node.indent))) {
            open.pop();
        }
        Node parent = open.peek();
        // Deeper items after a blank line under a plain item of a paragraph-introduced list ("…with all the
        // following features:") are not that item's sub-points: the list has ended and they stand on their own.
        if (blankBefore && parent.parent != null && parent.parent.isListHeaderParagraph() && !parent.introducesList()
                && node.indent > parent.indent) {
            while (open.size() > 1) {
                open.pop();
            }
            return open.peek();
        }
        return parent;
    }

    /** "i", "v" and "x" are letters when they follow h, u and w in a lettered list; otherwise roman numerals. */
    private static String resolveLetterOrRoman(Line line, Deque<Node> open) {
        String style = line.style;
        if (!style.startsWith("i") && !style.equals("(i)")) {
            return style;
        }
        if (line.ordinal.length() == 1) {
            String letterStyle = style.equals("(i)") ? "(a)" : "a" + style.substring(1);
            char previous = (char) (line.ordinal.charAt(0) - 1);
            for (Node n : open) {
                if (n.style.equals(letterStyle) && n.ordinal.charAt(0) == previous) {
                    return letterStyle;
                }
            }
        }
        return style;
    }

    private static Criterion build(Node node, String id, CriterionKind kind) {
        List<Criterion> children = new ArrayList<>();
        for (int i = 0; i < node.children.size(); i++) {
            children.add(build(node.children.get(i), id + "." + (i + 1), kind));
        }
        String text = node.text.toString().trim();
        Combinator combinator = children.isEmpty() ? null : combinator(text);
        return new Criterion(id, kind, text, combinator, children);
    }

    /**
     * What the words that introduce the list say: the last of "one or more of…" and "both/all of…" in the text, since
     * earlier ones belong to other clauses ("…with one or more of the approved therapies … as evidenced by both:").
     */
    private static Combinator combinator(String text) {
        int any = lastMatch(ANY, text);
        int all = lastMatch(ALL, text);
        if (any < 0 && all < 0) {
            return null;
        }
        return any > all ? Combinator.ANY : Combinator.ALL;
    }

    private static int lastMatch(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int last = -1;
        while (m.find()) {
            last = m.start();
        }
        return last;
    }
}
