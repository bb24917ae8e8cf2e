package org.stroma.fhir.entered;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.stroma.trial.eligibility.synthesis.SyntheticPatient;

/**
 * Writes a made-up patient as entered-patient JSON, the format {@link EnteredPatients} reads: what a coordinator would
 * upload at screening. The investigator's answers travel separately, as on the screening form.
 */
public final class EnteredPatientWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private EnteredPatientWriter() {
    }

    public static byte[] write(SyntheticPatient p) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode patient = root.putArray("patients").addObject();
        patient.put("id", p.id());
        patient.put("birthDate", p.birthDate().toString());
        patient.put("sex", p.sex().name().toLowerCase(Locale.ROOT));
        ArrayNode observations = patient.putArray("observations");
        for (SyntheticPatient.Measurement m : p.measurements()) {
            ObjectNode o = observations.addObject().put("concept", m.concept()).put("date", m.date().toString());
            if (m.value() != null) {
                o.put("value", m.value());
                if (m.unit() != null) {
                    o.put("unit", m.unit());
                }
            } else {
                o.put("class", m.valueClass());
            }
        }
        ArrayNode conditions = patient.putArray("conditions");
        p.conditions().forEach(c -> conditions.addObject().put("concept", c.concept()).put("onset", c.onset()
                .toString()));
        ArrayNode procedures = patient.putArray("procedures");
        p.procedures().forEach(x -> procedures.addObject().put("concept", x.concept()).put("date", x.date().toString())
                .put("planned", x.planned()));
        ArrayNode medications = patient.putArray("medications");
        for (SyntheticPatient.Drug d : p.medications()) {
            ObjectNode m = medications.addObject();
            if (d.concept() != null) {
                m.put("concept", d.concept());
            } else {
                m.put("name", d.name());
            }
            m.put("start", d.start().toString());
            if (d.end() != null) {
                m.put("end", d.end().toString());
            }
        }
        ArrayNode allergies = patient.putArray("allergies");
        for (SyntheticPatient.Allergen a : p.allergies()) {
            ObjectNode allergy = allergies.addObject();
            if (a.concept() != null) {
                allergy.put("concept", a.concept());
            } else {
                allergy.put("name", a.name());
            }
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
