package org.stroma.cli.chia;

import java.util.List;
import org.stroma.trial.eligibility.rule.Window;

/**
 * Chia's time windows on facts Stroma compiled. Each {@code Has_temporal} relation from a fact (or from a scope, for
 * each fact in it: {@link RelationTargets}) to a {@code Temporal} entity is counted once per fact. The fact counts
 * only when a compiled rule with a window came from it; the Temporal's words are then read as a window
 * ({@link ChiaWindow}) — or not, when they bound the fact from the other side ("at least 3 months ago") — and the
 * window is <em>recovered</em> when one of those rules has that window.
 */
public final class WindowRecovery {
    private int relations;
    private int notCompiled;
    private int notAWindow;
    private int recovered;
    private int wrong;

    public void add(EvaluatedLine line) {
        BratDocument d = line.document();
        for (BratRelation r : d.relations("Has_temporal")) {
            BratEntity from = d.entity(r.from()).orElse(null);
            BratEntity temporal = d.entity(r.to()).orElse(null);
            if (from == null || temporal == null || !temporal.type().equals("Temporal") || !line.onLine(from)) {
                continue;
            }
            for (BratEntity fact : RelationTargets.of(d, from)) {
                if (!RelationTargets.FACTS.contains(fact.type())) {
                    continue;
                }
                relations++;
                List<Window> windows = line.leavesFrom(fact).stream().map(l -> l.subject().window())
                        .filter(w -> w != null).toList();
                Window stated = ChiaWindow.read(temporal.text());
                if (windows.isEmpty()) {
                    notCompiled++;
                } else if (stated == null) {
                    notAWindow++;
                } else if (windows.stream().anyMatch(w -> ChiaWindow.same(stated, w))) {
                    recovered++;
                } else {
                    wrong++;
                }
            }
        }
    }

    /** Facts with a Chia time window. */
    public int relations() {
        return relations;
    }

    /** Of those, facts no compiled rule with a window came from. */
    public int notCompiled() {
        return notCompiled;
    }

    /** Compiled facts whose Temporal states no window Stroma's windows express. */
    public int notAWindow() {
        return notAWindow;
    }

    public int recovered() {
        return recovered;
    }

    public int wrong() {
        return wrong;
    }
}
