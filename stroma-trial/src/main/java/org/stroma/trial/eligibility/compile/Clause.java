package org.stroma.trial.eligibility.compile;

/** A stretch of a criterion between connectives, where it starts in the criterion, and how it joins the one before. */
record Clause(String text, int start, Connective before) {
}
