package org.stroma.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Type;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.ProcedureRecord;

/**
 * What each kind of FHIR resource says about a patient, as screening facts. A record marked entered-in-error, refuted,
 * cancelled or not done says nothing. A date the resource lacks is taken from its encounter.
 */
final class ResourceFacts {
    private static final String UCUM = "http://unitsofmeasure.org";

    private ResourceFacts() {
    }

    /**
     * The codings with a code, and the concept's text when no coding displays it: a text without a code is kept as a
     * code's display alone, so that a record whose codes Stroma does not know can still be recognised by its name.
     */
    static List<Code> codes(CodeableConcept concept) {
        List<Code> codes = new ArrayList<>();
        if (concept != null) {
            for (Coding c : concept.getCoding()) {
                if (c.hasCode()) {
                    codes.add(new Code(c.getSystem(), c.getCode(), c.getDisplay()));
                }
            }
            if (concept.hasText() && codes.stream().noneMatch(c -> concept.getText().equals(c.display()))) {
                codes.add(new Code(null, null, concept.getText()));
            }
        }
        return codes;
    }

    static String text(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        if (concept.hasText()) {
            return concept.getText();
        }
        return concept.getCoding().stream().filter(Coding::hasDisplay).map(Coding::getDisplay).findFirst().orElse(null);
    }

    /** The observation and each of its components (a blood pressure's systolic and diastolic) as observations. */
    static List<Observation> observations(org.hl7.fhir.r4.model.Observation o, LocalDate encounterDate, String source) {
        String status = o.hasStatus() ? o.getStatus().toCode() : "";
        if (status.equals("entered-in-error") || status.equals("cancelled")) {
            return List.of();
        }
        LocalDate date = FhirDates.startOf(o.getEffective());
        if (date == null && o.hasIssued()) {
            date = FhirDates.of(o.getIssuedElement());
        }
        if (date == null) {
            date = encounterDate;
        }
        Double high = o.getReferenceRange().stream().filter(r -> r.hasHigh() && r.getHigh().hasValue())
                .map(r -> r.getHigh().getValue().doubleValue()).findFirst().orElse(null);
        List<Observation> all = new ArrayList<>();
        if (o.hasValue()) {
            all.add(observation(codes(o.getCode()), o.getValue(), date, high, source));
        }
        for (int i = 0; i < o.getComponent().size(); i++) {
            var component = o.getComponent().get(i);
            if (component.hasValue()) {
                all.add(observation(codes(component.getCode()), component.getValue(), date, null,
                        source + "#component" + (i + 1)));
            }
        }
        if (all.isEmpty() && o.hasDataAbsentReason() == false && o.getHasMember().isEmpty()) {
            // an observation without a value still says it was made: "no numeric value" beats "not recorded"
            all.add(new Observation(codes(o.getCode()), null, null, null, date, high, source));
        }
        return all;
    }

    private static Observation observation(List<Code> codes, Type value, LocalDate date, Double high, String source) {
        if (value instanceof Quantity q) {
            String unit = q.hasCode() && (!q.hasSystem() || UCUM.equals(q.getSystem())) ? q.getCode() : q.getUnit();
            return new Observation(codes, q.hasValue() ? q.getValue().doubleValue() : null, unit, null, date, high,
                    source);
        }
        if (value instanceof IntegerType i) {
            return new Observation(codes, i.getValue() == null ? null : i.getValue().doubleValue(), null, null, date,
                    high, source);
        }
        if (value instanceof CodeableConcept cc) {
            String code = cc.getCoding().stream().filter(Coding::hasCode).map(Coding::getCode).findFirst()
                    .orElse(cc.getText());
            return new Observation(codes, null, null, code, date, high, source);
        }
        return new Observation(codes, null, null, value.primitiveValue(), date, high, source);
    }

