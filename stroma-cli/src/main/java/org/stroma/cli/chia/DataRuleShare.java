package org.stroma.cli.chia;

import org.stroma.trial.eligibility.compile.Compilation;

/**
 * How many criteria compiled to a data rule: a rule that a patient's record decides, in whole ({@code COMPUTED}) or
 * with a qualifier the investigator confirms ({@code PARTLY_COMPUTED}) — the compiler's own status, which it gives a
 * criterion when some part of its rule is not an attestation. Counted over all criteria and over those Chia does not
 * flag Non-query-able anywhere on their line.
 */
public final class DataRuleShare {
    private int criteria;
    private int dataRules;
    private int computed;
    private int queryable;
    private int queryableDataRules;
    private int queryableComputed;

    public void add(EvaluatedLine line) {
        Compilation c = line.compiled().compilation();
        boolean data = c == Compilation.COMPUTED || c == Compilation.PARTLY_COMPUTED;
        criteria++;
        dataRules += data ? 1 : 0;
        computed += c == Compilation.COMPUTED ? 1 : 0;
        if (!line.nonQueryable()) {
            queryable++;
            queryableDataRules += data ? 1 : 0;
            queryableComputed += c == Compilation.COMPUTED ? 1 : 0;
        }
    }

    public int criteria() {
        return criteria;
    }

    public int dataRules() {
        return dataRules;
    }

    public int computed() {
        return computed;
    }

    public int queryable() {
        return queryable;
    }

    public int queryableDataRules() {
        return queryableDataRules;
    }

    public int queryableComputed() {
        return queryableComputed;
    }
}
