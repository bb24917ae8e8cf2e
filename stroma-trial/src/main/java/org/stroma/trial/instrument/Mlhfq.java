package org.stroma.trial.instrument;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The Minnesota Living with Heart Failure Questionnaire's scoring: 21 items answered 0–5; the total (0–105), the
 * physical dimension (items 2–7, 12 and 13; 0–40) and the emotional dimension (items 17–21; 0–25); higher is worse,
 * and 5 points is the smallest change that matters to a patient. The item texts are licensed and not part of Stroma.
 * How many missing items a scale tolerates is the trial's choice (none by default).
 */
public final class Mlhfq {
    /** The smallest change in the total that matters to a patient. */
    public static final int MINIMAL_IMPORTANT_DIFFERENCE = 5;

    private final List<SummedScale> scales;

    public Mlhfq(int maxMissingTotal, int maxMissingPhysical, int maxMissingEmotional) {
        scales = List.of(
                new SummedScale("total", IntStream.rangeClosed(1, 21).boxed().toList(), 0, 5, maxMissingTotal),
                new SummedScale("physical", List.of(2, 3, 4, 5, 6, 7, 12, 13), 0, 5, maxMissingPhysical),
                new SummedScale("emotional", List.of(17, 18, 19, 20, 21), 0, 5, maxMissingEmotional));
    }

    public static Mlhfq strict() {
        return new Mlhfq(0, 0, 0);
    }

    /** The scores by scale name (total, physical, emotional); a scale with too many items missing is null. */
    public Map<String, Double> score(Map<Integer, Integer> responses) {
        for (Integer item : responses.keySet()) {
            if (item < 1 || item > 21) {
                throw new InstrumentException("MLHFQ has items 1–21, not " + item);
            }
        }
        Map<String, Double> scores = new LinkedHashMap<>();
        scales.forEach(s -> scores.put(s.name(), s.score(responses)));
        return scores;
    }
}