    /** A condition, or null when the record withdraws it. */
    static Diagnosis diagnosis(Condition c, LocalDate encounterDate, LocalDate birthDate, String source) {
        String verification = c.hasVerificationStatus() ? c.getVerificationStatus().getCodingFirstRep().getCode() : "";
        if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
            return null;
        }
        LocalDate onset = FhirDates.startOf(c.getOnset());
        if (onset == null && c.hasOnsetAge() && birthDate != null && c.getOnsetAge().hasValue()) {
            onset = birthDate.plusYears(c.getOnsetAge().getValue().longValue());
        }
        if (onset == null && c.hasRecordedDate()) {
            onset = FhirDates.of(c.getRecordedDateElement());
        }
        if (onset == null) {
            onset = encounterDate;
        }
        LocalDate abatement = FhirDates.endOf(c.getAbatement());
        String clinical = c.hasClinicalStatus() ? c.getClinicalStatus().getCodingFirstRep().getCode() : "";
        boolean over = "resolved".equals(clinical) || "inactive".equals(clinical) || "remission".equals(clinical);
        if (abatement == null && over) {
            // over, but the record does not say since when: it was present when recorded, and is not now
            LocalDate recorded = c.hasRecordedDate() ? FhirDates.of(c.getRecordedDateElement()) : null;
            abatement = recorded != null && (onset == null || recorded.isAfter(onset)) ? recorded : onset;
        }
        return new Diagnosis(codes(c.getCode()), onset, abatement, source);
    }

    /** SNOMED CT's "no known allergy", "no known drug allergy" (and the FHIR examples' spellings of them). */
    private static final java.util.Set<String> NO_KNOWN_ALLERGY = java.util.Set.of("716186003", "409137002",
            "428607008", "429625007", "428197003");

    /**
     * An allergy or intolerance, or null when the record refutes it, entered it in error, or says there is none ("no
     * known allergy" coded as one). One unconfirmed or presumed is kept as one that may not hold. It is to a drug unless
     * its categories say food, environment or biologic only; it holds unless its clinical status is inactive or
     * resolved. Its date is when it began, or else when it was recorded.
     */
    static Allergy allergy(org.hl7.fhir.r4.model.AllergyIntolerance a, LocalDate encounterDate, String source) {
        String verification = a.hasVerificationStatus() ? a.getVerificationStatus().getCodingFirstRep().getCode() : "";
        if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
            return null;
        }
        if (a.getCode().getCoding().stream().anyMatch(c -> NO_KNOWN_ALLERGY.contains(c.getCode()))) {
            return null;
        }
        String clinical = a.hasClinicalStatus() ? a.getClinicalStatus().getCodingFirstRep().getCode() : "";
        // an unconfirmed or presumed allergy is not a known one: kept as one that may not hold, so a rule asks
        boolean confirmed = verification.isEmpty() || "confirmed".equals(verification);
        boolean drug = !a.hasCategory() || a.getCategory().stream().anyMatch(c -> "medication".equals(c.getCode()));
        LocalDate since = FhirDates.startOf(a.getOnset());
        if (since == null && a.hasRecordedDate()) {
            since = FhirDates.of(a.getRecordedDateElement());
        }
        return new Allergy(codes(a.getCode()), text(a.getCode()), drug,
                confirmed && !"inactive".equals(clinical) && !"resolved".equals(clinical),
                since != null ? since : encounterDate, source);
    }

    /** A procedure done (or, in preparation, planned), or null when it was not done. */
    static ProcedureRecord procedure(Procedure p, LocalDate encounterDate, String source) {
        String status = p.hasStatus() ? p.getStatus().toCode() : "";
        if (status.equals("not-done") || status.equals("entered-in-error")) {
            return null;
        }
        LocalDate date = FhirDates.startOf(p.getPerformed());
        List<Code> codes = codes(p.getCode());
        // the category ("surgical procedure") is a broader code of the same procedure: it places a procedure the
        // dictionary does not know by its own code in its class
        codes.addAll(codes(p.getCategory()));
        return new ProcedureRecord(codes, date != null ? date : encounterDate, status.equals("preparation"), source);
    }

    /** A procedure requested for a date to come: a planned procedure. */
    static ProcedureRecord planned(ServiceRequest s, String source) {
        String status = s.hasStatus() ? s.getStatus().toCode() : "";
        if (!(status.equals("active") || status.equals("draft") || status.equals("on-hold"))) {
            return null;
        }
        LocalDate date = FhirDates.startOf(s.getOccurrence());
        List<Code> codes = codes(s.getCode());
        s.getCategory().forEach(c -> codes.addAll(codes(c)));
        return date == null ? null : new ProcedureRecord(codes, date, true, source);
    }

    /**
     * A prescription as a course of treatment: from the dosage's bounds or the date it was written, to the bounds'
     * end. One stopped or completed without an end date was taken for a time the record does not give.
     */
    static Medication medication(MedicationRequest m, CodeableConcept drug, LocalDate encounterDate, String source) {
        String status = m.hasStatus() ? m.getStatus().toCode() : "";
        if (status.equals("entered-in-error") || status.equals("cancelled") || status.equals("draft")) {
            return null;
        }
        LocalDate start = null;
        LocalDate end = null;
        for (var dosage : m.getDosageInstruction()) {
            if (dosage.hasTiming() && dosage.getTiming().hasRepeat() && dosage.getTiming().getRepeat().hasBoundsPeriod()) {
                start = FhirDates.start(dosage.getTiming().getRepeat().getBoundsPeriod());
                end = FhirDates.end(dosage.getTiming().getRepeat().getBoundsPeriod());
            }
        }
        if (start == null && m.hasAuthoredOn()) {
            start = FhirDates.of(m.getAuthoredOnElement());
        }
        if (start == null) {
            start = encounterDate;
        }
        boolean finished = status.equals("stopped") || status.equals("completed");
        return new Medication(codes(drug), text(drug), start, end, finished && end == null, source);
    }

    /**
     * A vaccine given, as a drug taken on the day it was given (a vaccine is a drug, ATC J07; its CVX code says which);
     * null when it was not given, entered in error, coded "no vaccine administered" (CVX 998), or given on a day the
     * record does not say (neither its occurrence nor its encounter's): undated, it would count in every window. The
     * day it was recorded is not the day it was given, and is not used.
     */
    static Medication immunization(org.hl7.fhir.r4.model.Immunization i, LocalDate encounterDate, String source) {
        String status = i.hasStatus() ? i.getStatus().toCode() : "";
        boolean noneGiven = i.getVaccineCode().getCoding().stream().anyMatch(c -> "998".equals(c.getCode())
                && c.hasSystem() && c.getSystem().toLowerCase(java.util.Locale.ROOT).contains("cvx"));
        if (status.equals("not-done") || status.equals("entered-in-error") || noneGiven) {
            return null;
        }
        LocalDate given = i.hasOccurrenceDateTimeType() ? FhirDates.of(i.getOccurrenceDateTimeType()) : null;
        if (given == null) {
            given = encounterDate;
        }
        return given == null ? null : new Medication(codes(i.getVaccineCode()), text(i.getVaccineCode()), given, given,
                false, source);
    }

    static Medication medication(MedicationStatement m, CodeableConcept drug, String source) {
        String status = m.hasStatus() ? m.getStatus().toCode() : "";
        if (status.equals("entered-in-error") || status.equals("not-taken") || status.equals("intended")) {
            return null;
        }
        LocalDate start = FhirDates.startOf(m.getEffective());
        LocalDate end = m.getEffective() instanceof org.hl7.fhir.r4.model.Period ? FhirDates.endOf(m.getEffective())
                : start;
        if (status.equals("active") && !(m.getEffective() instanceof org.hl7.fhir.r4.model.Period)) {
            end = null;
        }
        boolean finished = status.equals("completed") || status.equals("stopped");
        return new Medication(codes(drug), text(drug), start, end, finished && end == null, source);
    }
}
