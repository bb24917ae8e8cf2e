package org.stroma.export.sdtm;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.stroma.export.ExportSource;
import org.stroma.trial.schedule.PlannedVisit;

/** SV: the visits each subject had, in the schedule's order, each on the day its calendar says it was done. */
final class SubjectVisitsDomain {
    private static final List<String> VARIABLES = List.of("STUDYID", "DOMAIN", "USUBJID", "VISITNUM", "VISIT",
            "EPOCH", "SVSTDTC", "SVENDTC", "SVSTDY", "SVENDY");

    private SubjectVisitsDomain() {
    }

    static Dataset of(ExportSource source, List<SubjectTimeline> subjects, Visits visits) {
        String study = source.design().trial();
        DatasetBuilder sv = new DatasetBuilder("SV", "Subject Visits", SdtmClass.SPECIAL_PURPOSE,
                "One record per actual visit per subject",
                VariableCatalog.of("SV", VARIABLES, List.of("STUDYID", "USUBJID", "VISITNUM")));
        for (SubjectTimeline t : subjects) {
            for (PlannedVisit v : source.schedule()) {
                LocalDate done = t.visitDone(v.name());
                if (done == null) {
                    continue;
                }
                Map<String, Object> row = sv.row();
                row.put("STUDYID", study);
                row.put("DOMAIN", "SV");
                row.put("USUBJID", Identifiers.usubjid(study, t.subject().id()));
                row.put("VISITNUM", visits.number(v.name()));
                row.put("VISIT", v.name());
                row.put("EPOCH", t.epoch(done, v.name()));
                row.put("SVSTDTC", SdtmValues.date(done));
                row.put("SVENDTC", SdtmValues.date(done));
                row.put("SVSTDY", t.studyDay(done));
                row.put("SVENDY", t.studyDay(done));
            }
        }
        return sv.build();
    }
}
