package org.stroma.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.protocol.Route;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.ConductService;
import org.stroma.server.app.Moments;
import org.stroma.server.app.RecordStep;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.StepContext;
import org.stroma.server.app.Texts;
import org.stroma.server.auth.Principal;
import org.stroma.trial.conduct.ProductView;
import org.stroma.trial.dosing.DosePlan;
import org.stroma.trial.product.CustodyEvent;
import org.stroma.trial.product.DonationNumber;
import org.stroma.trial.product.LoggerFile;
import org.stroma.trial.product.ReleaseTests;
import org.stroma.trial.product.TemperatureLog;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A product step as a person sends it (the JSON of the API, or the step form's fields), read field by field into the
 * domain's {@link CustodyEvent}. Every field is checked for what it must be — present, a number in its range, a date
 * and time, one of a list — and a wrong one is refused naming it ("given.volumeMl: the volume infused (mL) is
 * required"), never with a Java name. Coded values are taken by their name or their words, in any case ("negative",
 * "intra-myocardial" is not one). Who recorded the step is the person signed in; when, unless given, is now.
 */
final class StepReader {
    /** The longest text a step's field holds: ample for a reason or a composition, short of a file. */
    static final int MAX_TEXT = 2000;
    /** The longest logger's file read: a reading a minute for a month's journey, with room to spare. */
    static final int MAX_FILE = 4_000_000;

    private final String by;
    private final StepContext context;

    /** A reader for one person, of a step on a product whose context is given. */
    StepReader(String by, StepContext context) {
        this.by = by;
        this.context = context;
    }

    /**
     * Records the step a body describes on a product: what the step is read against is asked of the trial first, so
     * a step the person may not record, or on a product they do not see, is refused before its fields are read.
     */
    static ProductView record(ConductService conduct, Principal p, String study, String product, JsonNode body)
            throws SQLException {
        String type = body != null && body.isObject() && body.hasNonNull("type") ? body.get("type").asText() : null;
        StepContext context = conduct.stepContext(p, study, product, type);
        CustodyEvent step = new StepReader(p.username(), context).read(body);
        String version = body.hasNonNull("version") ? body.get("version").asText() : null;
        return conduct.custody(p, study, new RecordStep(product, version, step));
    }

    /** The step the body describes: its "type" and that type's fields. */
    CustodyEvent read(JsonNode body) {
        String type = text(body, "type", true);
        if (type.equals("Administered") && context.masked() && body.path("given").hasNonNull("cells")) {
            throw RequestException.badRequest("given.cells", "in a masked trial the bedside records the volume"
                    + " given; the cells follow from the product");
        }
        Instant at = moment(body, "at", context.now());
        return switch (type) {
            case "Collected" -> new CustodyEvent.Collected(text(body, "donor", true), text(body, "tissue", true),
                    positive(body, "volumeMl", "the volume collected (mL)", 5000), at, by);
            case "IssuedFromLot" -> new CustodyEvent.IssuedFromLot(text(body, "lot", true), whole(body, "vials",
                    "the vials issued", 1, 1000), at, by);
            case "ReceivedAtLab" -> new CustodyEvent.ReceivedAtLab(at, by);
            case "CultureStarted" -> new CustodyEvent.CultureStarted(at, by);
            case "Passaged" -> new CustodyEvent.Passaged(whole(body, "passage", "the passage number", 1, 100), at, by);
            case "Harvested" -> new CustodyEvent.Harvested(positive(body, "cells", "the cells harvested", 1e13), at,
                    by);
            case "PlaceboPrepared" -> new CustodyEvent.PlaceboPrepared(text(body, "composition", true), at, by);
            case "Tested" -> new CustodyEvent.Tested(tests(object(body, "results")), at, by);
            case "Released" -> new CustodyEvent.Released(at, by);
            case "Rejected" -> new CustodyEvent.Rejected(text(body, "reason", true), at, by);
            case "Labelled" -> new CustodyEvent.Labelled(number(body), at, by);
            case "Shipped" -> new CustodyEvent.Shipped(text(body, "to", true), temperatures(object(body,
                    "temperatures")), at, by);
            case "BedsideVerified" -> new CustodyEvent.BedsideVerified(text(body, "patientScanned", true), text(body,
                    "labelScanned", true), at, by);
            case "Administered" -> administered(body);
            default -> throw RequestException.badRequest("type", "'" + type + "' is not a product step; one of "
                    + ConductService.stepTypes());
        };
    }

    /**
     * The administration: the volume infused, when it started, and when it stopped or how many minutes it took (one
     * of the two; both must agree to the minute), the route (the protocol's unless another is given). The cells are
     * never the bedside's to state in a masked trial: they follow from the product ({@code given.cells} absent is NaN
     * here, filled in by the trial).
     */
    private CustodyEvent administered(JsonNode body) {
        JsonNode given = object(body, "given");
        double volume = positive(given, "given.volumeMl", "volumeMl", "the volume infused (mL)", 5000);
        Instant start = moment(body, "start", null);
        if (start == null) {
            throw RequestException.badRequest("start", "when the infusion started is required");
        }
        Instant stop = moment(body, "stop", null);
        Double minutes = optionalNumber(given, "given.minutes", "minutes", "the minutes the infusion took", 0, 24 * 60);
        if (stop == null && minutes == null) {
            throw RequestException.badRequest("stop", "when the infusion stopped, or the minutes it took, is required");
        }
        if (stop == null) {
            stop = start.plus(Duration.ofSeconds(Math.round(minutes * 60)));
        } else if (minutes != null && Math.abs(Duration.between(start, stop).toSeconds() / 60.0 - minutes) > 1) {
            throw RequestException.badRequest("given.minutes", minutes + " minutes does not agree with the start and"
                    + " stop given (" + Duration.between(start, stop).toMinutes() + " minutes)");
        }
        if (!stop.isAfter(start)) {
            throw RequestException.badRequest("stop", "the infusion stops (" + stop + ") before it starts (" + start
                    + ")");
        }
        JsonNode routeGiven = given.get("route");
        if (routeGiven != null && !routeGiven.isNull() && !routeGiven.isTextual()) {
            throw RequestException.badRequest("given.route", "the route is named in words (intravenous, …)");
        }
        Route route = routeGiven != null && !routeGiven.isNull() && !routeGiven.asText().isBlank() ? coded(
                Route.class, routeGiven, "given.route") : context.route();
        Double cells = optionalNumber(given, "given.cells", "cells", "the cells given", 0, 1e13);
        double takes = Duration.between(start, stop).toSeconds() / 60.0;
        return new CustodyEvent.Administered(new DosePlan.Given(cells == null ? Double.NaN : cells, volume, takes,
                route), start, stop, by);
    }

    private ReleaseTests tests(JsonNode r) {
        Map<String, Double> markers = new LinkedHashMap<>();
        JsonNode m = r.get("markers");
        if (m != null && !m.isNull()) {
            if (!m.isObject()) {
                throw RequestException.badRequest("results.markers", "the markers are an object of marker names to"
                        + " the % of cells carrying each");
            }
            m.fields().forEachRemaining(e -> markers.put(e.getKey(), optionalNumber(m, "results.markers."
                    + e.getKey(), e.getKey(), "the % of cells carrying " + e.getKey(), 0, 100)));
            markers.values().removeIf(v -> v == null);
        }
        return new ReleaseTests(optionalNumber(r, "results.viabilityPercent", "viabilityPercent", "the viability (%)",
                0, 100), optionalNumber(r, "results.viableCells", "viableCells", "the viable cells", 0, 1e13),
                finding(r, "sterility"), finding(r, "mycoplasma"), optionalNumber(r, "results.endotoxinEuPerMl",
                "endotoxinEuPerMl", "the endotoxin (EU/mL)", 0, 1e6), markers);
    }

    private static ReleaseTests.Finding finding(JsonNode r, String field) {
        JsonNode v = r.get(field);
        if (v != null && !v.isNull() && !v.isTextual()) {
            throw RequestException.badRequest("results." + field, "the " + field + " result is one of negative,"
                    + " positive, pending");
        }
        return v == null || v.isNull() || v.asText().isBlank() ? null : coded(ReleaseTests.Finding.class, v,
                "results." + field);
    }

    /**
     * The donation number: as it is printed (and as the API writes it), "S0001 26 000001 00 X" with or without its
     * check character, or by its parts {"facility", "year", "sequence", "flags"}.
     */
    private static DonationNumber number(JsonNode body) {
        JsonNode printed = body.get("number");
        if (printed != null && printed.isTextual()) {
            try {
                return DonationNumber.parse(printed.asText());
            } catch (InvalidInputException e) {
                throw RequestException.badRequest("number", "the donation number: " + e.getMessage());
            }
        }
        JsonNode n = object(body, "number");
        try {
            return new DonationNumber(text(n, "number.facility", "facility", true), whole(n, "number.year", "year",
                    "the year's last two digits", 0, 99), whole(n, "number.sequence", "sequence",
                    "the sequence number", 0, 999_999), text(n, "number.flags", "flags", false));
        } catch (InvalidInputException e) {
            throw RequestException.badRequest("number", "the donation number: " + e.getMessage());
        }
    }

    private TemperatureLog temperatures(JsonNode t) {
        List<TemperatureLog.Reading> readings = new ArrayList<>();
        JsonNode list = t.get("readings");
        JsonNode file = t.get("loggerCsv");
        if (file != null && !file.isNull()) {
            // the logger's own file, as exported: its local times are the recipient's site's
            if (!file.isTextual() || list != null && !list.isNull()) {
                throw RequestException.badRequest("temperatures.loggerCsv", "the logger's file is its text (CSV),"
                        + " given instead of the readings, not beside them");
            }
            try {
                readings.addAll(LoggerFile.read(Texts.check("temperatures.loggerCsv", file.asText(), MAX_FILE),
                        context.zone()));
            } catch (InvalidInputException e) {
                throw RequestException.badRequest("temperatures.loggerCsv", "the logger's file: " + e.getMessage());
            }
        } else if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                throw RequestException.badRequest("temperatures.readings", "the readings are a list of {\"at\","
                        + " \"celsius\"}");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode r = list.get(i);
                String where = "temperatures.readings[" + i + "]";
                if (!r.isObject()) {
                    throw RequestException.badRequest(where, "a reading is {\"at\": date and time, \"celsius\": number}");
                }
                Instant at = moment(r, "at", null);
                if (at == null) {
                    throw RequestException.badRequest(where + ".at", "a reading needs its time");
                }
                readings.add(new TemperatureLog.Reading(at, number(r, where + ".celsius", "celsius",
                        "the temperature (°C)", -200, 100)));
            }
        }
        double min = number(t, "temperatures.minCelsius", "minCelsius", "the lowest temperature allowed (°C)", -200,
                100);
        double max = number(t, "temperatures.maxCelsius", "maxCelsius", "the highest temperature allowed (°C)", -200,
                100);
        if (max < min) {
            throw RequestException.badRequest("temperatures.maxCelsius", "the highest temperature allowed is below the"
                    + " lowest");
        }
        return new TemperatureLog(readings, min, max);
    }

    // --- fields ---

    private static JsonNode object(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || !v.isObject()) {
            throw RequestException.badRequest(field, "'" + field + "' is required, as an object of its fields");
        }
        return v;
    }

    private static String text(JsonNode body, String field, boolean required) {
        return text(body, field, field, required);
    }

    /** A text field; {@code field} names it in errors, {@code key} is its name in {@code node}. */
    private static String text(JsonNode node, String field, String key, boolean required) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            if (required) {
                throw RequestException.badRequest(field, "'" + field + "' is required");
            }
            return null;
        }
        if (!v.isTextual()) {
            throw RequestException.badRequest(field, "'" + field + "' is text, not " + v.getNodeType().name()
                    .toLowerCase(Locale.ROOT));
        }
        return Texts.check(field, v.asText().strip(), MAX_TEXT);
    }

    private static double positive(JsonNode node, String field, String words, double max) {
        return positive(node, field, field, words, max);
    }

    private static double positive(JsonNode node, String field, String key, String words, double max) {
        double v = number(node, field, key, words, 0, max);
        if (!(v > 0)) {
            throw RequestException.badRequest(field, words + " must be more than 0");
        }
        return v;
    }

    private static double number(JsonNode node, String field, String key, String words, double min, double max) {
        Double v = optionalNumber(node, field, key, words, min, max);
        if (v == null) {
            throw RequestException.badRequest(field, words + " is required");
        }
        return v;
    }

    private static Double optionalNumber(JsonNode node, String field, String key, String words, double min,
            double max) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        double x;
        if (v.isNumber()) {
            x = v.asDouble();
        } else if (v.isTextual()) {
            try {
                x = Double.parseDouble(v.asText().strip().replace(',', '.'));
            } catch (NumberFormatException e) {
                throw RequestException.badRequest(field, words + ": '" + Texts.shown(v.asText()) + "' is not a number");
            }
        } else {
            throw RequestException.badRequest(field, words + " is a number, not " + v.getNodeType().name()
                    .toLowerCase(Locale.ROOT));
        }
        if (!Double.isFinite(x) || x < min || x > max) {
            throw RequestException.badRequest(field, words + ": " + Texts.shown(v.asText()) + " is outside "
                    + Texts.plain(min) + " to " + Texts.plain(max));
        }
        return x;
    }

    private static int whole(JsonNode node, String field, String words, int min, int max) {
        return whole(node, field, field, words, min, max);
    }

    private static int whole(JsonNode node, String field, String key, String words, int min, int max) {
        double x = number(node, field, key, words, min, max);
        if (x != Math.rint(x)) {
            throw RequestException.badRequest(field, words + " is a whole number, not " + Texts.plain(x));
        }
        return (int) x;
    }

    /** A date and time: an ISO instant, or a local date and time taken in the site's zone; the default when absent. */
    private Instant moment(JsonNode node, String field, Instant otherwise) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return otherwise;
        }
        if (!v.isTextual()) {
            throw RequestException.badRequest(field, "'" + field + "' is a date and time, not " + v.getNodeType()
                    .name().toLowerCase(Locale.ROOT));
        }
        return Moments.parse(field, v.asText(), context.zone());
    }

    /** A coded value by its constant's name or its words, in any case: "NEGATIVE", "negative", "intra-arterial". */
    static <E extends Enum<E>> E coded(Class<E> type, JsonNode v, String field) {
        String given = v.isTextual() ? v.asText().strip() : v.toString();
        for (E e : type.getEnumConstants()) {
            String words = Words.of(e);
            if (e.name().equalsIgnoreCase(given.replace(' ', '_').replace('-', '_')) || words.equalsIgnoreCase(given)
                    || e instanceof org.stroma.protocol.Coded c && c.label().equalsIgnoreCase(given)) {
                return e;
            }
        }
        throw RequestException.badRequest(field, "'" + Texts.shown(given) + "' is not one of " + Arrays.stream(
                type.getEnumConstants()).map(e -> e instanceof org.stroma.protocol.Coded c ? c.label()
                : Words.of(e)).toList());
    }
}
