package org.stroma.export.sdtm;

import java.util.List;
import java.util.Map;
import org.stroma.export.ExportSource;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.safety.SeriousnessCriterion;

/**
 * AE: one row per adverse event, as last reported. AETERM is the term as reported; AEDECOD stays empty, since the
 * dictionary that codes it (MedDRA) is the licensee's. The grade is CTCAE's (AETOXGR); causality keeps the WHO-UMC
 * category the site chose; each seriousness criterion has its flag.
 */
final class AdverseEventsDomain {
    private static final List<String> VARIABLES = List.of("STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AESPID",
            "AETERM", "AEDECOD", "AETOXGR", "AESER", "AEREL", "AEOUT", "AESCONG", "AESDISAB", "AESDTH", "AESHOSP",
            "AESLIFE", "AESMIE", "EPOCH", "AESTDTC", "AESTDY");

    private AdverseEventsDomain() {
    }

    static Dataset of(ExportSource source, List<SubjectTimeline> subjects) {
        String study = source.design().trial();
        DatasetBuilder ae = new DatasetBuilder("AE", "Adverse Events", SdtmClass.EVENTS,
                "One record per adverse event per subject",
                VariableCatalog.of("AE", VARIABLES, List.of("STUDYID", "USUBJID", "AETERM", "AESTDTC", "AESEQ")));
        for (SubjectTimeline t : subjects) {
            for (AdverseEvent e : source.adverseEvents()) {
                if (!e.subject().equals(t.subject().id())) {
                    continue;
                }
                Map<String, Object> row = ae.row();
                row.put("STUDYID", study);
                row.put("DOMAIN", "AE");
                row.put("USUBJID", Identifiers.usubjid(study, e.subject()));
                row.put("AESPID", e.id());
                row.put("AETERM", e.term());
                row.put("AETOXGR", e.grade() == null ? null : String.valueOf(e.grade().number()));
                row.put("AESER", e.isSerious() ? "Y" : "N");
                row.put("AEREL", e.causality() == null ? null : e.causality().name());
                row.put("AEOUT", e.outcome() == null ? null : outcome(e.outcome()));
                row.put("AESCONG", flag(e, SeriousnessCriterion.CONGENITAL_ANOMALY));
                row.put("AESDISAB", flag(e, SeriousnessCriterion.PERSISTENT_DISABILITY));
                row.put("AESDTH", flag(e, SeriousnessCriterion.DEATH));
                row.put("AESHOSP", flag(e, SeriousnessCriterion.HOSPITALISATION));
                row.put("AESLIFE", flag(e, SeriousnessCriterion.LIFE_THREATENING));
                row.put("AESMIE", flag(e, SeriousnessCriterion.IMPORTANT_MEDICAL_EVENT));
                row.put("EPOCH", t.epoch(e.onset(), null));
                row.put("AESTDTC", SdtmValues.date(e.onset()));
                row.put("AESTDY", t.studyDay(e.onset()));
            }
        }
        return ae.build();
    }

    private static String flag(AdverseEvent e, SeriousnessCriterion c) {
        return e.seriousness().contains(c) ? "Y" : "N";
    }

    /** The outcome in the IG's terms. */
    static String outcome(org.stroma.trial.safety.Outcome o) {
        return switch (o) {
            case RECOVERED -> "RECOVERED/RESOLVED";
            case RECOVERING -> "RECOVERING/RESOLVING";
            case NOT_RECOVERED -> "NOT RECOVERED/NOT RESOLVED";
            case RECOVERED_WITH_SEQUELAE -> "RECOVERED/RESOLVED WITH SEQUELAE";
            case FATAL -> "FATAL";
            case UNKNOWN -> "UNKNOWN";
        };
    }
}
