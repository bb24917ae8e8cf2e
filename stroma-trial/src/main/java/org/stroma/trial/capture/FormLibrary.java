package org.stroma.trial.capture;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The case report forms Stroma knows, defined as data (forms.json): vital signs, laboratory values, natriuretic
 * peptides, echocardiography, exercise testing, NYHA/CCS class, the six-minute walk, MLHFQ responses, brain MRI, EDSS,
 * relapses and ICD interrogation. Each form says which words in an outcome measure call for it, so a protocol's
 * outcomes choose its forms. KCCQ and SF-12 forms come with the licensee's item tables, not from here.
 */
public final class FormLibrary {
    private static final ObjectMapper JSON = new ObjectMapper()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /**
     * A form, the words of an outcome measure that call for it, the words of a condition that call for it when the
     * record lists no outcomes, and whether it is taken at every visit.
     */
    public record Entry(FormDef form, List<String> keywords, List<String> conditionKeywords, boolean everyVisit) {
    }

    private final List<Entry> entries;

    private FormLibrary(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static FormLibrary standard() {
        try (InputStream in = FormLibrary.class.getResourceAsStream("forms.json")) {
            return read(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static FormLibrary read(JsonNode root) {
        List<Entry> entries = new ArrayList<>();
        for (JsonNode f : root.get("forms")) {
            List<ItemDef> items = new ArrayList<>();
            for (JsonNode i : f.get("items")) {
                List<String> codes = new ArrayList<>();
                i.path("codes").forEach(c -> codes.add(c.asText()));
                items.add(new ItemDef(i.get("id").asText(), i.get("label").asText(), ItemType.valueOf(i.get("type")
                        .asText()), text(i, "unit"), i.path("required").asBoolean(), number(i, "low"), number(i, "high"),
                        number(i, "lowest"), number(i, "highest"), codes));
            }
            List<CrossCheck> checks = new ArrayList<>();
            for (JsonNode c : f.path("checks")) {
                checks.add(new CrossCheck(c.get("left").asText(), CrossCheck.Comparison.valueOf(c.get("comparison")
                        .asText()), c.get("right").asText(), c.get("message").asText()));
            }
            entries.add(new Entry(new FormDef(f.get("id").asText(), f.get("title").asText(), items, checks),
                    words(f.path("keywords")), words(f.path("condition_keywords")), f.path("every_visit").asBoolean()));
        }
        return new FormLibrary(entries);
    }

    private static List<String> words(JsonNode array) {
        List<String> words = new ArrayList<>();
        array.forEach(k -> words.add(k.asText().toLowerCase(Locale.ROOT)));
        return words;
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    private static Double number(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asDouble() : null;
    }

    public List<Entry> entries() {
        return entries;
    }

    public Optional<FormDef> form(String id) {
        return entries.stream().map(Entry::form).filter(f -> f.id().equals(id)).findFirst();
    }

    /** The forms an outcome measure's words call for. */
    public List<FormDef> formsFor(String outcomeText) {
        return matching(outcomeText, Entry::keywords);
    }

    /** The forms a trial's conditions call for, when its record names no outcome. */
    public List<FormDef> formsForCondition(String conditionText) {
        return matching(conditionText, Entry::conditionKeywords);
    }

    private List<FormDef> matching(String words, Function<Entry, List<String>> keywords) {
        String text = words == null ? "" : words.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> keywords.apply(e).stream().anyMatch(text::contains)).map(Entry::form)
                .toList();
    }
}
