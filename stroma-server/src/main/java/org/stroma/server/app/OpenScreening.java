package org.stroma.server.app;

import java.time.LocalDate;
import java.util.List;
import org.stroma.trial.eligibility.AskedFacts;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.patient.PatientRecord;

/**
 * A screening left open, as those who screen complete it: each open criterion as it reads today on the record the
 * screening kept (the reason it is unknown; none when the screening kept no record), the facts and questions those
 * criteria ask, the record, and the site's day.
 */
public record OpenScreening(List<CriterionResult> open, AskedFacts asked, PatientRecord record, LocalDate today) {

    public OpenScreening {
        open = List.copyOf(open);
    }
}
