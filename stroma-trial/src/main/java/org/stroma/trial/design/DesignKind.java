package org.stroma.trial.design;

/** How patients move through the arms. */
public enum DesignKind {
    /** One arm, everyone treated alike. */
    SINGLE_GROUP,
    /** Each patient in one arm. */
    PARALLEL,
    /** Each patient receives the arms' treatments in turn, in the order of their allocated sequence. */
    CROSSOVER
}
