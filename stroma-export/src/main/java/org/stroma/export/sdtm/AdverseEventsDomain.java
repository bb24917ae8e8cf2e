package org.stroma.export.sdtm;

import java.util.List;
import java.util.Map;
import org.stroma.export.ExportSource;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;

/**
 * AE: one row per adverse event, as last reported. AETERM is the term as reported; AEDECOD stays empty, since the
 * dictionary that codes it (MedDRA) is the licensee's. The grade is CTCAE's (AETOXGR); causality keeps the WHO-UMC
 * category the site chose; each seriousness criterion has its flag. What the IG has no AE variable for goes to SUPPAE:
 * whether the reference safety information expects the event, the day the sponsor became aware of it (day 0 of the
 * reporting clocks), and the major adverse cardiac event category it counts as.
 */
final class AdverseEventsDomain {
    private static final List<String> VARIABLES = List.of("STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AESPID",
            "AETERM", "AEDECOD", "AETOXGR", "AESER", "AEREL", "AEOUT", "AESCONG", "AESDISAB", "AESDTH", "AESHOSP",
            "AESLIFE", "AESMIE", "EPOCH", "AESTDTC", "AESTDY");

    private AdverseEventsDomain() {
    }

    private static final List<String> SUPP = List.of("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL", "QNAM",
            "QLABEL", "QVAL", "QORIG");

    static List<Dataset> of(ExportSource source, List<SubjectTimeline> subjects) {
        String study = source.design().trial();
        DatasetBuilder ae = new DatasetBuilder("AE", "Adverse Events", SdtmClass.EVENTS,
                "One record per adverse event per subject",
                VariableCatalog.of("AE", VARIABLES, List.of("STUDYID", "USUBJID", "AETERM", "AESTDTC", "AESEQ")));
        DatasetBuilder suppae = new DatasetBuilder("SUPPAE", "Supplemental Qualifiers for AE",
                SdtmClass.RELATIONSHIP, "One record per IDVAR, IDVARVAL, and QNAM value per subject",
                VariableCatalog.of("SUPPAE", SUPP, List.of("STUDYID", "RDOMAIN", "USUBJID", "IDVAR", "IDVARVAL",
                        "QNAM")));
        for (SubjectTimeline t : subjects) {
            int aeSeq = 0; // as the builder numbers AESEQ: the subject's events in order
            for (AdverseEvent e : source.adverseEvents()) {
                if (!e.subject().equals(t.subject().id())) {
                    continue;
                }
                aeSeq++;
                String usubjid = Identifiers.usubjid(study, e.subject());
                qualifier(suppae, study, usubjid, aeSeq, "AEEXPCT", "Expected per Reference Safety Info",
                        e.expected() ? "Y" : "N");
                qualifier(suppae, study, usubjid, aeSeq, "AWAREDTC", "Date Sponsor Became Aware",
                        SdtmValues.date(e.sponsorAware()));
                qualifier(suppae, study, usubjid, aeSeq, "MACECAT", "Major Adverse Cardiac Event Category",
                        e.mace() == null ? null : e.mace().name().replace('_', ' '));
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
        return List.of(ae.build(), suppae.build());
    }

    private static void qualifier(DatasetBuilder supp, String study, String usubjid, int seq, String name,
            String label, String value) {
        if (value == null) {
            return;
        }
        Map<String, Object> row = supp.row();
        row.put("STUDYID", study);
        row.put("RDOMAIN", "AE");
        row.put("USUBJID", usubjid);
        row.put("IDVAR", "AESEQ");
        row.put("IDVARVAL", String.valueOf(seq));
        row.put("QNAM", name);
        row.put("QLABEL", label);
        row.put("QVAL", value);
        row.put("QORIG", "Collected");
    }

    private static String flag(AdverseEvent e, SeriousnessCriterion c) {
        return e.seriousness().contains(c) ? "Y" : "N";
    }

    /** The outcome in the IG's terms. */
    static String outcome(Outcome o) {
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
