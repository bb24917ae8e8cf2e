package org.stroma.cli.chia;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.stroma.trial.eligibility.compile.Compilation;
import org.stroma.trial.eligibility.compile.CompiledCriterion;

/**
 * Criteria drawn at random for a person to judge by hand: among those Chia does not flag non-query-able, the ones
 * that compiled to a data rule — where a wrong rule would decide for patients unseen. The table gives each criterion's
 * words, its rule and how it was read, and leaves the judgement to the person.
 */
public final class AuditDraw {
    private AuditDraw() {
    }

    /** {@code size} data-rule criteria drawn with {@code seed}, in the corpus's order. */
    public static List<EvaluatedLine> draw(List<EvaluatedLine> lines, int size, long seed) {
        List<EvaluatedLine> candidates = new ArrayList<>(lines.stream().filter(l -> !l.nonQueryable())
                .filter(l -> dataRule(l.compiled())).toList());
        java.util.Collections.shuffle(candidates, new Random(seed));
        List<EvaluatedLine> drawn = new ArrayList<>(candidates.subList(0, Math.min(size, candidates.size())));
        drawn.sort(Comparator.comparing(EvaluatedLine::trial).thenComparing(l -> l.line().kind())
                .thenComparingInt(l -> l.line().number()));
        return drawn;
    }

    private static boolean dataRule(CompiledCriterion c) {
        return c.compilation() == Compilation.COMPUTED || c.compilation() == Compilation.PARTLY_COMPUTED;
    }

    /** The drawn criteria as a Markdown table with an empty column for the judgement. */
    public static String markdown(List<EvaluatedLine> drawn, String command) {
        StringBuilder s = new StringBuilder("Drawn by `").append(command).append("`.\n\n")
                .append("| # | trial | criterion | text | rule | how it was read | judgement |\n")
                .append("|---:|---|---|---|---|---|---|\n");
        int n = 0;
        for (EvaluatedLine l : drawn) {
            CompiledCriterion c = l.compiled();
            String read = c.reading().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                    + (c.assumptions().isEmpty() ? "" : ": " + String.join("; ", c.assumptions()));
            s.append("| ").append(++n).append(" | ").append(l.trial()).append(" | ").append(c.id()).append(" | ")
                    .append(cell(l.line().text())).append(" | `").append(cell(c.rule().ruleText()).replace("`", "'"))
                    .append("` | ").append(cell(read)).append(" |  |\n");
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.strip().replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }
}
