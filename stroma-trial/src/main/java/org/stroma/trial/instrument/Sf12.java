package org.stroma.trial.instrument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SF-12 (version 1) physical and mental component summaries, norm-based (mean 50, SD 10 in the norming
 * population): each summary is its constant plus, for each of the 12 items, the weight of the response category
 * given. The constants are public (56.57706 for PCS, 60.75781 for MCS); the weights are the licensee's, supplied as a
 * table of item → response → {PCS weight, MCS weight}, with the reference category's weights 0. Any item missing
 * leaves both summaries missing, as the standard algorithm does.
 */
public final class Sf12 {
    public static final double PCS_CONSTANT = 56.57706;
    public static final double MCS_CONSTANT = 60.75781;

    /** The weights of one response category of one item. */
    public record Weight(double pcs, double mcs) {
    }

    /** The two summaries; both null when an item is missing. */
    public record Summaries(Double pcs, Double mcs) {
    }

    private final Map<String, Map<Integer, Weight>> weights;

    public Sf12(Map<String, Map<Integer, Weight>> weights) {
        if (weights.size() != 12) {
            throw new IllegalArgumentException("the SF-12 weight table has 12 items, not " + weights.size());
        }
        // kept in order, so that a score sums its terms the same way every time
        this.weights = Collections.unmodifiableMap(new LinkedHashMap<>(weights));
    }

    public Summaries score(Map<String, Integer> responses) {
        double pcs = PCS_CONSTANT;
        double mcs = MCS_CONSTANT;
        for (Map.Entry<String, Map<Integer, Weight>> item : weights.entrySet()) {
            Integer r = responses.get(item.getKey());
            if (r == null) {
                return new Summaries(null, null);
            }
            Weight w = item.getValue().get(r);
            if (w == null) {
                throw new InstrumentException("SF-12 item " + item.getKey() + ": " + r + " is not one of its responses "
                        + new TreeSet<>(item.getValue().keySet()));
            }
            pcs += w.pcs();
            mcs += w.mcs();
        }
        return new Summaries(pcs, mcs);
    }
}
