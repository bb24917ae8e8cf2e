package org.stroma.cli.chia;

import java.util.List;
import org.stroma.trial.eligibility.compile.CompiledCriterion;

/**
 * One Chia criterion next to what Stroma compiled of it: the trial, the line, its annotations (the document they
 * belong to, and the entities that lie on the line), the compiled criterion, the rules in it that look at the
 * patient, and where in the line those rules' words are.
 */
public record EvaluatedLine(String trial, CriterionLine line, BratDocument document, List<BratEntity> entities,
        CompiledCriterion compiled, List<RuleLeaf> leaves, LineAnchors anchors) {

    public EvaluatedLine {
        entities = List.copyOf(entities);
        leaves = List.copyOf(leaves);
    }

    /** The entities of a type on this line. */
    public List<BratEntity> entities(String type) {
        return entities.stream().filter(e -> e.type().equals(type)).toList();
    }

    /** The rules in this criterion whose words are the entity's. */
    public List<RuleLeaf> leavesFrom(BratEntity entity) {
        return leaves.stream().filter(l -> anchors.cameFrom(l, entity)).toList();
    }

    /** Whether Chia flags any part of the line as not answerable from a database. */
    public boolean nonQueryable() {
        return !entities("Non-query-able").isEmpty();
    }

    public boolean onLine(BratEntity entity) {
        return entity.overlaps(line.span());
    }
}
