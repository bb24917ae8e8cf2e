package org.stroma.export.odm;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.stroma.export.ExportSource;
import org.stroma.export.XmlWriter;
import org.stroma.trial.capture.Casebook;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.FormVersion;
import org.stroma.trial.capture.Signature;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.subject.Consent;
import org.stroma.trial.subject.StateChange;
import org.stroma.trial.subject.Subject;

/**
 * A subject's data in ODM: enrolment, then the forms visit by visit in the schedule's order, each version of a form as
 * a FormData of its own (its AuditRecord says who saved it, when, at which site and why; its items are those it
 * inserted, updated or removed; its Signature the one given to it, any further one in a FormData of its own), then
 * the adverse events as last reported.
 */
final class OdmClinicalData {
    /** The user an audit record names when nobody is known to have done it. */
    static final String SYSTEM = "stroma";
    /** The location of a trial with no site. */
    static final String NO_SITE = "Sponsor";

    private final XmlWriter xml;
    private final ExportSource source;
    private final Map<String, String> meanings;

    OdmClinicalData(XmlWriter xml, ExportSource source, Map<String, String> meanings) {
        this.xml = xml;
        this.source = source;
        this.meanings = meanings;
    }

    /** Who last reported an adverse event. */
    static String reporter(ExportSource source, AdverseEvent e) {
        List<Casebook.AdverseEventReport> reports = source.reports(e.id());
        return reports.isEmpty() ? SYSTEM : reports.get(reports.size() - 1).by();
    }

    void subject(Subject s, SubjectView view, List<Consent> consents, List<FormRecord> forms) {
        String site = s.site() == null ? NO_SITE : s.site();
        StateChange first = s.history().isEmpty() ? null : s.history().get(0);
        xml.start("SubjectData", "SubjectKey", s.id(), "TransactionType", "Insert");
        audit(first == null ? SYSTEM : first.by(), site, first == null ? source.exportedAt() : first.at(), null);
        xml.empty("SiteRef", "LocationOID", Oids.location(site));
        enrolment(s, view, consents, site);
        Map<String, List<FormRecord>> byVisit = new LinkedHashMap<>();
        source.formPlan().keySet().forEach(v -> byVisit.put(v, new ArrayList<>()));
        forms.forEach(f -> byVisit.computeIfAbsent(f.visit(), v -> new ArrayList<>()).add(f));
        for (Map.Entry<String, List<FormRecord>> visit : byVisit.entrySet()) {
            if (visit.getValue().isEmpty()) {
                continue;
            }
            xml.start("StudyEventData", "StudyEventOID", Oids.event(visit.getKey()), "TransactionType", "Insert");
            visit.getValue().forEach(f -> form(f, site));
            xml.end();
        }
        adverseEvents(s.id(), site);
        xml.end();
    }

