package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Facts Chia reads as negated, and how Stroma compiled them. A fact is negated when it is the first argument of a
 * {@code Has_negation} relation, or lies inside a {@code Scope} that is ({@link RelationTargets}); each is counted
 * once per criterion, whatever the number of cues. It is compiled <em>absent</em> when every rule that came from it
 * ({@link LineAnchors}) is under a {@code not(…)}; otherwise a rule requires it present (under no {@code not(…)}, or
 * an even number of them), and that is:
 * <ul>
 * <li>a <em>polarity error</em> when that rule's words are all negated ones — every place the line names the rule's
 * concept lies in a negated fact — so the rule can only have come from the negated words;</li>
 * <li><em>shared</em> when the line also names the rule's concept outside the negated words ("malignancy …, except
 * basal cell carcinoma", both read as malignancy): the rule may come from the words that are not negated, so it is not
 * counted an error, but the count is kept, since such a rule may still take in what the criterion excepts.</li>
 * </ul>
 */
public final class PolarityErrors {
    private int negated;
    private int notCompiled;
    private int absent;
    private int shared;
    private final List<PolarityError> errors = new ArrayList<>();

    public void add(EvaluatedLine line) {
        BratDocument d = line.document();
        Set<String> seen = new LinkedHashSet<>();
        List<BratEntity> negatedFacts = negatedFacts(line);
        for (BratRelation r : d.relations("Has_negation")) {
            BratEntity from = d.entity(r.from()).orElse(null);
            if (from == null || !line.onLine(from)) {
                continue;
            }
            String cue = d.entity(r.to()).map(BratEntity::text).orElse("");
            for (BratEntity fact : RelationTargets.of(d, from)) {
                if (!RelationTargets.FACTS.contains(fact.type()) || !seen.add(fact.id())) {
                    continue;
                }
                negated++;
                List<RuleLeaf> leaves = line.leavesFrom(fact);
                List<RuleLeaf> present = leaves.stream().filter(l -> !l.negated()).toList();
                RuleLeaf onlyNegatedWords = present.stream()
                        .filter(l -> line.anchors().places(l).stream()
                                .allMatch(p -> negatedFacts.stream().anyMatch(f -> f.overlaps(p))))
                        .findFirst().orElse(null);
                if (leaves.isEmpty()) {
                    notCompiled++;
                } else if (present.isEmpty()) {
                    absent++;
                } else if (onlyNegatedWords == null) {
                    shared++;
                } else {
                    RuleLeaf wrong = onlyNegatedWords;
                    errors.add(new PolarityError(line.trial(), line.compiled().id(), line.line().number(),
                            line.line().text(), fact.text(), cue, wrong.rule().ruleText(),
                            line.compiled().rule().ruleText()));
                }
            }
        }
    }

    /** The facts of a line that Chia reads as negated, directly or inside a negated scope. */
    private static List<BratEntity> negatedFacts(EvaluatedLine line) {
        BratDocument d = line.document();
        List<BratEntity> facts = new ArrayList<>();
        for (BratRelation r : d.relations("Has_negation")) {
            d.entity(r.from()).filter(line::onLine).ifPresent(from -> RelationTargets.of(d, from).stream()
                    .filter(f -> RelationTargets.FACTS.contains(f.type())).forEach(facts::add));
        }
        return facts;
    }

    /** Negated facts on the criteria. */
    public int negated() {
        return negated;
    }

    /** Of those, facts no compiled rule came from. */
    public int notCompiled() {
        return notCompiled;
    }

    /** Facts compiled as absent, as Chia reads them. */
    public int absent() {
        return absent;
    }

    /** Facts a rule requires present whose concept the line also names outside the negated words. */
    public int shared() {
        return shared;
    }

    public List<PolarityError> errors() {
        return List.copyOf(errors);
    }
}
