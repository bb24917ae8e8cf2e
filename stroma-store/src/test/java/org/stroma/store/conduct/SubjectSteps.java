package org.stroma.store.conduct;

import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.stroma.trial.eligibility.PatientVerdict;
import org.stroma.trial.subject.SubjectState;

/** A subject taken through the store to enrolment, and randomized: the steps the store tests run. */
public final class SubjectSteps {
    private SubjectSteps() {
    }

    /** Adds, screens (eligible), consents and enrols a subject at a site. */
    public static void enrol(ConductStore store, String study, String id, String site) throws SQLException {
        Instant t = Instant.parse("2026-06-01T09:00:00Z");
        store.record(study, "coordinator", c -> {
            c.addCandidate(id, site);
            return new ConductEvent.CandidateAdded(id, site, t, "coordinator");
        });
        store.record(study, "coordinator", c -> {
            c.screen(id, PatientVerdict.ELIGIBLE, null, t, "coordinator");
            return new ConductEvent.Screened(id, PatientVerdict.ELIGIBLE, null, t, "coordinator");
        });
        store.record(study, "investigator", c -> {
            c.consent(id, c.consentForm(), t, "investigator", t, "investigator");
            return new ConductEvent.Consented(id, c.consentForm(), t, "investigator", t, "investigator");
        });
        store.record(study, "investigator", c -> {
            c.move(id, SubjectState.ENROLLED, t, "investigator", null);
            return new ConductEvent.Moved(id, SubjectState.ENROLLED, null, t, "investigator");
        });
    }

    public static ConductEvent.Randomized randomize(ConductStore store, String study, String id) throws SQLException {
        return store.record(study, "investigator", c -> {
            c.randomize(id, Map.of(), 72.0, Instant.parse("2026-06-02T10:00:00Z"), "investigator");
            return new ConductEvent.Randomized(c.randomization(id));
        });
    }
}
