package org.stroma.trial.subject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.stroma.protocol.text.Words;

/**
 * A subject of a trial at a site, with the path they took. The lifecycle allows only these steps:
 * candidate → screened → eligible or ineligible; ineligible → screened again; eligible → consented → enrolled →
 * randomized → treated → in follow-up → completed. Exits: screen failure (before enrolment), withdrawn (from consent
 * on), lost to follow-up (once treated); each with its reason. A single-group study's allocation is a randomization
 * with nothing drawn.
 */
public record Subject(String id, String site, SubjectState state, List<StateChange> history) {
    private static final Map<SubjectState, Set<SubjectState>> NEXT = new EnumMap<>(SubjectState.class);

    static {
        allow(SubjectState.CANDIDATE, SubjectState.SCREENED);
        allow(SubjectState.SCREENED, SubjectState.ELIGIBLE, SubjectState.INELIGIBLE, SubjectState.SCREEN_FAILURE);
        allow(SubjectState.ELIGIBLE, SubjectState.CONSENTED, SubjectState.SCREEN_FAILURE);
        allow(SubjectState.INELIGIBLE, SubjectState.SCREENED, SubjectState.SCREEN_FAILURE);
        allow(SubjectState.CONSENTED, SubjectState.ENROLLED, SubjectState.SCREEN_FAILURE, SubjectState.WITHDRAWN);
        allow(SubjectState.ENROLLED, SubjectState.RANDOMIZED, SubjectState.WITHDRAWN);
        allow(SubjectState.RANDOMIZED, SubjectState.TREATED, SubjectState.WITHDRAWN);
        allow(SubjectState.TREATED, SubjectState.IN_FOLLOW_UP, SubjectState.WITHDRAWN, SubjectState.LOST_TO_FOLLOW_UP);
        allow(SubjectState.IN_FOLLOW_UP, SubjectState.COMPLETED, SubjectState.WITHDRAWN,
                SubjectState.LOST_TO_FOLLOW_UP);
    }

    private static void allow(SubjectState from, SubjectState... to) {
        NEXT.put(from, EnumSet.of(to[0], to));
    }

    public Subject {
        history = List.copyOf(history);
    }

    /** A new candidate at a site. */
    public static Subject candidate(String id, String site) {
        return new Subject(id, site, SubjectState.CANDIDATE, List.of());
    }

    /** Where this subject may go next. */
    public Set<SubjectState> next() {
        Set<SubjectState> next = NEXT.get(state);
        return next == null ? Set.of() : Set.copyOf(next);
    }

    /** This subject one step on; a step the lifecycle does not allow, or an exit without a reason, is refused. */
    public Subject moveTo(SubjectState to, Instant at, String by, String reason) {
        if (!next().contains(to)) {
            throw new IllegalTransitionException("subject " + id + " is " + label(state) + " and cannot become "
                    + label(to) + (state.isFinal() ? ": " + label(state) + " is final" : "; it can become "
                    + String.join(", ", NEXT.get(state).stream().map(Subject::label).toList())));
        }
        if (to.isExit() && (reason == null || reason.isBlank())) {
            throw new IllegalTransitionException("subject " + id + ": " + label(to) + " needs a reason");
        }
        List<StateChange> path = new ArrayList<>(history);
        path.add(new StateChange(state, to, at, by, reason));
        return new Subject(id, site, to, path);
    }

    static String label(SubjectState s) {
        return Words.of(s);
    }
}
