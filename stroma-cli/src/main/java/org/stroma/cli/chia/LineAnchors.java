package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.concept.Mention;

/**
 * Where, in one criterion's line, the words a rule came from lie — the rules do not keep their words, so they are
 * found again: the dictionary's mentions in the line (the same terms and drug names the compiler reads) whose concept
 * the rule names, and the drug names the rule quotes, wherever they occur in the line.
 *
 * <p>A rule <em>came from</em> an annotated entity when one of those places overlaps the entity. When none is found
 * — the compiler reads the line after making it regular ("three" as "3", "greater than" as "&gt;"), so a term can read
 * differently in the raw line — the entity's own words are read instead: the rule came from it when the dictionary
 * finds one of the rule's concepts there, or one of its drug names occurs in it.
 */
public final class LineAnchors {
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

    public boolean cameFrom(RuleLeaf leaf, BratEntity entity) {
        List<TextSpan> places = places(leaf);
        if (!places.isEmpty()) {
            return places.stream().anyMatch(entity::overlaps);
        }
        if (leaf.subject().concepts().isEmpty() && leaf.subject().drugNames().isEmpty()) {
            return false;
        }
        String words = entity.text();
        boolean named = dictionary.mentions(words).stream()
                .anyMatch(m -> leaf.subject().concepts().contains(m.concept().id()))
                // "BP > 140/90" is read as its two pressures, each a concept of its own
                || BLOOD_PRESSURE.matcher(words).find() && leaf.subject().concepts().stream()
                        .anyMatch(c -> c.equals("systolic_bp") || c.equals("diastolic_bp"));
        String lower = words.toLowerCase(Locale.ROOT);
        return named || leaf.subject().drugNames().stream()
                .anyMatch(n -> !n.isBlank() && lower.contains(n.toLowerCase(Locale.ROOT)));
    }
}
