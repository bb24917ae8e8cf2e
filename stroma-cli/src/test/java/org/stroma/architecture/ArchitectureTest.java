package org.stroma.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stroma's own classes, every module's, keep the rules of its architecture. */
class ArchitectureTest {
    private static JavaClasses stroma;

    @BeforeAll
    static void importStroma() {
        stroma = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.stroma");
    }

    @Test
    void everyModuleIsChecked() {
        for (String module : ModuleDeclarationsTest.MODULES) {
            assertThat(stroma.stream().anyMatch(c -> c.getPackageName().startsWith("org.stroma." + module)))
                    .as("classes of stroma-" + module + " are among those checked").isTrue();
        }
    }

    @Test
    void modulesDependInwards() {
        check(ArchitectureRules.MODULES_DEPEND_INWARDS);
    }

    @Test
    void theDomainUsesNoFramework() {
        check(ArchitectureRules.DOMAIN_WITHOUT_FRAMEWORKS);
    }

    @Test
    void pagesDoNotTouchTheStore() {
        check(ArchitectureRules.PAGES_DO_NOT_TOUCH_THE_STORE);
    }

    @Test
    void onlyHttpKnowsJson() {
        check(ArchitectureRules.ONLY_HTTP_KNOWS_JSON);
    }

    private static void check(ArchRule rule) {
        rule.check(stroma);
    }
}
