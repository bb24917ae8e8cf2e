package org.stroma.trial.concept;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.stroma.protocol.Criterion;
import org.stroma.protocol.CriterionKind;
import org.stroma.trial.eligibility.compile.CriteriaCompiler;

/** The two questions the dictionary's tests ask: which concepts a text names, and the rule an exclusion of it gets. */
final class Readings {
    private static final ConceptDictionary DICTIONARY = ConceptDictionary.standard();
    private static final CriteriaCompiler COMPILER = new CriteriaCompiler(DICTIONARY);

    private Readings() {
    }

    static List<String> found(String text) {
        return DICTIONARY.mentions(text).stream().map(m -> m.concept().id()).toList();
    }

    /** The text names {@code expected} (when one is given), and does not name {@code notThis}. */
    static void assertNames(String text, String expected, String notThis) {
        List<String> found = found(text);
        assertThat(found).doesNotContain(notThis);
        if (expected != null) {
            assertThat(found).contains(expected);
        }
    }

    static String exclusionRule(String text) {
        return COMPILER.compile(new Criterion("E1", CriterionKind.EXCLUSION, text, null, List.of())).rule().ruleText();
    }
}
