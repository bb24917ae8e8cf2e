package org.stroma.export.odm;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.stroma.export.ExportSource;
import org.stroma.export.ExportedFile;
import org.stroma.export.XmlWriter;
import org.stroma.trial.capture.FormDef;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.Signature;
import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.safety.AdverseEvent;
import org.stroma.trial.subject.Subject;

/**
 * A trial as one CDISC ODM 1.3.2 file ({@value #FILE}): the study's metadata — every visit of the schedule as a
 * StudyEventDef, its forms, their item groups and items with data type, unit, ranges and code lists — and its clinical
 * data down to each item, with the history of every value. The file is transactional: each saved version of a form is
 * a FormData of its own, with the AuditRecord of who saved it, when, where and why, the items it inserted, updated or
 * removed, and the signature given to that version (a later change voided it, as the next FormData shows).
 *
 * <p>Two forms carry what is not a case report form in Stroma: enrolment (consent, randomization, the kit code, the
 * state the subject is in and why they left; the arm and the sequence's treatments only in an unblinded export) and
 * adverse events (a repeating item group, one per event). ODM 1.3.2 has no element for an arm, so the arm is an item of
 * the enrolment form, absent from a blinded file's metadata as from its data.
 */
public final class OdmExport {
    public static final String FILE = "odm.xml";
    static final String NAMESPACE = "http://www.cdisc.org/ns/odm/v1.3";

    private static final String METADATA = "MDV.1";

    private final ExportSource source;
    private final XmlWriter xml = new XmlWriter();
    private final String study;
    private final Map<String, Set<FormDef>> eventForms = new LinkedHashMap<>();
    private final Set<String> unscheduled = new LinkedHashSet<>();
    private final Map<String, String> users = new LinkedHashMap<>();
    private final Map<String, String> meanings = new LinkedHashMap<>();

    private OdmExport(ExportSource source) {
        this.source = source;
        this.study = Oids.of("ST", source.design().trial());
        source.formPlan().forEach((visit, forms) -> eventForms.put(visit, new LinkedHashSet<>(forms)));
        for (Subject s : source.subjects()) {
            for (FormRecord f : source.forms(s.id())) {
                if (!eventForms.containsKey(f.visit())) {
                    unscheduled.add(f.visit());
                }
                eventForms.computeIfAbsent(f.visit(), v -> new LinkedHashSet<>()).add(f.form());
                f.versions().forEach(v -> users.putIfAbsent(v.by(), null));
                for (Signature g : f.signatures()) {
                    users.put(g.username(), g.printedName());
                    meanings.putIfAbsent(g.meaning(), Oids.of("SD", String.valueOf(meanings.size() + 1)));
                }
            }
        }
    }

    public static List<ExportedFile> files(ExportSource source) {
        return List.of(ExportedFile.text(FILE, new OdmExport(source).document()));
    }

    private String document() {
        xml.start("ODM", "xmlns", NAMESPACE, "FileType", "Transactional", "Granularity", "All",
                "FileOID", Oids.of("STROMA", source.design().trial() + "." + source.exportedAt().toEpochMilli()),
                "CreationDateTime", source.exportedAt(), "AsOfDateTime", source.exportedAt(), "ODMVersion", "1.3.2",
                "Originator", "Stroma", "SourceSystem", "Stroma",
                "Description", source.blinded() ? "Blinded: no subject's arm or sequence" : "Unblinded: arms included");
        study();
        adminData();
        clinicalData();
        xml.end();
        return xml.document();
    }

    private void study() {
        xml.start("Study", "OID", study);
        xml.start("GlobalVariables")
                .text("StudyName", source.design().trial())
                .text("StudyDescription", source.design().title())
                .text("ProtocolName", source.design().trial())
                .end();
        List<String> units = new ArrayList<>();
        allForms().forEach(f -> f.items().stream().map(ItemDef::unit).filter(Objects::nonNull)
                .filter(u -> !units.contains(u)).forEach(units::add));
        if (!units.isEmpty()) {
            xml.start("BasicDefinitions");
            for (String u : units) {
                xml.start("MeasurementUnit", "OID", Oids.of("MU", u), "Name", u)
                        .start("Symbol").text("TranslatedText", u).end()
                        .end();
            }
            xml.end();
        }
        new OdmMetadata(xml, !source.blinded(), eventForms, unscheduled, allForms()).write(METADATA);
        xml.end();
    }

    private List<FormDef> allForms() {
        Set<FormDef> forms = new LinkedHashSet<>();
        eventForms.values().forEach(forms::addAll);
        return List.copyOf(forms);
    }

    private void adminData() {
        xml.start("AdminData", "StudyOID", study);
        users.putIfAbsent(OdmClinicalData.SYSTEM, null);
        for (Subject s : source.subjects()) {
            s.history().forEach(h -> users.putIfAbsent(h.by(), null));
            source.consents(s.id()).forEach(c -> users.putIfAbsent(c.recordedBy(), null));
        }
        for (AdverseEvent e : source.adverseEvents()) {
            users.putIfAbsent(OdmClinicalData.reporter(source, e), null);
        }
        for (Map.Entry<String, String> u : users.entrySet()) {
            if (u.getKey() == null) {
                continue;
            }
            xml.start("User", "OID", Oids.user(u.getKey()), "UserType", "Other")
                    .text("LoginName", u.getKey())
                    .text("FullName", u.getValue())
                    .end();
        }
        for (String site : sites()) {
            xml.start("Location", "OID", Oids.location(site), "Name", site, "LocationType", "Site")
                    .empty("MetaDataVersionRef", "StudyOID", study, "MetaDataVersionOID", METADATA, "EffectiveDate",
                            firstDay())
                    .end();
        }
        for (Map.Entry<String, String> m : meanings.entrySet()) {
            xml.start("SignatureDef", "OID", m.getValue(), "Methodology", "Electronic")
                    .text("Meaning", m.getKey())
                    .text("LegalReason", "21 CFR Part 11 electronic signature: user name and password, given again"
                            + " at signing")
                    .end();
        }
        xml.end();
    }

    /** The sites, with any site a subject belongs to that the design does not list. */
    private List<String> sites() {
        Set<String> sites = new LinkedHashSet<>(source.design().sites());
        source.subjects().forEach(s -> sites.add(s.site()));
        if (sites.isEmpty()) {
            sites.add(OdmClinicalData.NO_SITE);
        }
        return List.copyOf(sites);
    }

    /** The first day anything happened in the trial: when its metadata came into use. */
    private LocalDate firstDay() {
        Instant first = source.subjects().stream().flatMap(s -> s.history().stream()).map(h -> h.at())
                .min(Instant::compareTo).orElse(source.exportedAt());
        return first.atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }

    private void clinicalData() {
        xml.start("ClinicalData", "StudyOID", study, "MetaDataVersionOID", METADATA);
        OdmClinicalData data = new OdmClinicalData(xml, source, meanings);
        for (Subject s : source.subjects()) {
            SubjectView view = source.view(s.id());
            data.subject(s, view, source.consents(s.id()), source.forms(s.id()));
        }
        xml.end();
    }
}
