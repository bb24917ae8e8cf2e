package org.stroma.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;
import org.stroma.trial.patient.Silence;

/**
 * Puts the resources read from FHIR input together, patient by patient. References are resolved by bundle fullUrl
 * ("urn:uuid:…") or by type and id ("Patient/123", absolute or relative). A clinical resource that names no patient,
 * or one the input does not hold, is an error: its facts would otherwise be silently lost.
 */
final class PatientAssembler {
    /** The resource types screening reads; others (Organization, Claim, …) are passed over. */
    private static final List<String> CLINICAL = List.of("Observation", "Condition", "Procedure", "ServiceRequest",
            "MedicationRequest", "MedicationStatement", "AllergyIntolerance", "Immunization", "Encounter");

    private final Map<String, Facts> patients = new LinkedHashMap<>();
    private final Map<String, LocatedResource> byKey = new HashMap<>();
    /** Where problems go when one bad resource is to leave out only its patient; null when it fails the input. */
    private final List<InvalidBundleException> problems;
    /** The patients left out, each for the first problem with their record. */
    private final Map<Facts, InvalidBundleException> spoiled = new HashMap<>();
    /** The patient of the resource being added, once it is known. */
    private Facts current;

    /** Fails the whole input on its first problem. */
    PatientAssembler() {
        this(null);
    }

    /** Reports each problem into {@code problems} and leaves out only the patient it concerns. */
    PatientAssembler(List<InvalidBundleException> problems) {
        this.problems = problems;
    }

    /** One patient's facts as they are gathered. */
    private static final class Facts {
        final Patient patient;
        final String source;
        final List<Observation> observations = new ArrayList<>();
        final List<Diagnosis> conditions = new ArrayList<>();
        final List<ProcedureRecord> procedures = new ArrayList<>();
        final List<Medication> medications = new ArrayList<>();
        final List<Allergy> allergies = new ArrayList<>();

        Facts(Patient patient, String source) {
            this.patient = patient;
            this.source = source;
        }
    }

    List<PatientRecord> assemble(List<LocatedResource> resources) {
        for (LocatedResource r : resources) {
            boolean duplicate = false;
            for (String key : keys(r)) {
                LocatedResource earlier = byKey.putIfAbsent(key, r);
                if (earlier != null && earlier != r && r.resource() instanceof Patient) {
                    InvalidBundleException e = r.invalid("the same patient as " + earlier.name() + " in "
                            + earlier.file() + "; a patient must appear once");
                    if (problems == null) {
                        throw e;
                    }
                    Facts first = patients.get(keys(earlier).get(0));
                    if (first != null) {
                        spoiled.putIfAbsent(first, e);
                    }
                    duplicate = true;
                }
            }
            if (r.resource() instanceof Patient p && !duplicate) {
                patients.put(keys(r).get(0), new Facts(p, "Patient/" + p.getIdElement().getIdPart()));
            }
        }
        for (LocatedResource r : resources) {
            if (CLINICAL.contains(r.resource().fhirType())) {
                current = null;
                try {
                    add(r);
                } catch (InvalidBundleException e) {
                    if (problems == null) {
                        throw e;
                    }
                    if (current == null) {
                        problems.add(e); // a resource of no patient in the input: nobody's record is short of it
                    } else {
                        spoiled.putIfAbsent(current, e);
                    }
                }
            }
        }
        List<PatientRecord> records = new ArrayList<>();
        for (Facts f : patients.values()) {
            InvalidBundleException problem = spoiled.get(f);
            if (problem != null) {
                problems.add(new InvalidBundleException(problem.file(), problem.resource(), problem.problem() + "; "
                        + f.source + " is not screened"));
                continue;
            }
            records.add(new PatientRecord(f.patient.getIdElement().getIdPart(), f.patient.hasBirthDate()
                    ? FhirDates.of(f.patient.getBirthDateElement()) : null, sex(f.patient), f.observations, f.conditions,
                    f.procedures, f.medications, f.allergies, Map.of(), Silence.CLOSED));
        }
        return records;
    }

