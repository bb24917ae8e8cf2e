package org.stroma.trial.subject;

import org.stroma.protocol.text.Words;

/**
 * Where a subject is in the trial. The last three are exits: each needs a reason, and nothing follows them.
 */
public enum SubjectState {
    CANDIDATE, SCREENED, ELIGIBLE, INELIGIBLE, CONSENTED, ENROLLED, RANDOMIZED, TREATED, IN_FOLLOW_UP, COMPLETED,
    WITHDRAWN, LOST_TO_FOLLOW_UP, SCREEN_FAILURE;

    public boolean isExit() {
        return this == WITHDRAWN || this == LOST_TO_FOLLOW_UP || this == SCREEN_FAILURE;
    }

    /** The state in words: "in follow up". */
    public String words() {
        return Words.of(this);
    }

    public boolean isFinal() {
        return isExit() || this == COMPLETED;
    }
}
