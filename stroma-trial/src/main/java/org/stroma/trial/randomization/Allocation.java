package org.stroma.trial.randomization;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One patient's allocation: the group, the stratum, and the patient's place in that stratum's list ({@code number},
 * from 1) and, for permuted blocks, the block it fell in (from 1; 0 for other methods).
 */
public record Allocation(String subject, String group, String stratum, int number, int block) {

    /**
     * The patient's level of each factor the stratum was formed from, read back from the stratum as the randomizer
     * wrote it ("site=Toulouse,diabetes=yes", factors in the method's order): the factors are given because a level
     * may itself hold a comma or an equals sign (a site named "Hôpital Nord, Marseille"), so each level runs to where
     * the next factor's name begins. Empty for an unstratified list, or a stratum not written from these factors.
     */
    public Map<String, String> levels(List<String> factors) {
        Map<String, String> levels = new LinkedHashMap<>();
        if (factors.isEmpty() || stratum == null || !stratum.startsWith(factors.get(0) + "=")) {
            return levels;
        }
        int from = factors.get(0).length() + 1;
        for (int i = 0; i < factors.size(); i++) {
            int to = stratum.length();
            if (i + 1 < factors.size()) {
                to = stratum.indexOf("," + factors.get(i + 1) + "=", from);
                if (to < 0) {
                    return new LinkedHashMap<>();
                }
            }
            levels.put(factors.get(i), stratum.substring(from, to));
            if (i + 1 < factors.size()) {
                from = to + factors.get(i + 1).length() + 2;
            }
        }
        return levels;
    }
}
