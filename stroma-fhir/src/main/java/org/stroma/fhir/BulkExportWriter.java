package org.stroma.fhir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.trial.patient.Allergy;
import org.stroma.trial.patient.Code;
import org.stroma.trial.patient.Diagnosis;
import org.stroma.trial.patient.Medication;
import org.stroma.trial.patient.Observation;
import org.stroma.trial.patient.PatientRecord;
import org.stroma.trial.patient.ProcedureRecord;

/**
 * Writes patient records as a FHIR Bulk Data export: one NDJSON file per resource type ({@code Patient.ndjson},
 * {@code Observation.ndjson}, …), each line a resource whose subject is {@code Patient/id}, as a server's
 * {@code $export} writes them. What {@link FhirPatientReader} reads back is the same record, facts for facts; the
 * investigator's answers are no part of a health record and are not written.
 */
public final class BulkExportWriter implements Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UCUM = "http://unitsofmeasure.org";

    private final Path folder;
    private final Map<String, BufferedWriter> files = new LinkedHashMap<>();

    public BulkExportWriter(Path folder) throws IOException {
        this.folder = Files.createDirectories(folder);
    }

    /** Appends a patient's resources to the export. */
    public void write(PatientRecord p) {
        String subject = "Patient/" + p.id();
        ObjectNode patient = resource("Patient", p.id());
        if (p.sex() != null) {
            patient.put("gender", p.sex().name().toLowerCase(Locale.ROOT));
        }
        if (p.birthDate() != null) {
            patient.put("birthDate", p.birthDate().toString());
        }
        append(patient);
        int n = 0;
        for (Observation o : p.observations()) {
            ObjectNode r = clinical("Observation", p.id() + "-o" + (++n), subject, o.codes(), null);
            r.put("status", "final");
            date(r, "effectiveDateTime", o.date());
            if (o.value() != null) {
                ObjectNode q = r.putObject("valueQuantity").put("value", o.value());
                if (o.unit() != null) {
                    q.put("unit", o.unit()).put("system", UCUM).put("code", o.unit());
                }
            } else if (o.valueCode() != null) {
                r.putObject("valueCodeableConcept").putArray("coding").addObject().put("code", o.valueCode());
            }
            if (o.referenceHigh() != null) {
                r.putArray("referenceRange").addObject().putObject("high").put("value", o.referenceHigh());
            }
            append(r);
        }
        n = 0;
        for (Diagnosis d : p.conditions()) {
            ObjectNode r = clinical("Condition", p.id() + "-c" + (++n), subject, d.codes(), null);
            date(r, "onsetDateTime", d.onset());
            date(r, "abatementDateTime", d.abatement());
            append(r);
        }
        n = 0;
        for (ProcedureRecord x : p.procedures()) {
            ObjectNode r = clinical("Procedure", p.id() + "-p" + (++n), subject, x.codes(), null);
            r.put("status", x.planned() ? "preparation" : "completed");
            date(r, "performedDateTime", x.date());
            append(r);
        }
        n = 0;
        for (Medication m : p.medications()) {
            ObjectNode r = clinical("MedicationStatement", p.id() + "-m" + (++n), subject, m.codes(), m.text());
            r.put("status", m.endUnknown() ? "completed" : m.end() == null ? "active" : "completed");
            if (m.start() != null || m.end() != null) {
                ObjectNode period = r.putObject("effectivePeriod");
                date(period, "start", m.start());
                date(period, "end", m.end());
            }
            append(r);
        }
        n = 0;
        for (Allergy a : p.allergies()) {
            ObjectNode r = resource("AllergyIntolerance", p.id() + "-a" + (++n));
            r.putObject("clinicalStatus").putArray("coding").addObject().put("code", a.active() ? "active"
                    : "inactive");
            r.putArray("category").add(a.drug() ? "medication" : "environment");
            concept(r.putObject("code"), a.codes(), a.text());
            r.putObject("patient").put("reference", subject);
            date(r, "onsetDateTime", a.recorded());
            append(r);
        }
    }

    private static ObjectNode resource(String type, String id) {
        return JSON.createObjectNode().put("resourceType", type).put("id", id);
    }

    private static ObjectNode clinical(String type, String id, String subject, List<Code> codes, String text) {
        ObjectNode r = resource(type, id);
        concept(r.putObject(type.equals("MedicationStatement") ? "medicationCodeableConcept" : "code"), codes, text);
        r.putObject("subject").put("reference", subject);
        return r;
    }

    private static void concept(ObjectNode concept, List<Code> codes, String text) {
        ArrayNode coding = concept.putArray("coding");
        for (Code c : codes) {
            if (c.code() == null) {
                continue;
            }
            ObjectNode one = coding.addObject();
            if (c.system() != null) {
                one.put("system", c.system());
            }
            one.put("code", c.code());
            if (c.display() != null) {
                one.put("display", c.display());
            }
        }
        if (text != null) {
            concept.put("text", text);
        }
    }

    private static void date(ObjectNode node, String field, LocalDate date) {
        if (date != null) {
            node.put(field, date.toString());
        }
    }

    private void append(ObjectNode resource) {
        String type = resource.get("resourceType").asText();
        try {
            BufferedWriter out = files.get(type);
            if (out == null) {
                out = Files.newBufferedWriter(folder.resolve(type + ".ndjson"), StandardCharsets.UTF_8);
                files.put(type, out);
            }
            out.write(JSON.writeValueAsString(resource));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        for (BufferedWriter out : files.values()) {
            out.close();
        }
    }
}
