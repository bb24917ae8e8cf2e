package org.stroma.trial.design;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a new protocol version changes that a running trial cannot take. Subjects already allocated keep the group
 * they were given (a letter: A, B, or a sequence AB), products are made for that group's arm, and the masking decides
 * who sees what: a version that re-orders, re-labels or removes the arms, changes what an arm gives, the ratio, the
 * method, the crossover's periods or who is masked would re-read every allocation made so far, so it is not put in
 * force over them. Such an amendment needs a decision no software should take silently.
 */
public final class DesignChange {
    private DesignChange() {
    }

    /** The changes from the design the trial runs on to the next, in words; empty when the next one can take over. */
    public static List<String> between(TrialDesign running, TrialDesign next) {
        List<String> changes = new ArrayList<>();
        differs(changes, "the design", running.kind(), next.kind());
        differs(changes, "the arms", arms(running), arms(next));
        for (TrialArm arm : running.arms()) {
            next.arms().stream().filter(a -> a.code().equals(arm.code())).findFirst().ifPresent(a -> {
                if (arm.isPlacebo() != a.isPlacebo() || !Objects.equals(arm.product(), a.product())
                        || !Objects.equals(arm.placebo(), a.placebo())) {
                    changes.add("what arm " + arm.code() + " gives");
                }
            });
        }
        differs(changes, "the allocation ratio", running.ratio(), next.ratio());
        if (!running.method().equals(next.method())) {
            // in words only: how the list is drawn is not shown to everyone
            changes.add("the allocation method");
        }
        differs(changes, "who is masked", running.masked(), next.masked());
        differs(changes, "the periods", running.periods(), next.periods());
        return changes;
    }

    private static void differs(List<String> changes, String what, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + ": " + before + " → " + after);
        }
    }

    private static List<String> arms(TrialDesign design) {
        return design.arms().stream().map(a -> a.code() + " " + a.label() + " (" + a.type() + ")").toList();
    }
}
