package org.stroma.export.sdtm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.export.ExportSource;
import org.stroma.trial.subject.StateChange;
import org.stroma.trial.subject.SubjectState;

/**
 * DS: each subject's protocol milestones — informed consent, randomization — and the disposition event that ended
 * their participation: completed, screen failure, lost to follow-up, or withdrawn, with the reason as recorded in
 * DSTERM. A withdrawal's DSDECOD is read from its reason where the reason names a term of the IG's list (consent
 * withdrawn, adverse event, death); otherwise OTHER. A subject still in the trial has no disposition event.
 */
final class DispositionDomain {
    static final String MILESTONE = "PROTOCOL MILESTONE";
    static final String DISPOSITION = "DISPOSITION EVENT";
    private static final List<String> VARIABLES = List.of("STUDYID", "DOMAIN", "USUBJID", "DSSEQ", "DSTERM",
            "DSDECOD", "DSCAT", "EPOCH", "DSSTDTC", "DSSTDY");

    private DispositionDomain() {
    }

    static Dataset of(ExportSource source, List<SubjectTimeline> subjects) {
        String study = source.design().trial();
        DatasetBuilder ds = new DatasetBuilder("DS", "Disposition", SdtmClass.EVENTS,
                "One record per disposition status or protocol milestone per subject",
                VariableCatalog.of("DS", VARIABLES, List.of("STUDYID", "USUBJID", "DSDECOD", "DSSTDTC", "DSSEQ")));
        for (SubjectTimeline t : subjects) {
            if (t.consented() != null) {
                add(ds, study, t, "INFORMED CONSENT OBTAINED", "INFORMED CONSENT OBTAINED", MILESTONE,
                        source.consents(t.subject().id()).get(0).signedAt());
            }
            Instant randomized = source.randomizedAt(t.subject().id());
            if (randomized != null) {
                add(ds, study, t, "RANDOMIZED", "RANDOMIZED", MILESTONE, randomized);
            }
            StateChange exit = t.exit();
            if (exit != null) {
                String decod = decode(exit);
                add(ds, study, t, exit.reason() != null ? exit.reason() : decod, decod, DISPOSITION, exit.at());
            }
        }
        return ds.build();
    }

    private static void add(DatasetBuilder ds, String study, SubjectTimeline t, String term, String decod,
            String category, Instant at) {
        Map<String, Object> row = ds.row();
        row.put("STUDYID", study);
        row.put("DOMAIN", "DS");
        row.put("USUBJID", Identifiers.usubjid(study, t.subject().id()));
        row.put("DSTERM", term);
        row.put("DSDECOD", decod);
        row.put("DSCAT", category);
        row.put("EPOCH", t.epoch(t.day(at), null));
        row.put("DSSTDTC", SdtmValues.date(t.day(at)));
        row.put("DSSTDY", t.studyDay(t.day(at)));
    }

    /** The IG's term for how the subject left. */
    static String decode(StateChange exit) {
        if (exit.to() == SubjectState.COMPLETED) {
            return "COMPLETED";
        }
        if (exit.to() == SubjectState.SCREEN_FAILURE) {
            return "SCREEN FAILURE";
        }
        if (exit.to() == SubjectState.LOST_TO_FOLLOW_UP) {
            return "LOST TO FOLLOW-UP";
        }
        String reason = exit.reason() == null ? "" : exit.reason().toLowerCase(Locale.ROOT);
        if (reason.contains("consent")) {
            return "WITHDRAWAL BY SUBJECT";
        }
        if (reason.contains("death") || reason.contains("died")) {
            return "DEATH";
        }
        if (reason.contains("adverse")) {
            return "ADVERSE EVENT";
        }
        return "OTHER";
    }
}
