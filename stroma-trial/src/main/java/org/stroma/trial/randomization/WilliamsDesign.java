package org.stroma.trial.randomization;

import java.util.ArrayList;
import java.util.List;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * Williams designs for crossover studies: sequences of t treatments in which every treatment follows every other
 * equally often, balancing first-order carryover. For an even t one Latin square (t sequences); for an odd t two
 * (2t sequences: the square and its rows reversed). Row 1 is 1, 2, t, 3, t−1, …; row r adds r−1 to each entry, mod t.
 */
public final class WilliamsDesign {
    private WilliamsDesign() {
    }

    /** The sequences for t treatments, each a list of treatment numbers from 1 to t. */
    public static List<List<Integer>> sequences(int t) {
        if (t < 2) {
            throw new InvalidInputException("a crossover needs at least 2 treatments, not " + t);
        }
        List<Integer> first = new ArrayList<>();
        first.add(1);
        int low = 2;
        int high = t;
        for (int i = 1; i < t; i++) {
            first.add(i % 2 == 1 ? low++ : high--);
        }
        List<List<Integer>> square = new ArrayList<>();
        for (int r = 0; r < t; r++) {
            List<Integer> row = new ArrayList<>();
            for (int v : first) {
                row.add((v - 1 + r) % t + 1);
            }
            square.add(row);
        }
        if (t % 2 == 0) {
            return square;
        }
        List<List<Integer>> both = new ArrayList<>(square);
        for (List<Integer> row : square) {
            List<Integer> reversed = new ArrayList<>(row);
            java.util.Collections.reverse(reversed);
            both.add(reversed);
        }
        return both;
    }

    /** The sequences as words of treatment letters: t = 2 gives AB and BA. */
    public static List<String> lettered(int t) {
        return sequences(t).stream().map(row -> {
            StringBuilder s = new StringBuilder();
            row.forEach(v -> s.append((char) ('A' + v - 1)));
            return s.toString();
        }).toList();
    }
}
