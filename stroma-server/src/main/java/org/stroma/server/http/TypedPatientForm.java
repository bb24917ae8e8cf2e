package org.stroma.server.http;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stroma.fhir.entered.TypedPatient;

/**
 * The facts of a patient typed on a form, read back as the command the screening takes: the birth date, the age, the
 * sex, and each fact's value, date and end by its key ({@code fact.KEY}, {@code date.KEY}, {@code end.KEY}). Which
 * facts count is the trial's to say: a key it does not ask is passed over.
 */
final class TypedPatientForm {
    private TypedPatientForm() {
    }

    static TypedPatient read(Map<String, List<String>> form) {
        // a fact's fields by the prefix before its key: its value, its date, its end
        List<String> slots = List.of(TypedPatient.valueField(""), TypedPatient.dateField(""),
                TypedPatient.endField(""));
        Map<String, String[]> parts = new HashMap<>();
        form.forEach((name, values) -> {
            for (int slot = 0; slot < slots.size(); slot++) {
                if (name.startsWith(slots.get(slot)) && !values.isEmpty()) {
                    parts.computeIfAbsent(name.substring(slots.get(slot).length()), k -> new String[3])[slot]
                            = values.get(0);
                }
            }
        });
        Map<String, TypedPatient.Answer> answers = new HashMap<>();
        parts.forEach((key, p) -> answers.put(key, new TypedPatient.Answer(p[0], p[1], p[2])));
        return new TypedPatient(first(form, "birthDate"), first(form, "age"), first(form, "sex"), answers);
    }

    /**
     * What the person typed, by field, for a form shown again after a refusal: every field but the CSRF token, which
     * the page writes afresh.
     */
    static Map<String, String> typed(Map<String, List<String>> form) {
        Map<String, String> typed = new HashMap<>();
        form.forEach((name, values) -> {
            if (!name.equals("_csrf") && !values.isEmpty()) {
                typed.put(name, values.get(0));
            }
        });
        return typed;
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
