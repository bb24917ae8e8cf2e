package org.stroma.server.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.stroma.protocol.text.Words;
import org.stroma.server.app.ReportAdverseEvent;
import org.stroma.server.app.RequestException;
import org.stroma.server.app.Texts;
import org.stroma.trial.safety.Causality;
import org.stroma.trial.safety.Grade;
import org.stroma.trial.safety.MaceCategory;
import org.stroma.trial.safety.Outcome;
import org.stroma.trial.safety.SeriousnessCriterion;

/**
 * An adverse event as a person sends it (the API's JSON, or the report form's fields as the same JSON), read field by
 * field: term, grade (1–5), seriousness (a list; empty for a non-serious event), causality, expected, onset,
 * sponsorAware (the reporting clock's day 0; the day of the report by default), outcome, mace (optional), and for a
 * follow-up "id" and "version" (its reports so far). A wrong field is refused naming it.
 */
final class AdverseEventReader {
    private AdverseEventReader() {
    }

    static ReportAdverseEvent read(JsonNode b) {
        String term = text(b, "term");
        if (term == null) {
            throw RequestException.badRequest("term", "the adverse event's term is required");
        }
        JsonNode g = b.get("grade");
        if (g == null || !(g.isIntegralNumber() || g.isTextual() && g.asText().strip().matches("\\d{1,2}"))) {
            throw RequestException.badRequest("grade", "the CTCAE grade is a whole number from 1 to 5");
        }
        Grade grade;
        try {
            grade = Grade.of(g.isIntegralNumber() && g.canConvertToInt() ? g.asInt() : g.isTextual()
                    ? Integer.parseInt(g.asText().strip()) : 0);
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest("grade", e.getMessage());
        }
        Set<SeriousnessCriterion> serious = EnumSet.noneOf(SeriousnessCriterion.class);
        JsonNode criteria = b.get("seriousness");
        if (criteria != null && !criteria.isNull() && !criteria.isArray()) {
            throw RequestException.badRequest("seriousness", "the seriousness criteria are a list (empty: not"
                    + " serious); one of " + words(SeriousnessCriterion.class));
        }
        if (criteria != null) {
            for (JsonNode s : criteria) {
                if (!s.isTextual()) {
                    throw RequestException.badRequest("seriousness", "a seriousness criterion is one of "
                            + words(SeriousnessCriterion.class));
                }
                serious.add(named(SeriousnessCriterion.class, s.asText(), "seriousness"));
            }
        }
        JsonNode expected = b.get("expected");
        if (expected != null && !expected.isNull() && !expected.isBoolean()) {
            throw RequestException.badRequest("expected", "'expected' is true or false: does the reference safety"
                    + " information list the event?");
        }
        Causality causality = named(Causality.class, text(b, "causality"), "causality");
        LocalDate onset = date(b, "onset");
        if (onset == null) {
            throw RequestException.badRequest("onset", "the onset date is required");
        }
        Outcome outcome = b.hasNonNull("outcome") ? named(Outcome.class, text(b, "outcome"), "outcome") : Outcome.UNKNOWN;
        MaceCategory mace = b.hasNonNull("mace") ? named(MaceCategory.class, text(b, "mace"), "mace") : null;
        LocalDate sponsorAware = date(b, "sponsorAware");
        String followUpOf = b.hasNonNull("id") ? b.get("id").asText() : null;
        Integer version = b.path("version").isInt() ? b.get("version").asInt() : null;
        return new ReportAdverseEvent(followUpOf, version, term, grade, serious, causality, expected != null
                && expected.asBoolean(), onset, sponsorAware, outcome, mace);
    }

    private static String text(JsonNode b, String field) {
        JsonNode v = b.get(field);
        if (v == null || v.isNull() || v.isTextual() && v.asText().isBlank()) {
            return null;
        }
        if (!v.isTextual()) {
            throw RequestException.badRequest(field, "'" + field + "' is text, not " + v.getNodeType().name()
                    .toLowerCase(Locale.ROOT));
        }
        return Texts.check(field, v.asText().strip(), 2000);
    }

    /** A date, or null when the field is absent. */
    private static LocalDate date(JsonNode b, String field) {
        String s = text(b, field);
        if (s == null) {
            return null;
        }
        try {
            // four digits of year: LocalDate also reads "+999999999-12-31", which no reporting clock can count to
            if (s.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(s);
            }
        } catch (DateTimeParseException e) {
            // said below
        }
        throw RequestException.badRequest(field, "'" + Texts.shown(s) + "' is not a date (YYYY-MM-DD)");
    }

    private static <E extends Enum<E>> E named(Class<E> type, String value, String field) {
        if (value == null) {
            throw RequestException.badRequest(field, field + " is required; one of " + words(type));
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw RequestException.badRequest(field, "'" + value + "' is not one of " + words(type));
        }
    }

    private static <E extends Enum<E>> List<String> words(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Words::of).toList();
    }
}
