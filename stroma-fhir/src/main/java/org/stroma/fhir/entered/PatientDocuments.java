package org.stroma.fhir.entered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.stroma.fhir.FhirPatientReader;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.patient.PatientRecord;

/**
 * One document of patients, whichever kind it is: Stroma's entered patients ({"patients": […]}) or FHIR R4 (a Bundle,
 * a resource, NDJSON). A document that is not JSON goes to the FHIR reader, whose error names the place.
 */
public final class PatientDocuments {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PatientDocuments() {
    }

    public static List<PatientRecord> read(String name, String content, ConceptDictionary dictionary) {
        return isEntered(content) ? new EnteredPatients(dictionary).read(name, content)
                : new FhirPatientReader().read(name, content);
    }

    /** Whether the content is Stroma's entered patients rather than FHIR (content that is not JSON is not). */
    public static boolean isEntered(String content) {
        try {
            return EnteredPatients.looksLike(JSON.readTree(content));
        } catch (JsonProcessingException e) {
            return false;
        }
    }
}
