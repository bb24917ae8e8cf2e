package org.stroma.server.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * The fields of each product step, as the JSON the step form starts from. The person fills in the values; who
 * recorded the step and when (unless given) are added by the server.
 */
public final class StepTemplates {
    private static final Map<String, String> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("Collected", "{\"donor\": \"%s\", \"tissue\": \"bone marrow\", \"volumeMl\": 80}");
        TEMPLATES.put("IssuedFromLot", "{\"lot\": \"\", \"vials\": 1}");
        TEMPLATES.put("ReceivedAtLab", "{}");
        TEMPLATES.put("CultureStarted", "{}");
        TEMPLATES.put("Passaged", "{\"passage\": 1}");
        TEMPLATES.put("Harvested", "{\"cells\": 0}");
        TEMPLATES.put("PlaceboPrepared", "{\"composition\": \"\"}");
        TEMPLATES.put("Tested", "{\"results\": {\"viabilityPercent\": 0, \"viableCells\": 0, \"sterility\": \"PENDING\","
                + " \"mycoplasma\": \"PENDING\", \"endotoxinEuPerMl\": 0, \"markers\": {\"CD73\": 0, \"CD90\": 0,"
                + " \"CD105\": 0, \"CD45\": 0, \"CD34\": 0, \"CD14\": 0, \"CD19\": 0, \"HLA-DR\": 0}}}");
        TEMPLATES.put("Released", "{}");
        TEMPLATES.put("Rejected", "{\"reason\": \"\"}");
        TEMPLATES.put("Labelled", "{\"number\": {\"facility\": \"\", \"year\": 26, \"sequence\": 1, \"flags\": \"00\"}}");
        TEMPLATES.put("Shipped", "{\"to\": \"\", \"temperatures\": {\"readings\": [], \"minCelsius\": 2,"
                + " \"maxCelsius\": 8}}");
        TEMPLATES.put("BedsideVerified", "{\"patientScanned\": \"%s\", \"labelScanned\": \"\"}");
        // the cells given follow from the product and the volume infused; the bedside never states them; the route
        // is the protocol's unless another is chosen; the stop, or the minutes the infusion took
        TEMPLATES.put("Administered", "{\"given\": {\"volumeMl\": 0, \"minutes\": 0, \"route\": \"\"},"
                + " \"start\": \"\", \"stop\": \"\"}");
    }

    private StepTemplates() {
    }

    public static List<String> types() {
        return List.copyOf(TEMPLATES.keySet());
    }

    /** The step's JSON to fill in, with the subject's id where the step names them. */
    public static String of(String type, String subject) {
        String t = TEMPLATES.get(type);
        if (t == null) {
            throw new InvalidInputException("type", "'" + type + "' is not a product step; one of " + TEMPLATES.keySet());
        }
        return t.replace("%s", subject);
    }
}
