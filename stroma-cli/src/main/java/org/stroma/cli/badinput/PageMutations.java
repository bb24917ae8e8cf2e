package org.stroma.cli.badinput;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Damage to a registry page saved as text, line by line: a value blanked, a label's value moved to another label,
 * lines dropped or repeated (one or tens of thousands of times), a line made huge, the criteria flooded with brackets
 * or nested lists, lines indented ever deeper.
 */
final class PageMutations {
    private PageMutations() {
    }

    static ByteMutations.Result mutate(byte[] original, MutationClass kind, Random random) {
        List<String> lines = new ArrayList<>(List.of(new String(original, StandardCharsets.UTF_8).split("\n", -1)));
        int at = random.nextInt(lines.size());
        String line = lines.get(at);
        String change;
        switch (kind) {
            case NULL_VALUE -> {
                int colon = line.indexOf(':');
                lines.set(at, colon >= 0 ? line.substring(0, colon + 1) : "");
                change = "line " + (at + 1) + " blanked";
            }
            case TYPE_SWAP -> {
                int other = random.nextInt(lines.size());
                lines.set(at, lines.get(other));
                lines.set(other, line);
                change = "lines " + (at + 1) + " and " + (other + 1) + " swapped";
            }
            case DELETED_FIELD -> {
                lines.remove(at);
                change = "line " + (at + 1) + " dropped";
            }
            case DUPLICATED_KEY -> {
                lines.add(at, line);
                change = "line " + (at + 1) + " repeated";
            }
            case DEEP_NESTING -> {
                int depth = 1_000 + random.nextInt(5_001);
                StringBuilder s = new StringBuilder();
                for (int i = 0; i < depth; i++) {
                    s.append(" ".repeat(Math.min(i, 400))).append(i % 2 == 0 ? "1. " : "a) ").append("x\n");
                }
                lines.add(at, s.toString());
                change = depth + " numbered lines each indented deeper, at line " + (at + 1);
            }
            case HUGE_STRING -> {
                lines.set(at, line + Payloads.huge(random));
                change = "line " + (at + 1) + " made huge";
            }
            case MANY_BRACKETS -> {
                int criteria = criteriaLine(lines, random);
                lines.set(criteria, Payloads.brackets(random, lines.get(criteria)));
                change = "line " + (criteria + 1) + " flooded with brackets";
            }
            case DEEP_LIST -> {
                int criteria = criteriaLine(lines, random);
                lines.add(criteria + 1, Payloads.deepList(random));
                change = "a deep list after line " + (criteria + 1);
            }
            case HUGE_LIST -> {
                int count = Math.min(20_000 + random.nextInt(80_001), 6_000_000 / (line.length() + 1));
                for (int i = 1; i < count; i++) {
                    lines.add(at, line);
                }
                change = "line " + (at + 1) + " repeated " + count + " times";
            }
            default -> throw new IllegalArgumentException(kind + " is not a page mutation");
        }
        return new ByteMutations.Result(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), change);
    }

    /** A line of the criteria when the page has them (after a line naming inclusion criteria), else any line. */
    private static int criteriaLine(List<String> lines, Random random) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).toLowerCase().contains("inclusion criteria") && i + 1 < lines.size()) {
                return i + 1 + random.nextInt(Math.min(10, lines.size() - i - 1));
            }
        }
        return random.nextInt(lines.size());
    }
}
