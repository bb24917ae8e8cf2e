package org.stroma.cli.chia;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * The figures of an evaluation on Chia, as Markdown for people (the definitions beside the numbers, so that a figure
 * is never read without what it counts) or as one JSON object for scripts.
 */
public final class ChiaReport {
    /** How many polarity errors the text lists; the JSON lists them all. */
    public static final int EXAMPLES = 30;
    private static final int LONGEST_CELL = 240;

    private ChiaReport() {
    }

    public static String text(ChiaFigures f, String command) {
        StringBuilder s = new StringBuilder();
        DataRuleShare d = f.dataRules();
        s.append("Chia: Kury F, Butler A, Yuan C, et al. Scientific Data 7, 281 (2020), CC BY 4.0.\n")
                .append("Command: `").append(command).append("` — ").append(f.trials()).append(" trials, ")
                .append(d.criteria()).append(" criteria (one per non-blank line).\n\n");

        s.append("### 1. Criteria compiled to a data rule\n\n")
                .append("A criterion compiled to a data rule when the compiler's status for it is *computed* or *partly")
                .append(" computed*: some part of its rule is decided by a patient's record rather than attested.")
                .append(" *Not flagged* leaves out the criteria on whose line Chia marks anything Non-query-able.\n\n")
                .append("| criteria | counted | data rule | of which fully computed |\n|---|---:|---:|---:|\n")
                .append("| all | ").append(d.criteria()).append(" | ").append(share(d.dataRules(), d.criteria()))
                .append(" | ").append(share(d.computed(), d.criteria())).append(" |\n")
                .append("| not flagged Non-query-able | ").append(d.queryable()).append(" | ")
                .append(share(d.queryableDataRules(), d.queryable())).append(" | ")
                .append(share(d.queryableComputed(), d.queryable())).append(" |\n\n");

        MeasurementRecovery m = f.measurements();
        s.append("### 2. Numeric thresholds (Chia Has_value from a Measurement to a Value)\n\n")
                .append(m.pairs()).append(" pairs, ").append(m.notNumeric()).append(" of them without a number; of the ")
                .append(m.numeric()).append(" numeric ones:\n\n| recovered | pairs |\n|---|---:|\n")
                .append("| exactly (comparison, number and unit) | ").append(share(m.exact(), m.numeric())).append(" |\n")
                .append("| with a wrong comparison, number or unit | ").append(share(m.wrong(), m.numeric()))
                .append(" |\n| missed | ").append(share(m.missed(), m.numeric())).append(" |\n\n")
                .append(m.signLost()).append(" of the numeric values are a number after an equals sign alone (\"= 6,5 %\"),")
                .append(" where the text lost a ≤ or ≥ that no reader can tell, and which the compiler asks; of the other ")
                .append(m.numeric() - m.signLost()).append(", ").append(share(m.exactOfSignKept(), m.numeric() - m.signLost()))
                .append(" are recovered exactly.\n\n");

        ConditionRecall c = f.conditions();
        s.append("### 3. Conditions\n\n").append(share(c.recalled(), c.conditions()))
                .append(" of Chia's Condition entities recalled by a compiled rule about a condition.\n\n");

        WindowRecovery w = f.windows();
        int judged = w.recovered() + w.wrong();
        s.append("### 4. Time windows (Chia Has_temporal)\n\n").append(w.relations())
                .append(" facts with a Chia time window; ").append(w.notCompiled())
                .append(" of them not compiled to a rule with a window, ").append(w.notAWindow())
                .append(" compiled but their Temporal states no window (\"at least 3 months ago\"). Of the other ")
                .append(judged).append(": ").append(share(w.recovered(), judged)).append(" recovered, ")
                .append(share(w.wrong(), judged)).append(" with another window.\n\n");

        PolarityErrors p = f.polarity();
        List<PolarityError> errors = p.errors();
        s.append("### 5. Polarity errors\n\n").append(p.negated()).append(" facts Chia reads as negated; ")
                .append(p.notCompiled()).append(" not compiled, ").append(p.absent()).append(" compiled as absent, ")
                .append(p.shared()).append(" required present by a rule whose concept the line also names outside the")
                .append(" negated words (not counted as errors), **")
                .append(errors.size()).append(" compiled as required present** (polarity errors)")
                .append(errors.isEmpty() ? ".\n" : errors.size() > EXAMPLES ? "; the first " + EXAMPLES + ":\n\n"
                        : ":\n\n");
        if (!errors.isEmpty()) {
            s.append("| trial | criterion | text | negated fact | cue | rule from the fact | whole rule |\n")
                    .append("|---|---|---|---|---|---|---|\n");
            for (PolarityError e : errors.subList(0, Math.min(EXAMPLES, errors.size()))) {
                s.append("| ").append(e.trial()).append(" | ").append(e.criterion()).append(" | ")
                        .append(cell(shortened(e.text())))
                        .append(" | ").append(cell(e.fact())).append(" | ").append(cell(e.cue())).append(" | `")
                        .append(code(e.leafRule())).append("` | `").append(code(shortened(e.rule()))).append("` |\n");
            }
        }
        return s.toString();
    }

