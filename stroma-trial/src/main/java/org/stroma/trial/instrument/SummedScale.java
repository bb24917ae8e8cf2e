package org.stroma.trial.instrument;

import java.util.List;
import java.util.Map;

/**
 * A scale scored as the sum of its items' responses: which items (by number), each item's range, and how many of its
 * items may be missing before the scale is (a missing item then counts as the mean of those answered, so that the
 * scale keeps its range). A response outside the range is an error, not a score.
 */
public record SummedScale(String name, List<Integer> items, int itemMin, int itemMax, int maxMissing) {

    public SummedScale {
        items = List.copyOf(items);
        if (itemMax <= itemMin || maxMissing < 0 || maxMissing >= items.size()) {
            throw new IllegalArgumentException(name + ": a scale needs a range and at least one answered item");
        }
    }

    public int min() {
        return items.size() * itemMin;
    }

    public int max() {
        return items.size() * itemMax;
    }

    /** The score, or null when more items are missing than the scale allows. */
    public Double score(Map<Integer, Integer> responses) {
        double sum = 0;
        int answered = 0;
        for (int item : items) {
            Integer r = responses.get(item);
            if (r == null) {
                continue;
            }
            if (r < itemMin || r > itemMax) {
                throw new InstrumentException(name + ", item " + item + ": " + r + " is outside " + itemMin + "–"
                        + itemMax);
            }
            sum += r;
            answered++;
        }
        int missing = items.size() - answered;
        if (missing > maxMissing) {
            return null;
        }
        return missing == 0 ? sum : sum * items.size() / answered;
    }
}
