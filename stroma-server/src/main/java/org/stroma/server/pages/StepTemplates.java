package org.stroma.server.pages;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.stroma.protocol.Route;
import org.stroma.trial.product.ReleaseTests;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * The fields of each product step, as the step form starts from them: each value's place in the step ({@code
 * given.volumeMl}), its kind and what it starts as. The person fills in the values; who recorded the step and when
 * (unless given) are added by the server.
 */
public final class StepTemplates {
    private static final List<String> FINDINGS = Arrays.stream(ReleaseTests.Finding.values()).map(Enum::name).toList();
    /** Blank first: the protocol's own route, which the bedside need not choose. */
    private static final List<String> ROUTES = Stream.concat(Stream.of(""), Arrays.stream(Route.values())
            .map(Route::name)).toList();
    private static final List<String> MARKERS = List.of("CD73", "CD90", "CD105", "CD45", "CD34", "CD14", "CD19",
            "HLA-DR");
    private static final Map<String, Function<String, List<StepField>>> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("Collected", subject -> List.of(text("donor", subject), text("tissue", "bone marrow"),
                number("volumeMl", "80")));
        TEMPLATES.put("IssuedFromLot", subject -> List.of(text("lot", ""), number("vials", "1")));
        TEMPLATES.put("ReceivedAtLab", subject -> List.of());
        TEMPLATES.put("CultureStarted", subject -> List.of());
        TEMPLATES.put("Passaged", subject -> List.of(number("passage", "1")));
        TEMPLATES.put("Harvested", subject -> List.of(number("cells", "")));
        TEMPLATES.put("PlaceboPrepared", subject -> List.of(text("composition", "")));
        TEMPLATES.put("Tested", subject -> List.of(new StepField.Group("results", List.of(
                number("results.viabilityPercent", ""), number("results.viableCells", ""),
                choice("results.sterility", FINDINGS, "PENDING"), choice("results.mycoplasma", FINDINGS, "PENDING"),
                number("results.endotoxinEuPerMl", ""), new StepField.Group("markers", MARKERS.stream()
                        .map(m -> number("results.markers." + m, "")).toList())))));
        TEMPLATES.put("Released", subject -> List.of());
        TEMPLATES.put("Rejected", subject -> List.of(text("reason", "")));
        TEMPLATES.put("Labelled", subject -> List.of(new StepField.Group("number", List.of(
                text("number.facility", ""), number("number.year", "26"), number("number.sequence", "1"),
                text("number.flags", "00")))));
        TEMPLATES.put("Shipped", subject -> List.of(text("to", ""), new StepField.Group("temperatures", List.of(
                new StepField.JsonList("temperatures.readings", "readings (JSON list)", "[]"),
                number("temperatures.minCelsius", "2"), number("temperatures.maxCelsius", "8")))));
        TEMPLATES.put("BedsideVerified", subject -> List.of(text("patientScanned", subject), text("labelScanned", "")));
        // the cells given follow from the product and the volume infused; the bedside never states them; the route
        // is the protocol's unless another is chosen; the stop, or the minutes the infusion took
        TEMPLATES.put("Administered", subject -> List.of(new StepField.Group("given", List.of(
                number("given.volumeMl", ""), number("given.minutes", ""), choice("given.route", ROUTES, ""))),
                text("start", ""), text("stop", "")));
    }

    private StepTemplates() {
    }

    public static List<String> types() {
        return List.copyOf(TEMPLATES.keySet());
    }

    /** The step's fields to fill in, with the subject's id where the step names them. */
    public static List<StepField> of(String type, String subject) {
        Function<String, List<StepField>> t = TEMPLATES.get(type);
        if (t == null) {
            throw new InvalidInputException("type", "'" + type + "' is not a product step; one of "
                    + TEMPLATES.keySet());
        }
        return t.apply(subject);
    }

    private static StepField number(String place, String value) {
        return new StepField.Entry(place, label(place), true, value);
    }

    private static StepField text(String place, String value) {
        return new StepField.Entry(place, label(place), false, value);
    }

    private static StepField choice(String place, List<String> options, String selected) {
        return new StepField.Choice(place, label(place), options, selected);
    }

    /** A field is labelled by the last part of its place: "volumeMl" for {@code given.volumeMl}. */
    private static String label(String place) {
        return place.substring(place.lastIndexOf('.') + 1);
    }
}
