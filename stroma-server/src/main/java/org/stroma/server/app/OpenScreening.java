package org.stroma.server.app;

import java.util.List;
import org.stroma.trial.eligibility.AskedFacts;
import org.stroma.trial.eligibility.CriterionResult;

/**
 * A screening left open, as those who screen complete it: each open criterion as it reads today on the record the
 * screening kept (the reason it is unknown), the facts and questions those criteria ask, whether the screening kept the
 * record at all (one recorded without it is left to the investigator), and whether the record lacks a birth date or a
 * sex the criteria ask.
 */
public record OpenScreening(List<CriterionResult> open, AskedFacts asked, boolean recordKept,
        boolean demographicsMissing) {

    public OpenScreening {
        open = List.copyOf(open);
    }
}
