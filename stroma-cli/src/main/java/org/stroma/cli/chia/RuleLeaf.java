package org.stroma.cli.chia;

import org.stroma.trial.eligibility.rule.Rule;

/**
 * One rule of a compiled criterion that looks at the patient (not all/any/not, not an attestation or a reference), with
 * what it is about. {@code negated} is true when an odd number of {@code not(…)} stand above it: the criterion then
 * asks for the fact's absence. Whether the criterion is an inclusion or an exclusion does not enter: Chia marks
 * negation in the criterion's words, and the rule of either kind states what the words state.
 */
public record RuleLeaf(Rule rule, boolean negated, LeafSubject subject) {
}
