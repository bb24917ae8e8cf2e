package org.stroma.trial.eligibility.compile;

import java.util.List;
import java.util.regex.Pattern;
import org.stroma.trial.eligibility.rule.AllOf;
import org.stroma.trial.eligibility.rule.ConditionRule;
import org.stroma.trial.eligibility.rule.Not;
import org.stroma.trial.eligibility.rule.Rule;
import org.stroma.trial.eligibility.rule.Window;

/**
 * "Women of childbearing potential must have a negative serum pregnancy test at screening": whatever else such an
 * inclusion asks (the test itself, who must take it, contraception), a patient pregnant now does not meet it, and the
 * record can say so. The rest stays with the investigator; a man or a woman who cannot conceive is not pregnant, so
 * the record's part holds for them too.
 */
final class NegativePregnancyTest {
    private static final Pattern REQUIRED = Pattern.compile("(?i)\\bnegative\\b[^.;]{0,60}?\\bpregnancy test"
            + "|\\bpregnancy test[^.;]{0,60}?\\bnegative\\b|\\btests? negative\\b[^.;]{0,30}?\\bpregnancy test");

    private NegativePregnancyTest() {
    }

    /** The rule with "not pregnant now" beside it, when the text asks a negative test and the rule does not say so. */
    static Rule beside(String text, Rule rule) {
        if (!REQUIRED.matcher(text).find() || Rules.concepts(rule).contains("pregnancy")) {
            return rule;
        }
        return new AllOf(List.of(new Not(new ConditionRule("pregnancy", Window.now())), rule));
    }
}
