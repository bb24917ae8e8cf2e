package org.stroma.cli.chia;

/**
 * A fact Chia reads as negated that a compiled rule requires present: the trial and criterion, the fact's words and
 * the negation's, the leaf rule that came from the fact, and the criterion's whole rule.
 */
public record PolarityError(String trial, String criterion, int line, String text, String fact, String cue,
        String leafRule, String rule) {
}
