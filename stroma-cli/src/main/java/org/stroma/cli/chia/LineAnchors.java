package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.Mention;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;

/**
 * Where, in one criterion's line, the words a rule came from lie — the rules do not keep their words, so they are
 * found again: the dictionary's mentions in the line (the same terms and drug names the compiler reads) whose concept
 * the rule names, and the drug names the rule quotes, wherever they occur in the line.
 *
 * <p>A rule <em>came from</em> an annotated entity when one of those places overlaps the entity, or the abbreviation in
 * brackets right after it ("Forced expiratory volume (FEV1)"). When none is found — the compiler reads the line after
 * making it regular ("three" as "3", "serum transaminases" as ALT/AST), so a term can read differently in the raw line
 * — the entity's own words are read instead, as written and as the compiler reads them: the rule came from it when the
 * dictionary finds one of the rule's concepts there, or one of its drug names occurs in it.
 */
public final class LineAnchors {
    private static final Pattern COMPARISON = Pattern.compile("[<>≤≥=＞＜]|\\b(?:greater|less|more|higher|lower|above|below"
            + "|at least|at most|under|over|exceed\\w*)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern JOINED = Pattern.compile("[,;]|\\b(?:and|or)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern ABBREVIATION = Pattern.compile("\\s*\\(([A-Za-z][\\w-]{0,9})\\)");
    private static final Pattern BLOOD_PRESSURE = Pattern.compile("(?i)^\\W*(?:\\w+\\s+){0,3}(?:blood ?pressure|BP)\\W*$");
    private final ConceptDictionary dictionary;
    private final CriterionLine line;
    private final List<Mention> mentions;

    public LineAnchors(ConceptDictionary dictionary, CriterionLine line) {
        this.dictionary = dictionary;
        this.line = line;
        this.mentions = dictionary.mentions(line.text());
    }

    /** Where the leaf's concepts and drug names are named in the line, as spans of the whole file. */
    public List<TextSpan> places(RuleLeaf leaf) {
        List<TextSpan> places = new ArrayList<>();
        for (Mention m : mentions) {
            if (leaf.subject().concepts().contains(m.concept().id())) {
                places.add(new TextSpan(m.start(), m.end()).shifted(line.span().start()));
            }
        }
        String lower = line.text().toLowerCase(Locale.ROOT);
        for (String name : leaf.subject().drugNames()) {
            String n = name.toLowerCase(Locale.ROOT);
            for (int i = n.isEmpty() ? -1 : lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + 1)) {
                places.add(new TextSpan(i, i + n.length()).shifted(line.span().start()));
            }
        }
        return places;
    }

    /** "(FEV1)" right after "Forced expiratory volume": the entity's own abbreviation, as a span of the file; or null. */
    private TextSpan abbreviationAfter(BratEntity entity) {
        int end = entity.spans().get(entity.spans().size() - 1).end() - line.span().start();
        if (end < 0 || end > line.text().length()) {
            return null;
        }
        Matcher m = ABBREVIATION.matcher(line.text().substring(end));
        return m.lookingAt() ? new TextSpan(end + m.start(1), end + m.end(1)).shifted(line.span().start()) : null;
    }

    /**
     * The entity's name as the compiler reads it, up to the comparison after it: the compiler reads a name by what
     * follows ("serum transaminases ≤ 2.5 x ULN" are ALT and AST), so the words up to the comparison are read with it
     * when they join nothing else to the name (no comma, "and" or "or").
     */
    private String asRead(BratEntity entity) {
        int start = entity.spans().get(0).start() - line.span().start();
        int end = entity.spans().get(entity.spans().size() - 1).end() - line.span().start();
        if (start < 0 || end > line.text().length() || start > end) {
            return entity.text();
        }
        String after = line.text().substring(end);
        Matcher comparison = COMPARISON.matcher(after);
        String between = comparison.find() ? after.substring(0, comparison.start()) : null;
        if (between == null || between.length() > 20 || JOINED.matcher(between).find()) {
            return CriteriaCompiler.asRead(entity.text());
        }
        String read = CriteriaCompiler.asRead(line.text().substring(start));
        Matcher cut = COMPARISON.matcher(read);
        return cut.find() ? read.substring(0, cut.start()) : read;
    }

    public boolean cameFrom(RuleLeaf leaf, BratEntity entity) {
        List<TextSpan> places = places(leaf);
        if (!places.isEmpty()) {
            TextSpan abbreviation = abbreviationAfter(entity);
            return places.stream().anyMatch(p -> entity.overlaps(p) || abbreviation != null && abbreviation.overlaps(p));
        }
        if (leaf.subject().concepts().isEmpty() && leaf.subject().drugNames().isEmpty()) {
            return false;
        }
        String words = entity.text();
        boolean named = Stream.of(words, asRead(entity))
                .flatMap(w -> dictionary.mentions(w).stream())
                .anyMatch(m -> leaf.subject().concepts().contains(m.concept().id()))
                // "BP > 140/90" is read as its two pressures, each a concept of its own
                || BLOOD_PRESSURE.matcher(words).find() && leaf.subject().concepts().stream()
                        .anyMatch(c -> c.equals("systolic_bp") || c.equals("diastolic_bp"));
        String lower = words.toLowerCase(Locale.ROOT);
        return named || leaf.subject().drugNames().stream()
                .anyMatch(n -> !n.isBlank() && lower.contains(n.toLowerCase(Locale.ROOT)));
    }
}
