package org.stroma.trial.eligibility.compile;

/**
 * How a clause joins the one before it. LIST (a bare comma) takes the meaning of the next explicit "and" or "or" of
 * its list; DEFINES ("as evidenced by") makes what follows the definition of what precedes; EXCEPT starts the
 * exceptions.
 */
enum Connective {
    FIRST, LIST, AND, OR, WITH, DEFINES, EXCEPT
}
