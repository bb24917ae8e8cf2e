package org.stroma.trial.lock;

import org.stroma.protocol.text.Words;

/** Where a product's chain ended when the data was locked. */
public enum ProductOutcome {
    /** Ordered, and neither released, rejected nor given yet. */
    IN_PROGRESS,
    /** Refused at release: it was never given. */
    REJECTED,
    /** Released, and not given. */
    RELEASED,
    /** Given to its recipient. */
    ADMINISTERED;

    /** As the data and the report write it: "in progress", "administered". */
    public String words() {
        return Words.of(this);
    }
}
