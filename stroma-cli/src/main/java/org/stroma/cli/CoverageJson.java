package org.stroma.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.stroma.trial.eligibility.compile.CompiledCriterion;
import org.stroma.trial.eligibility.compile.CoverageReport;

/**
 * The coverage report as JSON Lines: one object per criterion, nested ones included — {trial, criterion, kind
 * (inclusion or exclusion), text, compilation (computed, partly computed, attestation, not compiled), rule, reading
 * (with assumptions, partly asked, as written, asked, given) and assumptions} — so that a script can count and compare
 * compilations, and list the rules to review first, without reading Markdown.
 */
final class CoverageJson {
    private CoverageJson() {
    }

    static String lines(List<CoverageReport.Trial> trials) {
        StringBuilder s = new StringBuilder();
        for (CoverageReport.Trial t : trials) {
            for (CompiledCriterion c : t.eligibility().all()) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                o.put("trial", t.eligibility().trial() != null ? t.eligibility().trial() : t.title());
                o.put("criterion", c.id());
                o.put("kind", c.kind().name().toLowerCase(Locale.ROOT));
                o.put("text", c.text());
                o.put("compilation", c.compilation().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                o.put("rule", c.rule().ruleText());
                o.put("reading", c.reading().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                c.assumptions().forEach(o.putArray("assumptions")::add);
                s.append(o).append('\n');
            }
        }
        return s.toString();
    }
}