    private void add(LocatedResource r) {
        Resource resource = r.resource();
        String source = resource.fhirType() + "/" + resource.getIdElement().getIdPart();
        if (resource instanceof Encounter) {
            patientOf(r, ((Encounter) resource).getSubject());
            return;
        }
        if (resource instanceof org.hl7.fhir.r4.model.Observation o) {
            Facts f = patientOf(r, o.getSubject());
            f.observations.addAll(ResourceFacts.observations(o, encounterDate(o.getEncounter()), source));
        } else if (resource instanceof Condition c) {
            Facts f = patientOf(r, c.getSubject());
            LocalDate birth = f.patient.hasBirthDate() ? FhirDates.of(f.patient.getBirthDateElement()) : null;
            addIfPresent(f.conditions, ResourceFacts.diagnosis(c, encounterDate(c.getEncounter()), birth, source));
        } else if (resource instanceof Procedure p) {
            Facts f = patientOf(r, p.getSubject());
            addIfPresent(f.procedures, ResourceFacts.procedure(p, encounterDate(p.getEncounter()), source));
        } else if (resource instanceof ServiceRequest s) {
            Facts f = patientOf(r, s.getSubject());
            addIfPresent(f.procedures, ResourceFacts.planned(s, source));
        } else if (resource instanceof MedicationRequest m) {
            Facts f = patientOf(r, m.getSubject());
            CodeableConcept drug = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept()
                    : medication(r, m.getMedicationReference());
            addIfPresent(f.medications, ResourceFacts.medication(m, drug, encounterDate(m.getEncounter()), source));
        } else if (resource instanceof MedicationStatement m) {
            Facts f = patientOf(r, m.getSubject());
            CodeableConcept drug = m.hasMedicationCodeableConcept() ? m.getMedicationCodeableConcept()
                    : medication(r, m.getMedicationReference());
            addIfPresent(f.medications, ResourceFacts.medication(m, drug, source));
        } else if (resource instanceof org.hl7.fhir.r4.model.Immunization i) {
            Facts f = patientOf(r, i.getPatient());
            addIfPresent(f.medications, ResourceFacts.immunization(i, encounterDate(i.getEncounter()), source));
        } else if (resource instanceof org.hl7.fhir.r4.model.AllergyIntolerance a) {
            Facts f = patientOf(r, a.getPatient());
            addIfPresent(f.allergies, ResourceFacts.allergy(a, encounterDate(a.getEncounter()), source));
        }
    }

    private static <T> void addIfPresent(List<T> list, T fact) {
        if (fact != null) {
            list.add(fact);
        }
    }

    private Facts patientOf(LocatedResource r, Reference subject) {
        if (subject == null || !subject.hasReference()) {
            throw r.invalid("it names no patient (subject)");
        }
        LocatedResource target = byKey.get(key(subject.getReference()));
        Facts f = target == null ? null : patients.get(keys(target).get(0));
        if (f == null) {
            throw r.invalid("its subject " + subject.getReference() + " is not a patient in the input");
        }
        current = f;
        return f;
    }

    private CodeableConcept medication(LocatedResource r, Reference reference) {
        LocatedResource target = reference == null || !reference.hasReference() ? null
                : byKey.get(key(reference.getReference()));
        if (target == null || !(target.resource() instanceof org.hl7.fhir.r4.model.Medication med)) {
            throw r.invalid("its medication " + (reference == null ? "" : reference.getReference())
                    + " is neither coded in it nor a Medication in the input");
        }
        return med.getCode();
    }

    private LocalDate encounterDate(Reference encounter) {
        if (encounter == null || !encounter.hasReference()) {
            return null;
        }
        LocatedResource target = byKey.get(key(encounter.getReference()));
        return target != null && target.resource() instanceof Encounter e ? FhirDates.start(e.getPeriod()) : null;
    }

    /** The keys a resource is found by: its fullUrl, and its type and id. */
    private static List<String> keys(LocatedResource r) {
        List<String> keys = new ArrayList<>();
        String id = r.resource().getIdElement().getIdPart();
        if (id != null) {
            keys.add(r.resource().fhirType() + "/" + id);
        }
        if (r.fullUrl() != null && !r.fullUrl().isBlank()) {
            keys.add(key(r.fullUrl()));
        }
        if (keys.isEmpty()) {
            keys.add(r.file() + "#" + r.place());
        }
        return keys;
    }

    /** "urn:uuid:…" as it is; "https://host/fhir/Patient/1/_history/2" as "Patient/1". */
    static String key(String reference) {
        if (reference.startsWith("urn:")) {
            return reference;
        }
        String[] parts = reference.replaceFirst("/_history/.*$", "").split("/");
        return parts.length >= 2 ? parts[parts.length - 2] + "/" + parts[parts.length - 1] : reference;
    }

    private static AdministrativeSex sex(Patient p) {
        if (!p.hasGender()) {
            return AdministrativeSex.UNKNOWN;
        }
        return switch (p.getGender()) {
            case FEMALE -> AdministrativeSex.FEMALE;
            case MALE -> AdministrativeSex.MALE;
            case OTHER -> AdministrativeSex.OTHER;
            default -> AdministrativeSex.UNKNOWN;
        };
    }
}
