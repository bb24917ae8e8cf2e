package org.stroma.prescreen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.fhir.NdjsonLine;

/**
 * Where a line of a bulk export goes before it is read: to its patient's group ("Patient/123", keyed as the reader
 * resolves references), to every group (a Medication, which belongs to no patient and is referred to by
 * prescriptions), or nowhere (FHIR resource types screening does not read: claims, organisations, documents — not
 * even parsed). A line that cannot be placed for sure goes to the patient it names when it names exactly one (whose
 * record it would have been part of), and otherwise to {@link #UNREADABLE}, which stops the whole prescreening: any
 * patient's record might be short of it. A clinical resource that names no patient at all (and is otherwise sound)
 * goes to {@link #UNPLACED}: it is reported and spoils nobody, as when a single upload is read.
 */
final class ResourceRoute {
    static final String SHARED = "*shared";
    static final String UNPLACED = "*unplaced";
    static final String UNREADABLE = "*unreadable";
    /** The resource types a patient record is made of, and where each names its patient. */
    private static final Set<String> BY_SUBJECT = Set.of("Observation", "Condition", "Procedure", "ServiceRequest",
            "MedicationRequest", "MedicationStatement", "Encounter");
    private static final Set<String> BY_PATIENT = Set.of("AllergyIntolerance", "Immunization");
    private static final Pattern MENTION = Pattern.compile("Patient/([A-Za-z0-9\\-.]{1,64})");
    private static final ObjectMapper JSON = new ObjectMapper();

    private ResourceRoute() {
    }

    /** The group a line belongs to; null when screening does not read its resource type. */
    static String of(NdjsonLine line) {
        String text = line.json();
        if (text.indexOf('\uFFFD') >= 0) {
            // bytes that were not UTF-8: the reader would read a changed value; the patient is left out
            return mentioned(text);
        }
        JsonNode r;
        try {
            r = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return mentioned(text);
        }
        if (r == null || !r.isObject() || !r.path("resourceType").isTextual()) {
            return mentioned(text);
        }
        String type = r.get("resourceType").asText();
        if (type.equals("Patient")) {
            return r.path("id").isTextual() ? FhirPatientReader.referenceKey("Patient/" + r.get("id").asText())
                    : mentioned(text);
        }
        if (type.equals("Medication")) {
            return SHARED;
        }
        String field = BY_SUBJECT.contains(type) ? "subject" : BY_PATIENT.contains(type) ? "patient" : null;
        if (field == null) {
            // a resource type screening does not read is passed over; one FHIR R4 does not have (a misspelling, a
            // Bundle in a bulk export) cannot be placed
            return FhirPatientReader.isResourceType(type) && !type.equals("Bundle") ? null : mentioned(text);
        }
        JsonNode subject = r.path(field);
        JsonNode reference = subject.path("reference");
        if (reference.isTextual() && !reference.asText().isBlank()) {
            return FhirPatientReader.referenceKey(reference.asText());
        }
        // no patient named (no subject, or one without a reference): reported, spoiling nobody, if it reads at all
        return (subject.isMissingNode() || subject.isObject()) && readable(line) ? UNPLACED : mentioned(text);
    }

    /** Whether a line reads as a resource on its own (its problem, if any, is only that it names no patient). */
    private static boolean readable(NdjsonLine line) {
        return new FhirPatientReader().readLines(List.of(line)).problems().stream()
                .allMatch(p -> p.getMessage().contains("names no patient"));
    }

    /** The one patient a line names, or {@link #UNREADABLE} when it names none or several. */
    private static String mentioned(String text) {
        Set<String> named = new TreeSet<>();
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            named.add(m.group(1));
        }
        return named.size() == 1 ? "Patient/" + named.iterator().next() : UNREADABLE;
    }
}
