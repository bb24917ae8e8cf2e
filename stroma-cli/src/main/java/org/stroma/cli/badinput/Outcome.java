package org.stroma.cli.badinput;

/** What a reader made of one damaged input. Only the first two are acceptable. */
public enum Outcome {
    /** Read: the damage left a usable input. */
    ACCEPTED,
    /** Refused with the reader's typed error, one line that names the place and the problem. */
    REFUSED,
    /** Refused with the typed error, but its message is blank, runs over several lines or is too long to read. */
    UNCLEAR_REFUSAL,
    /** Any other exception: Stroma's own fault. */
    INTERNAL_ERROR,
    /** The reader recursed until the stack ran out. */
    STACK_OVERFLOW,
    /** The reader ran out of memory. */
    OUT_OF_MEMORY
}
