package org.stroma.trial.randomization;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * A randomization list generated beforehand: for each stratum, the groups in the order patients will receive them.
 * {@link #verify} says what is wrong with it before a trial relies on it.
 */
public record RandomizationList(List<Entry> entries) {

    /** The {@code number}-th place (from 1) in a stratum's list, and its group. */
    public record Entry(String stratum, int number, String group) {
    }

    public RandomizationList {
        entries = List.copyOf(entries);
    }

    /**
     * Reads a list from CSV with a header naming the columns stratum, number (or place) and group (or arm), in any
     * order: "stratum,number,group" then "site=Toulouse,1,B". A line that cannot be read is refused with its number.
     */
    public static RandomizationList parseCsv(String csv) {
        List<String> lines = csv.lines().toList();
        if (lines.isEmpty()) {
            throw new InvalidInputException("the randomization list is empty");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1))
                .map(h -> h.trim().toLowerCase(Locale.ROOT)).toList();
        int stratum = header.indexOf("stratum");
        int number = header.indexOf("number") >= 0 ? header.indexOf("number") : header.indexOf("place");
        int group = header.indexOf("group") >= 0 ? header.indexOf("group") : header.indexOf("arm");
        if (stratum < 0 || number < 0 || group < 0) {
            throw new InvalidInputException("line 1: the header needs the columns stratum, number and group, not "
                    + lines.get(0));
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String[] cells = lines.get(i).split(",", -1);
            if (cells.length != header.size()) {
                throw new InvalidInputException("line " + (i + 1) + ": " + cells.length + " columns, the header has "
                        + header.size());
            }
            try {
                entries.add(new Entry(cells[stratum].trim(), Integer.parseInt(cells[number].trim()),
                        cells[group].trim()));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("line " + (i + 1) + ": '" + cells[number].trim()
                        + "' is not a place number");
            }
        }
        return new RandomizationList(entries);
    }

    /**
     * The list's problems against a ratio: groups the trial does not have, places given twice or missing, and strata
     * whose counts stray from the ratio by more than half a block of three times the ratio's total — more than any
     * usual permuted-block list leaves. Empty when the list can be used.
     */
    public List<String> verify(AllocationRatio ratio) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<Integer, String>> byStratum = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (!ratio.groups().contains(e.group())) {
                problems.add("stratum " + e.stratum() + ", place " + e.number() + ": group '" + e.group()
                        + "' is not one of " + ratio.groups());
            }
            if (e.number() < 1) {
                problems.add("stratum " + e.stratum() + ": place " + e.number() + " is not a place (they count from 1)");
            }
            String earlier = byStratum.computeIfAbsent(e.stratum(), k -> new TreeMap<>()).put(e.number(), e.group());
            if (earlier != null) {
                problems.add("stratum " + e.stratum() + ", place " + e.number() + " is given twice");
            }
        }
        for (Map.Entry<String, Map<Integer, String>> s : byStratum.entrySet()) {
            int expected = 1;
            for (int n : s.getValue().keySet()) {
                if (n > expected) {
                    problems.add("stratum " + s.getKey() + ": places " + expected + (n - 1 > expected ? "–" + (n - 1) : "")
                            + " are missing");
                }
                expected = n + 1;
            }
            Map<String, Integer> counts = new HashMap<>();
            s.getValue().values().forEach(g -> counts.merge(g, 1, Integer::sum));
            int size = s.getValue().size();
            for (String g : ratio.groups()) {
                double share = (double) ratio.weight(g) / ratio.total();
                int have = counts.getOrDefault(g, 0);
                if (Math.abs(have - share * size) > 1.5 * ratio.total()) {
                    problems.add("stratum " + s.getKey() + ": " + have + " of " + size + " places go to " + g
                            + ", far from the ratio " + ratio);
                }
            }
        }
        return problems;
    }

    /** The group at a place of a stratum's list, or null when the list has no such place. */
    String group(String stratum, int number) {
        for (Entry e : entries) {
            if (e.stratum().equals(stratum) && e.number() == number) {
                return e.group();
            }
        }
        return null;
    }
}
