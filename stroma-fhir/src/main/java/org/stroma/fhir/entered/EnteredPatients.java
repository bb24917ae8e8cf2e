package org.stroma.fhir.entered;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.trial.concept.Concept;
import org.stroma.trial.concept.ConceptDictionary;
import org.stroma.trial.patient.AdministrativeSex;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;
import org.stroma.trial.patient.Silence;

/**
 * Patients entered directly rather than exported from a record system: a JSON document of facts named by the concept
 * dictionary's ids, with the investigator's answers to the criteria that need them.
 *
 * <pre>
 * {"patients": [{"id": "P-001", "birthDate": "1961-04-02", "sex": "female",
 *   "observations": [{"concept": "lvef", "value": 40, "unit": "%", "date": "2026-05-04"},
 *                    {"concept": "nyha", "class": "III", "date": "2026-05-04"}],
 *   "conditions":   [{"concept": "ischemic_cardiomyopathy", "onset": "2023-02-11", "end": null}],
 *   "procedures":   [{"concept": "pci", "date": "2024-01-10", "planned": false}],
 *   "medications":  [{"concept": "corticosteroid", "name": "prednisone", "start": "2025-11-02", "end": "2025-12-01"}],
 *   "allergies":    [{"concept": "antibiotic", "name": "amoxicillin"}, {"name": "latex", "drug": false}],
 *   "attestations": {"I1": true, "E27": false}}]}
 * </pre>
 *
 * A fact may give a code instead of a concept ({@code "code": {"system": "http://loinc.org", "code": "10230-1"}}).
 * An allergy is to a drug unless {@code "drug": false}, and holds unless {@code "resolved": true}.
 * A mistake is an {@link InvalidPatientDataException} that gives its JSON path.
 */
public final class EnteredPatients {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ConceptDictionary dictionary;

    public EnteredPatients(ConceptDictionary dictionary) {
        this.dictionary = dictionary;
    }

    /** Whether a JSON document looks like entered patients (rather than FHIR). */
    static boolean looksLike(JsonNode root) {
        return root != null && root.isObject() && root.has("patients") && !root.has("resourceType");
    }

    public List<PatientRecord> read(String name, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPatientDataException(name, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (!looksLike(root) || !root.get("patients").isArray()) {
            throw new InvalidPatientDataException(name, "expected {\"patients\": [ … ]}");
        }
        List<PatientRecord> patients = new ArrayList<>();
        JsonNode list = root.get("patients");
        for (int i = 0; i < list.size(); i++) {
            patients.add(patient(name + ": patients[" + i + "]", list.get(i)));
        }
        return patients;
    }

    /** Answers to criteria by patient id: {"P-001": {"I1": true, "E27": false}}. */
    public static Map<String, Map<String, Boolean>> answers(String name, String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new InvalidPatientDataException(name, "not JSON (" + e.getOriginalMessage() + ")");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidPatientDataException(name, "expected {\"patient id\": {\"criterion id\": true|false}}");
        }
        Map<String, Map<String, Boolean>> answers = new HashMap<>();
        for (Map.Entry<String, JsonNode> patient : root.properties()) {
            answers.put(patient.getKey(), attestations(name + ": " + patient.getKey(), patient.getValue()));
        }
        return answers;
    }

    private PatientRecord patient(String at, JsonNode p) {
        String id = text(at, p, "id", true);
        String sex = text(at, p, "sex", false);
        List<Observation> observations = new ArrayList<>();
        List<Diagnosis> conditions = new ArrayList<>();
        List<ProcedureRecord> procedures = new ArrayList<>();
        List<Medication> medications = new ArrayList<>();
        each(at, p, "observations", (where, o) -> {
            Double value = o.has("value") ? number(where, o, "value") : null;
            String valueCode = o.has("class") ? text(where, o, "class", true).toUpperCase(Locale.ROOT) : null;
            if (value == null && valueCode == null) {
                throw new InvalidPatientDataException(where, "an observation needs a \"value\" or a \"class\"");
            }
            observations.add(new Observation(codes(where, o), value, text(where, o, "unit", false), valueCode,
                    date(where, o, "date", true), o.has("upperLimit") ? number(where, o, "upperLimit") : null, where));
        });
        each(at, p, "conditions", (where, c) -> conditions.add(new Diagnosis(codes(where, c), date(where, c, "onset",
                false), date(where, c, "end", false), where)));
        each(at, p, "procedures", (where, c) -> procedures.add(new ProcedureRecord(codes(where, c), date(where, c,
                "date", true), c.path("planned").asBoolean(false), where)));
        each(at, p, "medications", (where, m) -> {
            Substance drug = substance(where, m, "a medication");
            medications.add(new Medication(drug.codes(), drug.text(), date(where, m, "start", false), date(where, m,
                    "end", false), m.path("endUnknown").asBoolean(false), where));
        });
        List<Allergy> allergies = new ArrayList<>();
        each(at, p, "allergies", (where, a) -> {
            Substance substance = substance(where, a, "an allergy");
            allergies.add(new Allergy(substance.codes(), substance.text(), a.path("drug").asBoolean(true),
                    !a.path("resolved").asBoolean(false), date(where, a, "recorded", false), where));
        });
        return new PatientRecord(id, date(at, p, "birthDate", false), sex(at, sex), observations, conditions,
                procedures, medications, allergies, p.has("attestations") ? attestations(at + ".attestations",
                p.get("attestations")) : Map.of(), Silence.CLOSED);
    }

