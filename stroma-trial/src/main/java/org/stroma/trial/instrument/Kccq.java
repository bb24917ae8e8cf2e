package org.stroma.trial.instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Kansas City Cardiomyopathy Questionnaire's scoring algorithm, 0–100 with higher better, over an item table the
 * licensee supplies (the item texts, their domains and response ranges are licensed and not shipped). Each item's
 * response is rescaled to 0–100 by its own range (reversed where the table says lower is better); a domain is the mean
 * of its answered items, if at least its minimum are answered; a response the table marks as "not applicable" (such as
 * "limited for other reasons" in physical limitation) counts as missing. The summaries: total symptom = mean of
 * symptom frequency and symptom burden; clinical summary = mean of physical limitation and total symptom; overall
 * summary = mean of physical limitation, total symptom, quality of life and social limitation.
 */
public final class Kccq {
    public static final String PHYSICAL_LIMITATION = "physical limitation";
    public static final String SYMPTOM_FREQUENCY = "symptom frequency";
    public static final String SYMPTOM_BURDEN = "symptom burden";
    public static final String QUALITY_OF_LIFE = "quality of life";
    public static final String SOCIAL_LIMITATION = "social limitation";

    /** One item of the licensee's table. */
    public record Item(String id, String domain, int min, int max, boolean reversed, Set<Integer> notApplicable) {
        public Item {
            notApplicable = notApplicable == null ? Set.of() : Set.copyOf(notApplicable);
            if (max <= min) {
                throw new IllegalArgumentException("item " + id + ": an empty range " + min + "–" + max);
            }
        }
    }

    private final List<Item> items;
    private final Map<String, Integer> minimumAnswered;

    /** {@code minimumAnswered}: per domain, how many items must be answered (1 where not given). */
    public Kccq(List<Item> items, Map<String, Integer> minimumAnswered) {
        this.items = List.copyOf(items);
        this.minimumAnswered = Collections.unmodifiableMap(new LinkedHashMap<>(minimumAnswered));
    }

    /** Domain and summary scores by name; null where too few items are answered or a part is missing. */
    public Map<String, Double> score(Map<String, Integer> responses) {
        Map<String, List<Double>> byDomain = new LinkedHashMap<>();
        for (Item item : items) {
            byDomain.computeIfAbsent(item.domain(), d -> new ArrayList<>());
            Integer r = responses.get(item.id());
            if (r == null || item.notApplicable().contains(r)) {
                continue;
            }
            if (r < item.min() || r > item.max()) {
                throw new InstrumentException("KCCQ item " + item.id() + ": " + r + " is outside " + item.min() + "–"
                        + item.max());
            }
            double scaled = 100.0 * (r - item.min()) / (item.max() - item.min());
            byDomain.get(item.domain()).add(item.reversed() ? 100 - scaled : scaled);
        }
        for (String id : responses.keySet()) {
            if (items.stream().noneMatch(i -> i.id().equals(id))) {
                throw new InstrumentException("KCCQ has no item " + id + " in this table");
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        byDomain.forEach((domain, values) -> scores.put(domain, values.size() < minimumAnswered.getOrDefault(domain,
                1) ? null : values.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        Double tss = mean(scores.get(SYMPTOM_FREQUENCY), scores.get(SYMPTOM_BURDEN));
        scores.put("total symptom", tss);
        scores.put("clinical summary", mean(scores.get(PHYSICAL_LIMITATION), tss));
        scores.put("overall summary", mean(scores.get(PHYSICAL_LIMITATION), tss, scores.get(QUALITY_OF_LIFE),
                scores.get(SOCIAL_LIMITATION)));
        return scores;
    }

    private static Double mean(Double... parts) {
        double sum = 0;
        for (Double p : parts) {
            if (p == null) {
                return null;
            }
            sum += p;
        }
        return sum / parts.length;
    }
}
