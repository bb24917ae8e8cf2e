package org.stroma.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule fails when a forbidden dependency is added: Stroma's classes together with one class that breaks the rule
 * (kept in the test sources, in packages named {@code forbidden}) are refused, and the refusal names that class.
 */
class ArchitectureRulesCatchTest {
    private static JavaClasses withForbidden;

    @BeforeAll
    static void importStromaAndTheForbiddenClasses() {
        withForbidden = new ClassFileImporter()
                .withImportOption(l -> !l.contains("/test-classes/") || l.contains("/forbidden/"))
                .importPackages("org.stroma");
    }

    @Test
    void aProtocolClassThatUsesTheTrialBreaksTheLayering() {
        assertCaught(ArchitectureRules.MODULES_DEPEND_INWARDS, "org.stroma.protocol.forbidden.ProtocolThatKnowsTheTrial");
    }

    @Test
    void aDomainClassThatReadsJsonUsesAFramework() {
        assertCaught(ArchitectureRules.DOMAIN_WITHOUT_FRAMEWORKS, "org.stroma.trial.forbidden.DomainThatReadsJson");
    }

    @Test
    void aPageThatAsksTheStoreIsCaught() {
        assertCaught(ArchitectureRules.PAGES_DO_NOT_TOUCH_THE_STORE,
                "org.stroma.server.pages.forbidden.PageThatReadsTheStore");
    }

    @Test
    void aServiceOrASimulationWithJsonIsCaught() {
        assertCaught(ArchitectureRules.ONLY_HTTP_KNOWS_JSON, "org.stroma.server.app.forbidden.ServiceThatTakesJson",
                "org.stroma.simulation.forbidden.SimulationThatBuildsJson");
    }

    /** The rule is broken, each of the forbidden classes breaks it, and nothing else does. */
    private static void assertCaught(ArchRule rule, String... forbidden) {
        EvaluationResult result = rule.evaluate(withForbidden);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        List<String> details = result.getFailureReport().getDetails();
        assertThat(details).as("the violations name only the classes that break the rule")
                .allMatch(detail -> Arrays.stream(forbidden).anyMatch(f -> names(detail, f)));
        for (String f : forbidden) {
            assertThat(details).as("a violation names " + f).anyMatch(detail -> names(detail, f));
        }
    }

    private static boolean names(String detail, String className) {
        return detail.contains("<" + className + ".") || detail.contains("<" + className + ">")
                || detail.contains("<" + className + "$");
    }
}
