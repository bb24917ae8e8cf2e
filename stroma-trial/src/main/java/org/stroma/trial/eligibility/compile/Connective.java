package org.stroma.trial.eligibility.compile;

/**
 * How a clause joins the one before it. LIST (a bare comma) takes the meaning of the next explicit "and" or "or" of
 * its list; DEFINES ("as evidenced by") makes what follows the definition of what precedes; EXCEPT starts the
 * exceptions ("other than", "in the absence of"); UNLESS starts those that lift a requirement ("bilirubin ≤ 1.5 × ULN
 * unless Gilbert's syndrome"), read as EXCEPT in an exclusion; SEMICOLON separates the items of a criterion, each
 * excluding on its own in an exclusion and each required in an inclusion.
 */
enum Connective {
    FIRST, LIST, AND, OR, WITH, DEFINES, EXCEPT, UNLESS, SEMICOLON
}
