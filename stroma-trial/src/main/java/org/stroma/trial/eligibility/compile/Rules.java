package org.stroma.trial.eligibility.compile;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.AnyOf;
import org.stroma.trial.eligibility.rule.ClassRule;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.DurationRule;
import org.stroma.trial.eligibility.rule.EventCountRule;
import org.stroma.trial.eligibility.rule.ExposureRule;
import org.stroma.trial.eligibility.rule.IncreaseRule;
import org.stroma.trial.eligibility.rule.MeasurementRule;
import org.stroma.trial.eligibility.rule.MedicationRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.ProcedureRule;
import org.stroma.trial.eligibility.rule.Rule;

/**
 * Tidies compiled rules without changing what they mean (nested ands and ors flattened, repeats dropped), and lists the
 * concepts a rule speaks of.
 */
final class Rules {
    private Rules() {
    }

    static Rule simplify(Rule rule) {
        if (rule instanceof AllOf all) {
            List<Rule> parts = flatten(all.rules(), AllOf.class);
            return parts.size() == 1 ? parts.get(0) : new AllOf(parts);
        }
        if (rule instanceof AnyOf any) {
            List<Rule> parts = flatten(any.rules(), AnyOf.class);
            return parts.size() == 1 ? parts.get(0) : new AnyOf(parts);
        }
        if (rule instanceof Not not) {
            Rule inner = simplify(not.rule());
            return inner instanceof Not twice ? twice.rule() : new Not(inner);
        }
        return rule;
    }

    /** The dictionary concepts a rule speaks of, each once, in the order they appear. */
    static Set<String> concepts(Rule rule) {
        Set<String> ids = new LinkedHashSet<>();
        collect(rule, ids);
        return ids;
    }

    private static void collect(Rule rule, Set<String> ids) {
        if (rule instanceof AllOf all) {
            all.rules().forEach(r -> collect(r, ids));
        } else if (rule instanceof AnyOf any) {
            any.rules().forEach(r -> collect(r, ids));
        } else if (rule instanceof Not not) {
            collect(not.rule(), ids);
        } else if (rule instanceof MeasurementRule m) {
            ids.add(m.concept());
        } else if (rule instanceof ClassRule c) {
            ids.add(c.concept());
        } else if (rule instanceof ConditionRule c) {
            ids.add(c.concept());
        } else if (rule instanceof ProcedureRule p) {
            ids.add(p.concept());
        } else if (rule instanceof EventCountRule e) {
            ids.add(e.concept());
        } else if (rule instanceof MedicationRule m) {
            ids.addAll(m.concepts());
        } else if (rule instanceof ExposureRule e) {
            ids.addAll(e.concepts());
        } else if (rule instanceof DurationRule d) {
            ids.add(d.concept());
        } else if (rule instanceof IncreaseRule i) {
            ids.add(i.concept());
        }
    }

    private static List<Rule> flatten(List<Rule> rules, Class<? extends Rule> kind) {
        List<Rule> parts = new ArrayList<>();
        for (Rule r : rules) {
            Rule s = simplify(r);
            List<Rule> inner = kind.isInstance(s) ? (s instanceof AllOf a ? a.rules() : ((AnyOf) s).rules()) : List.of(s);
            for (Rule part : inner) {
                if (!parts.contains(part)) {
                    parts.add(part);
                }
            }
        }
        return parts;
    }
}
