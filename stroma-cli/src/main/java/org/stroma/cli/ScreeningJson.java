package org.stroma.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.stroma.trial.eligibility.CriterionResult;
import org.stroma.trial.eligibility.Evidence;
import org.stroma.trial.eligibility.ScreeningResult;

/**
 * Screening results as JSON: a list of {patient, trial, date, verdict, failing, open, criteria: [{id, kind, text,
 * verdict, reason, nested, compilation, evidence: [{what, value, date, source}]}]}.
 */
final class ScreeningJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ScreeningJson() {
    }

    static ArrayNode of(List<ScreeningResult> results) {
        ArrayNode list = NODES.arrayNode();
        for (ScreeningResult r : results) {
            ObjectNode o = list.addObject();
            o.put("patient", r.patient());
            o.put("trial", r.trial());
            o.put("date", r.date().toString());
            o.put("verdict", r.verdict().name());
            ArrayNode failing = o.putArray("failing");
            r.failing().forEach(failing::add);
            ArrayNode open = o.putArray("open");
            r.open().forEach(open::add);
            ArrayNode criteria = o.putArray("criteria");
            for (CriterionResult c : r.criteria()) {
                ObjectNode n = criteria.addObject();
                n.put("id", c.id());
                n.put("kind", c.kind().name());
                n.put("text", c.text());
                n.put("verdict", c.verdict().name());
                n.put("reason", c.reason());
                n.put("nested", c.nested());
                n.put("compilation", c.compilation().name());
                ArrayNode evidence = n.putArray("evidence");
                for (Evidence e : c.evidence()) {
                    ObjectNode en = evidence.addObject();
                    en.put("what", e.what());
                    en.put("value", e.value());
                    en.put("date", e.date() == null ? null : e.date().toString());
                    en.put("source", e.source());
                    if (e.matchedByName() != null) {
                        en.put("matchedByName", e.matchedByName());
                    }
                }
            }
        }
        return list;
    }
}
