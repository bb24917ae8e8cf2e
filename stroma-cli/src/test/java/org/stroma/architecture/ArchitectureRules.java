package org.stroma.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;

/**
 * The rules of {@code docs/architecture.md}, as checks on the compiled classes: the modules' arrows, a domain without
 * frameworks, pages that never reach the store, and JSON known only where requests and responses are read and written.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    /**
     * Each module uses only the modules below it in the diagram. A module is its package: {@code org.stroma.trial..}
     * is stroma-trial.
     */
    static final ArchRule MODULES_DEPEND_INWARDS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("protocol").definedBy("org.stroma.protocol..")
            .layer("trial").definedBy("org.stroma.trial..")
            .layer("analysis").definedBy("org.stroma.analysis..")
            .layer("fhir").definedBy("org.stroma.fhir..")
            .layer("store").definedBy("org.stroma.store..")
            .layer("server").definedBy("org.stroma.server..")
            .layer("report").definedBy("org.stroma.report..")
            .layer("export").definedBy("org.stroma.export..")
            .layer("simulation").definedBy("org.stroma.simulation..")
            .layer("cli").definedBy("org.stroma.cli..")
            .whereLayer("protocol").mayNotAccessAnyLayer()
            .whereLayer("trial").mayOnlyAccessLayers("protocol")
            .whereLayer("analysis").mayNotAccessAnyLayer()
            .whereLayer("fhir").mayOnlyAccessLayers("trial", "protocol")
            .whereLayer("store").mayOnlyAccessLayers("trial", "protocol")
            .whereLayer("server").mayOnlyAccessLayers("export", "store", "fhir", "trial", "protocol")
            .whereLayer("report").mayOnlyAccessLayers("trial", "analysis", "protocol")
            .whereLayer("export").mayOnlyAccessLayers("report", "trial", "analysis", "protocol")
            .whereLayer("simulation").mayOnlyAccessLayers("server", "export", "report", "store", "fhir", "trial",
                    "protocol")
            .whereLayer("cli").mayOnlyAccessLayers("simulation", "server", "export", "report", "store", "fhir",
                    "analysis", "trial", "protocol");

    /**
     * The classes of stroma-trial allowed Jackson: the two that read the data files shipped inside the module (the
     * concept dictionary, the form library). Jackson reads their files; no domain type carries it.
     */
    static final List<String> READERS_OF_SHIPPED_FILES = List.of("org.stroma.trial.concept.ConceptDictionary",
            "org.stroma.trial.capture.FormLibrary");

    /** The protocol model and the conduct domain use the JDK and each other only: no framework, no I/O library. */
    static final ArchRule DOMAIN_WITHOUT_FRAMEWORKS = noClasses()
            .that().resideInAnyPackage("org.stroma.protocol", "org.stroma.trial..")
            .and(not(named(READERS_OF_SHIPPED_FILES)))
            .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.stroma.protocol..",
                    "org.stroma.trial..")
            .because("the domain is pure Java: adapters bring the frameworks (docs/adr)");

    /**
     * The pages show what the services give them; they never read or write the store themselves. The values the
     * services pass on (a record or an enum of the store: a protocol version, a session) may be shown.
     */
    static final ArchRule PAGES_DO_NOT_TOUCH_THE_STORE = noClasses()
            .that().resideInAPackage("org.stroma.server.pages..")
            .should().dependOnClassesThat(resideInAPackage("org.stroma.store..").and(not(plainValues())))
            .because("a page that reads the store bypasses the services' checks of role, site and masking");

    /**
     * Only the server's http package reads and writes JSON: the services take typed commands and the pages build
     * HTML, so the wire format, the stored events and the Java names stay three things.
     */
    static final ArchRule ONLY_HTTP_KNOWS_JSON = noClasses()
            .that().resideInAnyPackage("org.stroma.server..", "org.stroma.simulation..")
            .and().resideOutsideOfPackage("org.stroma.server.http..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml.jackson..")
            .because("JSON is parsed at the edge; the services and the simulation speak in commands");

    static final List<ArchRule> ALL = List.of(MODULES_DEPEND_INWARDS, DOMAIN_WITHOUT_FRAMEWORKS,
            PAGES_DO_NOT_TOUCH_THE_STORE, ONLY_HTTP_KNOWS_JSON);

    private static DescribedPredicate<JavaClass> named(List<String> names) {
        return DescribedPredicate.describe("one of " + names, c -> names.contains(c.getName()));
    }

    private static DescribedPredicate<JavaClass> plainValues() {
        return DescribedPredicate.describe("a record or an enum", c -> c.isRecord() || c.isEnum());
    }
}
