package org.stroma.prescreen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a line of a bulk export goes before it is read: to its patient's group ("Patient/123"), to every group (a
 * Medication, which belongs to no patient and is referred to by prescriptions), or nowhere (resource types screening
 * does not read: claims, organisations, documents — not even parsed). A line that is not JSON goes to the patient it
 * mentions, whose record it would have been part of; one that mentions none goes to {@link #UNREADABLE}, and a
 * resource that names no patient to {@link #UNPLACED}.
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
    static String of(String line) {
        JsonNode r;
        try {
            r = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return mentioned(line);
        }
        if (r == null || !r.isObject()) {
            return mentioned(line);
        }
        String type = r.path("resourceType").asText("");
        if (type.equals("Patient")) {
            return r.hasNonNull("id") ? "Patient/" + r.get("id").asText() : mentioned(line);
        }
        if (type.equals("Medication")) {
            return SHARED;
        }
        String field = BY_SUBJECT.contains(type) ? "subject" : BY_PATIENT.contains(type) ? "patient" : null;
        if (field == null) {
            return type.isEmpty() ? mentioned(line) : null;
        }
        String reference = r.path(field).path("reference").asText("");
        // a resource naming no patient is its own group: the reader reports it, and it spoils nobody's record
        return reference.isEmpty() ? UNPLACED : key(reference);
    }

    /** "Patient/1", absolute or with a version, as "Patient/1"; anything else as it is. */
    static String key(String reference) {
        String plain = reference.replaceFirst("/_history/.*$", "");
        int at = plain.lastIndexOf("Patient/");
        return at >= 0 && plain.indexOf('/', at + 8) < 0 ? plain.substring(at) : plain;
    }

    private static String mentioned(String line) {
        Matcher m = MENTION.matcher(line);
        return m.find() ? "Patient/" + m.group(1) : UNREADABLE;
    }
}
