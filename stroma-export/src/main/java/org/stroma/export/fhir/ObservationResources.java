package org.stroma.export.fhir;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;
import org.stroma.export.ExportSource;
import org.stroma.trial.capture.FormRecord;
import org.stroma.trial.capture.FormVersion;
import org.stroma.trial.capture.ItemDef;
import org.stroma.trial.capture.ItemType;
import org.stroma.trial.schedule.VisitCalendar;

/**
 * Each item captured on a subject's forms as an Observation of its current value: coded with Stroma's form-item code
 * and, where {@link FormItemCodes} knows one for sure, the standard code; the value as a UCUM quantity, a count, a
 * coded answer, a date, yes or no, or text; dated the day of its assessment (else of the visit); tied to the study by
 * R4's workflow-researchStudy extension (R4's Observation has no element that refers to a ResearchStudy: focus would
 * say the observation is about the study, and partOf admits only procedures, medication events, immunizations and
 * imaging studies). A value changed after it was first saved is "amended"; the earlier values and the reasons stay in
 * the ODM export's audit trail.
 */
final class ObservationResources {
    private static final String VITAL_SIGNS = "vital-signs";
    /** R4's profile of a vital sign: its category, its LOINC code, and a value in one of the UCUM units it allows. */
    private static final String VITAL_SIGNS_PROFILE = "http://hl7.org/fhir/StructureDefinition/vitalsigns";

    private final ExportSource source;
    private final FormItemCodes codes;

    ObservationResources(ExportSource source, FormItemCodes codes) {
        this.source = source;
        this.codes = codes;
    }

    List<Resource> resources(String subject) {
        List<Resource> out = new ArrayList<>();
        // a subject has a calendar from randomization on; a screened subject's forms are dated by their saving
        VisitCalendar calendar = source.randomizedAt(subject) == null ? null : source.calendar(subject);
        for (FormRecord f : source.forms(subject)) {
            if (f.versions().isEmpty()) {
                continue;
            }
            FormVersion current = f.current();
            LocalDate day = visitDay(calendar, f);
            for (Map.Entry<String, String> value : current.values().entrySet()) {
                ItemDef item = f.form().item(value.getKey()).orElse(null);
                if (item == null || value.getValue() == null || value.getValue().isBlank()) {
                    continue;
                }
                out.add(observation(subject, f, item, value.getValue(), day, changed(f, item.id())));
            }
        }
        return out;
    }

    /** The day of the assessment where the form gives it, else of its visit, else of the form's first save. */
    private LocalDate visitDay(VisitCalendar calendar, FormRecord f) {
        if (f.assessedOn() != null) {
            return f.assessedOn();
        }
        if (calendar != null) {
            LocalDate done = calendar.visits().stream().filter(v -> v.plan().name().equals(f.visit()))
                    .map(VisitCalendar.Visit::done).filter(d -> d != null).findFirst().orElse(null);
            if (done != null) {
                return done;
            }
        }
        return source.localDay(f.subject(), f.versions().get(0).at());
    }

    /** Whether the item's value was changed after it was first saved. */
    private static boolean changed(FormRecord f, String item) {
        String first = null;
        for (FormVersion v : f.versions()) {
            String value = v.values().get(item);
            if (first == null) {
                first = value;
            } else if (value != null && !value.equals(first)) {
                return true;
            }
        }
        return false;
    }

    private Observation observation(String subject, FormRecord f, ItemDef item, String value, LocalDate day,
            boolean amended) {
        String form = f.form().id();
        Observation o = new Observation();
        o.setId(FhirIds.of(source.design().trial(), subject, f.visit(), form, item.id()));
        o.addExtension(new Extension(Systems.RESEARCH_STUDY_EXTENSION, StudyResources.studyReference(source)));
        o.setStatus(amended ? Observation.ObservationStatus.AMENDED : Observation.ObservationStatus.FINAL);
        String category = codes.category(form);
        Coding standard = codes.standardCode(form, item.id());
        if (VITAL_SIGNS.equals(category) && standard != null) {
            // claimed only where the validator can hold it to the profile: a vital sign with its LOINC code
            o.getMeta().addProfile(VITAL_SIGNS_PROFILE);
        }
        if (category != null) {
            o.addCategory(new CodeableConcept().addCoding(new Coding(Systems.OBSERVATION_CATEGORY, category, null)));
        }
        CodeableConcept code = new CodeableConcept();
        if (standard != null) {
            code.addCoding(standard);
        }
        code.addCoding(new Coding(Systems.FORM_ITEM, FormItemCodes.key(form, item.id()), item.label()));
        code.setText(item.label());
        o.setCode(code);
        o.setSubject(SubjectResources.patientReference(source, subject));
        o.setEffective(new DateTimeType(day.toString()));
        o.setIssuedElement(Times.instant(f.current().at()));
        // who entered the value on the form, by their Stroma user name: the person who vouches for it
        o.addPerformer(new Reference().setIdentifier(new Identifier().setSystem(Systems.USER).setValue(
                f.current().by())).setDisplay(f.current().by()));
        o.setValue(value(form, item, value));
        return o;
    }

    /** The value as its item's type says; a value that does not read as its type is kept as text. */
    private Type value(String form, ItemDef item, String value) {
        try {
            switch (item.type()) {
                case INTEGER, DECIMAL -> {
                    BigDecimal number = new BigDecimal(value.strip());
                    if (item.unit() == null || item.unit().isBlank()) {
                        return item.type() == ItemType.INTEGER
                                ? new IntegerType(number.intValueExact()) : new Quantity().setValue(number);
                    }
                    Quantity q = new Quantity().setValue(number).setUnit(item.unit());
                    String ucum = codes.ucum(item.unit());
                    if (ucum != null) {
                        q.setSystem(Systems.UCUM).setCode(ucum);
                    }
                    return q;
                }
                case BOOLEAN -> {
                    return new BooleanType(value.strip().equalsIgnoreCase("yes"));
                }
                case DATE -> {
                    return new DateTimeType(LocalDate.parse(value.strip()).toString());
                }
                case CODED -> {
                    return new CodeableConcept().addCoding(new Coding(Systems.FORM_ITEM_ANSWER + "/"
                            + FormItemCodes.key(form, item.id()), value.strip(), null)).setText(value.strip());
                }
                default -> {
                    return new StringType(value);
                }
            }
        } catch (RuntimeException unreadable) {
            return new StringType(value);
        }
    }
}
