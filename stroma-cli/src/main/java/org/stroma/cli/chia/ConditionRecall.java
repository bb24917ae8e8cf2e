package org.stroma.cli.chia;

/**
 * How many of Chia's {@code Condition} entities a compiled rule about a condition (a condition, a count of events, a
 * disease's duration) came from: the rule's words overlap the entity, or — when they cannot be found in the line —
 * the dictionary finds the rule's concept in the entity's words ({@link LineAnchors}).
 */
public final class ConditionRecall {
    private int conditions;
    private int recalled;

    public void add(EvaluatedLine line) {
        for (BratEntity condition : line.entities("Condition")) {
            conditions++;
            boolean found = line.leavesFrom(condition).stream().anyMatch(l -> l.subject().aboutCondition());
            recalled += found ? 1 : 0;
        }
    }

    public int conditions() {
        return conditions;
    }

    public int recalled() {
        return recalled;
    }
}
