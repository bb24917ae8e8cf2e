package org.stroma.protocol.registry.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.protocol.Outcome;
import org.stroma.protocol.OutcomeKind;

/**
 * The outcome measures of a classic page: "- measure [ Time Frame: … ]description" on pages with tables, numbered
 * items under "Primary/Secondary Outcome Measures :" headings on plain-text pages (where the bracket may wrap onto the
 * next line). Pages with tables drop the headings; their first measure is then taken as primary and the rest as
 * secondary, as the registry lists primary outcomes first — and {@code Result.headings} says so.
 */
final class OutcomeList {
    private static final Pattern OUTCOME = Pattern.compile(
            "^(?:-|\\d+\\.)\\s*(?<measure>.*?)\\s*\\[\\s*Time Frame:\\s*(?<tf>.*?)\\s*\\](?<desc>.*)$", Pattern.DOTALL);
    private static final Pattern HEADING = Pattern.compile(
            "^(Primary|Secondary|Other(?: Pre-specified)?) Outcome Measures?\\s*:?$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ITEM = Pattern.compile("^(-|\\d+\\.)\\s+.*");

    private OutcomeList() {
    }

    /** The outcomes, and whether the page said which are primary. */
    record Result(List<Outcome> outcomes, boolean headings) {
    }

    /** One item's text as it stood on the page, and the kind its heading gave it (null without headings). */
    private record Item(String text, OutcomeKind kind) {
    }

    /** Where the list begins, at or after {@code from}; -1 when the page has none. */
    static int start(List<PageLine> lines, int from) {
        for (int i = Math.max(0, from); i < lines.size(); i++) {
            String text = lines.get(i).text();
            if (HEADING.matcher(text).matches() || text.contains("[ Time Frame:") && ITEM.matcher(text).matches()) {
                return i;
            }
        }
        return -1;
    }

    /** Reads the lines [from, to). */
    static Result read(List<PageLine> lines, int from, int to) {
        List<Item> items = new ArrayList<>();
        OutcomeKind kind = null;
        boolean headings = false;
        StringBuilder item = null;
        for (int i = from; i < to && i < lines.size(); i++) {
            PageLine line = lines.get(i);
            String text = line.text();
            Matcher heading = HEADING.matcher(text);
            if (heading.matches()) {
                add(items, item, kind);
                item = null;
                headings = true;
                String k = heading.group(1).toLowerCase(Locale.ROOT);
                kind = k.startsWith("primary") ? OutcomeKind.PRIMARY
                        : k.startsWith("secondary") ? OutcomeKind.SECONDARY : OutcomeKind.OTHER;
            } else if (ITEM.matcher(text).matches()) {
                add(items, item, kind);
                item = new StringBuilder(text);
            } else if (item != null && !line.isBlank()
                    && !text.equals("Information from the National Library of Medicine")) {
                // until the bracket closes the line continues the measure; after it, the description
                item.append(item.indexOf("]") < 0 ? " " : "\n").append(text);
            }
        }
        add(items, item, kind);
        List<Outcome> outcomes = new ArrayList<>();
        for (int n = 0; n < items.size(); n++) {
            OutcomeKind k = headings ? items.get(n).kind() : n == 0 ? OutcomeKind.PRIMARY : OutcomeKind.SECONDARY;
            outcomes.add(outcome(items.get(n).text(), k));
        }
        return new Result(outcomes, headings);
    }

    private static void add(List<Item> items, StringBuilder item, OutcomeKind kind) {
        if (item != null) {
            items.add(new Item(item.toString(), kind));
        }
    }

    private static Outcome outcome(String text, OutcomeKind kind) {
        Matcher m = OUTCOME.matcher(text);
        if (!m.matches()) {
            return new Outcome(kind, text.replaceFirst("^(-|\\d+\\.)\\s+", "").trim(), null, null, null);
        }
        String description = m.group("desc").trim().replaceAll("\\s*\\n\\s*", " ");
        return new Outcome(kind, m.group("measure").trim(), description.isEmpty() ? null : description,
                m.group("tf").trim(), null);
    }
}