    private void enrolment(Subject s, SubjectView view, List<Consent> consents, String site) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("site", s.site());
        values.put("consent_date", consents.isEmpty() ? null
                : source.localDay(s.id(), consents.get(0).signedAt()).toString());
        values.put("consent_form", view.consentedTo());
        Instant randomized = source.randomizedAt(s.id());
        values.put("randomization_date", randomized == null ? null : source.localDay(s.id(), randomized).toString());
        values.put("kit_code", view.kitCode());
        Double weight = source.baselineWeightKg(s.id());
        values.put("baseline_weight", weight == null ? null : OdmValues.number(weight));
        values.put("state", s.state().name().toLowerCase(Locale.ROOT));
        values.put("exit_reason", s.history().stream().filter(h -> h.to().isExit()).map(StateChange::reason)
                .filter(Objects::nonNull).findFirst().orElse(null));
        if (!source.blinded()) {
            values.put("allocation", view.group());
            values.put("treatments", view.treatments() == null ? null : String.join(" then ", view.treatments()));
        }
        StateChange last = s.history().isEmpty() ? null : s.history().get(s.history().size() - 1);
        xml.start("StudyEventData", "StudyEventOID", Oids.event(OdmForms.ENROLMENT_EVENT), "TransactionType",
                "Insert");
        xml.start("FormData", "FormOID", Oids.form(OdmForms.ENROLMENT), "TransactionType", "Insert");
        audit(last == null ? SYSTEM : last.by(), site, last == null ? source.exportedAt() : last.at(), null);
        group(OdmForms.ENROLMENT, null, values);
        xml.end().end();
    }

    private void form(FormRecord f, String site) {
        Map<String, String> before = Map.of();
        List<FormVersion> versions = f.versions();
        for (int n = 0; n < versions.size(); n++) {
            FormVersion v = versions.get(n);
            Instant next = n + 1 < versions.size() ? versions.get(n + 1).at() : null;
            xml.start("FormData", "FormOID", Oids.form(f.form().id()), "TransactionType", n == 0 ? "Insert"
                    : "Update");
            audit(v.by(), site, v.at(), v.reason());
            List<Signature> signatures = signaturesOf(f, v, next);
            if (!signatures.isEmpty()) {
                signature(signatures.get(0), site);
            }
            xml.start("ItemGroupData", "ItemGroupOID", Oids.group(f.form().id()), "TransactionType",
                    n == 0 ? "Insert" : "Update");
            for (Map.Entry<String, String> item : v.values().entrySet()) {
                String old = before.get(item.getKey());
                if (!item.getValue().equals(old)) {
                    xml.empty("ItemData", "ItemOID", Oids.item(f.form().id(), item.getKey()), "TransactionType",
                            old == null ? "Insert" : "Update", "Value", item.getValue());
                }
            }
            for (String removed : before.keySet()) {
                if (!v.values().containsKey(removed)) {
                    xml.empty("ItemData", "ItemOID", Oids.item(f.form().id(), removed), "TransactionType", "Remove",
                            "IsNull", "Yes");
                }
            }
            xml.end().end();
            // ODM gives a FormData one signature: a version signed again (reviewed, then approved) carries each
            // further signature in a FormData of its own that changes nothing
            for (Signature again : signatures.subList(Math.min(1, signatures.size()), signatures.size())) {
                xml.start("FormData", "FormOID", Oids.form(f.form().id()), "TransactionType", "Context");
                signature(again, site);
                xml.end();
            }
            before = v.values();
        }
    }

    private void signature(Signature signature, String site) {
        xml.start("Signature")
                .empty("UserRef", "UserOID", Oids.user(signature.username()))
                .empty("LocationRef", "LocationOID", Oids.location(site))
                .empty("SignatureRef", "SignatureOID", meanings.get(signature.meaning()))
                .text("DateTimeStamp", signature.at().toString())
                .end();
    }

    /** The signatures given to a version: those made after it was saved and before the next version, in order. */
    private static List<Signature> signaturesOf(FormRecord f, FormVersion v, Instant next) {
        return f.signatures().stream().filter(g -> !g.at().isBefore(v.at()) && (next == null || g.at().isBefore(next)))
                .toList();
    }

    private void adverseEvents(String subject, String site) {
        List<AdverseEvent> events = source.adverseEvents().stream().filter(e -> e.subject().equals(subject)).toList();
        if (events.isEmpty()) {
            return;
        }
        xml.start("StudyEventData", "StudyEventOID", Oids.event(OdmForms.ADVERSE_EVENT_EVENT), "TransactionType",
                "Insert");
        xml.start("FormData", "FormOID", Oids.form(OdmForms.ADVERSE_EVENTS), "TransactionType", "Insert");
        int repeat = 1;
        for (AdverseEvent e : events) {
            List<Casebook.AdverseEventReport> reports = source.reports(e.id());
            Casebook.AdverseEventReport last = reports.isEmpty() ? null : reports.get(reports.size() - 1);
            Map<String, String> values = new LinkedHashMap<>();
            values.put("ae_id", e.id());
            values.put("term", e.term());
            values.put("grade", e.grade() == null ? null : String.valueOf(e.grade().number()));
            values.put("serious", String.valueOf(e.isSerious()));
            values.put("seriousness", e.seriousness().isEmpty() ? null : e.seriousness().stream()
                    .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
            values.put("causality", lower(e.causality()));
            values.put("expected", String.valueOf(e.expected()));
            values.put("onset", e.onset() == null ? null : e.onset().toString());
            values.put("sponsor_aware", e.sponsorAware() == null ? null : e.sponsorAware().toString());
            values.put("outcome", lower(e.outcome()));
            values.put("mace", lower(e.mace()));
            xml.start("ItemGroupData", "ItemGroupOID", Oids.group(OdmForms.ADVERSE_EVENTS), "ItemGroupRepeatKey",
                    repeat++, "TransactionType", "Insert");
            audit(last == null ? SYSTEM : last.by(), site, last == null ? source.exportedAt() : last.at(),
                    reports.size() > 1 ? "follow-up report " + (reports.size() - 1) : null);
            items(OdmForms.ADVERSE_EVENTS, values);
            xml.end();
        }
        xml.end().end();
    }

    private void group(String form, Integer repeat, Map<String, String> values) {
        xml.start("ItemGroupData", "ItemGroupOID", Oids.group(form), "ItemGroupRepeatKey", repeat, "TransactionType",
                "Insert");
        items(form, values);
        xml.end();
    }

    private void items(String form, Map<String, String> values) {
        values.forEach((item, value) -> {
            if (value != null) {
                xml.empty("ItemData", "ItemOID", Oids.item(form, item), "TransactionType", "Insert", "Value", value);
            }
        });
    }

    private void audit(String user, String site, Instant at, String reason) {
        xml.start("AuditRecord")
                .empty("UserRef", "UserOID", Oids.user(user == null ? SYSTEM : user))
                .empty("LocationRef", "LocationOID", Oids.location(site))
                .text("DateTimeStamp", at.toString())
                .text("ReasonForChange", reason)
                .end();
    }

    private static String lower(Enum<?> e) {
        return e == null ? null : e.name().toLowerCase(Locale.ROOT);
    }
}