    public static ObjectNode json(ChiaFigures f, String command) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("command", command);
        o.put("trials", f.trials());
        DataRuleShare d = f.dataRules();
        ObjectNode data = o.putObject("dataRules");
        data.put("criteria", d.criteria()).put("dataRule", d.dataRules()).put("computed", d.computed())
                .put("notFlaggedNonQueryable", d.queryable()).put("notFlaggedDataRule", d.queryableDataRules())
                .put("notFlaggedComputed", d.queryableComputed());
        MeasurementRecovery m = f.measurements();
        ObjectNode measurements = o.putObject("measurements");
        measurements.put("pairs", m.pairs()).put("notNumeric", m.notNumeric())
                .put("exact", m.exact()).put("wrong", m.wrong()).put("missed", m.missed())
                .put("signLost", m.signLost()).put("exactOfSignKept", m.exactOfSignKept());
        ArrayNode wrongOnes = measurements.putArray("wrongExamples");
        for (WrongThreshold t : m.wrongOnes()) {
            ObjectNode example = wrongOnes.addObject().put("trial", t.trial()).put("criterion", t.criterion())
                    .put("text", t.text()).put("measurement", t.measurement()).put("value", t.value());
            t.rules().forEach(example.putArray("rules")::add);
        }
        ArrayNode missedOnes = measurements.putArray("missedExamples");
        for (WrongThreshold t : m.missedOnes()) {
            missedOnes.addObject().put("trial", t.trial()).put("criterion", t.criterion()).put("text", t.text())
                    .put("measurement", t.measurement()).put("value", t.value()).put("rule", t.rules().get(0));
        }
        o.putObject("conditions").put("conditions", f.conditions().conditions())
                .put("recalled", f.conditions().recalled());
        WindowRecovery w = f.windows();
        o.putObject("windows").put("facts", w.relations()).put("notCompiled", w.notCompiled())
                .put("notAWindow", w.notAWindow()).put("recovered", w.recovered()).put("wrong", w.wrong());
        PolarityErrors p = f.polarity();
        ObjectNode polarity = o.putObject("polarity");
        polarity.put("negated", p.negated()).put("notCompiled", p.notCompiled()).put("absent", p.absent())
                .put("shared", p.shared()).put("errors", p.errors().size());
        ArrayNode examples = polarity.putArray("examples");
        for (PolarityError e : p.errors()) {
            examples.addObject().put("trial", e.trial()).put("criterion", e.criterion()).put("line", e.line())
                    .put("text", e.text()).put("fact", e.fact()).put("cue", e.cue()).put("leafRule", e.leafRule())
                    .put("rule", e.rule());
        }
        return o;
    }

    private static String share(int part, int whole) {
        return whole == 0 ? part + " of 0" : String.format(Locale.ROOT, "%d of %d (%.1f %%)", part, whole,
                100.0 * part / whole);
    }

    /** A long criterion or rule cut short in the table, so that the table stays readable; the JSON keeps it whole. */
    private static String shortened(String text) {
        String t = text.strip();
        return t.length() <= LONGEST_CELL ? t : t.substring(0, LONGEST_CELL) + "…";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\r", "").replace("\n", " ");
    }

    private static String code(String rule) {
        return cell(rule).replace("`", "'");
    }
}