    /** A drug or an allergy's substance: by its class (a concept), its code, or its name, with what it is called. */
    private record Substance(List<Code> codes, String text) {
    }

    private Substance substance(String where, JsonNode fact, String what) {
        Concept drugClass = fact.has("concept") ? concept(where, fact) : null;
        String name = text(where, fact, "name", false);
        if (drugClass == null && name == null && !fact.has("code")) {
            throw new InvalidPatientDataException(where, what + " needs a \"concept\", a \"code\" or a \"name\"");
        }
        List<Code> codes = drugClass == null && !fact.has("code") ? List.of() : codes(where, fact);
        return new Substance(codes, name != null ? name : drugClass != null ? drugClass.label() : null);
    }

    private interface Fact {
        void read(String where, JsonNode node);
    }

    private static void each(String at, JsonNode p, String field, Fact fact) {
        JsonNode list = p.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return;
        }
        if (!list.isArray()) {
            throw new InvalidPatientDataException(at + "." + field, "expected a list");
        }
        for (int i = 0; i < list.size(); i++) {
            fact.read(at + "." + field + "[" + i + "]", list.get(i));
        }
    }

    private List<Code> codes(String where, JsonNode fact) {
        if (fact.has("code")) {
            JsonNode code = fact.get("code");
            return List.of(new Code(text(where + ".code", code, "system", true), text(where + ".code", code, "code",
                    true), text(where + ".code", code, "display", false)));
        }
        return List.of(code(concept(where, fact)));
    }

    /** The code a fact entered by concept is filed under: the concept's first, with its label. */
    static Code code(Concept concept) {
        Concept.DictionaryCode first = concept.codes().get(0);
        return new Code(first.system(), first.code(), concept.label());
    }

    private Concept concept(String where, JsonNode fact) {
        String id = text(where, fact, "concept", true);
        return dictionary.find(id).orElseThrow(() -> new InvalidPatientDataException(where,
                "no concept '" + id + "' in the concept dictionary"));
    }

    private static Map<String, Boolean> attestations(String where, JsonNode node) {
        if (!node.isObject()) {
            throw new InvalidPatientDataException(where, "expected {\"criterion id\": true|false}");
        }
        Map<String, Boolean> answers = new HashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            if (!e.getValue().isBoolean()) {
                throw new InvalidPatientDataException(where + "." + e.getKey(), "expected true or false, not "
                        + e.getValue());
            }
            answers.put(e.getKey(), e.getValue().booleanValue());
        }
        return answers;
    }

    private static AdministrativeSex sex(String at, String sex) {
        if (sex == null) {
            return AdministrativeSex.UNKNOWN;
        }
        try {
            return AdministrativeSex.valueOf(sex.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPatientDataException(at + ".sex", "'" + sex + "' is not female, male, other or unknown");
        }
    }

    private static String text(String at, JsonNode node, String field, boolean required) {
        JsonNode v = node.path(field);
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                throw new InvalidPatientDataException(at, "\"" + field + "\" is missing");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw new InvalidPatientDataException(at + "." + field, "expected text, not " + v);
        }
        return v.asText();
    }

    private static double number(String at, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (!v.isNumber()) {
            throw new InvalidPatientDataException(at + "." + field, "expected a number, not " + v);
        }
        return v.asDouble();
    }

    private static LocalDate date(String at, JsonNode node, String field, boolean required) {
        String s = text(at, node, field, required);
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidPatientDataException(at + "." + field, "'" + s + "' is not a date (YYYY-MM-DD)");
        }
    }
}
