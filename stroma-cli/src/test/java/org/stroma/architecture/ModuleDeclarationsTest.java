package org.stroma.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Each module's pom declares exactly the modules of Stroma its classes use: none used through another's dependencies
 * (which breaks when that other drops it), none declared and unused.
 */
class ModuleDeclarationsTest {
    /** The modules with code, by the name after "stroma-" (stroma-synthea holds none). */
    static final List<String> MODULES = List.of("protocol", "trial", "analysis", "fhir", "store", "server", "report",
            "export", "simulation", "cli");

    /** A dependency on a module of Stroma's, with its scope when it has one, and a test jar's type. */
    private static final Pattern DEPENDENCY = Pattern.compile("<dependency>(?:(?!</dependency>).)*?<artifactId>stroma-"
            + "([a-z]+)</artifactId>((?:(?!</dependency>).)*)</dependency>", Pattern.DOTALL);

    @Test
    void eachPomDeclaresTheModulesItsClassesUse() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        for (String module : MODULES) {
            Path classes = root.resolve("stroma-" + module).resolve("target/classes");
            assertThat(classes).as("stroma-" + module + " is built").isDirectory();
            Set<String> used = new TreeSet<>();
            for (JavaClass c : new ClassFileImporter().importPath(classes)) {
                for (Dependency d : c.getDirectDependenciesFromSelf()) {
                    String target = d.getTargetClass().getPackageName();
                    if (target.startsWith("org.stroma.")) {
                        used.add(target.substring("org.stroma.".length()).split("\\.")[0]);
                    }
                }
            }
            used.remove(module);
            assertThat(declared(root.resolve("stroma-" + module).resolve("pom.xml")))
                    .as("the modules stroma-" + module + "'s pom declares for its main code").isEqualTo(used);
        }
    }

    /** The modules of Stroma a pom depends on for its main code: test-scoped ones and test jars left out. */
    private static Set<String> declared(Path pom) throws IOException {
        Set<String> declared = new TreeSet<>();
        Matcher m = DEPENDENCY.matcher(Files.readString(pom));
        while (m.find()) {
            String rest = m.group(2);
            if (!rest.contains("<scope>test</scope>") && !rest.contains("<type>test-jar</type>")) {
                declared.add(m.group(1));
            }
        }
        return declared;
    }
}
