package org.stroma.protocol.registry;

import java.util.Collection;
import java.util.function.Function;
import org.stroma.protocol.Design;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.Provenance;
import org.stroma.protocol.StudyType;

/**
 * The fields a trial needs to run. Whatever a record leaves out of them is reported as missing, so that a person
 * completes the protocol before it is published.
 */
final class FieldsToReview {
    private FieldsToReview() {
    }

    static void markMissing(Protocol p, Provenance.Builder provenance) {
        check(p, provenance, "identification.nctId", x -> x.identification() == null ? null
                : x.identification().nctId(), "the record has no NCT number");
        check(p, provenance, "identification.briefTitle", x -> x.identification() == null ? null
                : x.identification().briefTitle(), "the record has no title");
        check(p, provenance, "status.overallStatus", x -> x.status() == null ? null : x.status().overallStatus(),
                "the record gives no recruitment status");
        check(p, provenance, "status.start", x -> x.status() == null ? null : x.status().start(),
                "the record gives no start date");
        check(p, provenance, "sponsorship.leadSponsor", x -> x.sponsorship() == null ? null
                : x.sponsorship().leadSponsor(), "the record names no sponsor");
        check(p, provenance, "design.studyType", x -> design(x, Design::studyType), "the record gives no study type");
        check(p, provenance, "design.enrollment.count", x -> design(x, d -> d.enrollment() == null ? null
                : d.enrollment().count()), "the record gives no enrollment");
        boolean interventional = p.design() != null && p.design().studyType() == StudyType.INTERVENTIONAL;
        if (interventional) {
            check(p, provenance, "design.phases", x -> design(x, Design::phases), "the record gives no phase");
            check(p, provenance, "design.allocation", x -> design(x, Design::allocation),
                    "the record does not say how participants are allocated");
            check(p, provenance, "design.interventionModel", x -> design(x, Design::interventionModel),
                    "the record gives no intervention model");
            check(p, provenance, "design.masking.level", x -> design(x, d -> d.masking() == null ? null
                    : d.masking().level()), "the record does not say who is masked");
            check(p, provenance, "design.primaryPurpose", x -> design(x, Design::primaryPurpose),
                    "the record gives no primary purpose");
            check(p, provenance, "arms", Protocol::arms, "the record lists no arms");
            check(p, provenance, "interventions", Protocol::interventions, "the record lists no interventions");
        }
        check(p, provenance, "eligibility.criteriaText", x -> x.eligibility() == null ? null
                : x.eligibility().criteriaText(), "the record gives no eligibility criteria");
        check(p, provenance, "eligibility.sex", x -> x.eligibility() == null ? null : x.eligibility().sex(),
                "the record does not say which sexes are eligible");
        check(p, provenance, "locations", Protocol::locations, "the record lists no sites");
    }

    private static <T> T design(Protocol p, Function<Design, T> field) {
        return p.design() == null ? null : field.apply(p.design());
    }

    private static void check(Protocol p, Provenance.Builder provenance, String field,
            Function<Protocol, Object> value, String note) {
        Object v = value.apply(p);
        boolean absent = v == null || (v instanceof Collection<?> c && c.isEmpty())
                || (v instanceof String s && s.isBlank());
        if (absent && !provenance.has(field)) {
            provenance.missing(field, note);
        }
    }
}
