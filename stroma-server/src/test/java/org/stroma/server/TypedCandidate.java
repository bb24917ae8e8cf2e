package org.stroma.server;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A MESAMI2 candidate as a coordinator types them on the screening form, by field: born 1966-05-20, male, an
 * ischaemic cardiomyopathy since 2023 in NYHA class III, an LVEF of 35 % and a target wall of 11 mm measured in May
 * 2026. The VO2 max is left blank; the tests say "no" to every other condition, procedure and drug the form asks.
 */
public final class TypedCandidate {
    private TypedCandidate() {
    }

    public static Map<String, String> fields() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("birthDate", "1966-05-20");
        typed.put("sex", "male");
        typed.put("fact.condition-ischemic_cardiomyopathy", "yes");
        typed.put("date.condition-ischemic_cardiomyopathy", "2023-02-11");
        typed.put("fact.class-nyha", "III");
        typed.put("date.class-nyha", "2026-05-04");
        typed.put("fact.measurement-lvef", "35");
        typed.put("date.measurement-lvef", "2026-05-04");
        typed.put("fact.measurement-wall_thickness", "11");
        typed.put("date.measurement-wall_thickness", "2026-05-04");
        return typed;
    }
}
