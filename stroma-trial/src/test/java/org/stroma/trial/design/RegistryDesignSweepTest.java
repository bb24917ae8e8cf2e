package org.stroma.trial.design;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.stroma.protocol.InterventionModel;
import org.stroma.protocol.Protocol;
import org.stroma.protocol.registry.ImportedRecord;
import org.stroma.protocol.registry.RegistryImporter;
import org.stroma.trial.randomization.AllocationMethod;

/**
 * Every registry record at hand (the shared folder when it is beside the checkout, else the copied fixtures) with a
 * design and arms yields a design Stroma can run: randomized, assigned by the investigator, or a single group.
 */
class RegistryDesignSweepTest {

    private static List<Path> records() throws IOException, URISyntaxException {
        String shared = System.getProperty("stroma.shared.dir");
        Path root = shared != null && Files.isDirectory(Path.of(shared, "ctgov")) ? Path.of(shared, "ctgov")
                : Path.of(RegistryDesignSweepTest.class.getClassLoader().getResource("fixtures/ctgov").toURI());
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".json") || p.toString().endsWith(".xml")).sorted().toList();
        }
    }

    @Test
    void everyRecordYieldsADesignOrSaysWhyNot() throws Exception {
        List<String> refused = new ArrayList<>();
        int designs = 0;
        List<Path> files = records();
        for (Path file : files) {
            for (ImportedRecord r : new RegistryImporter().read(Files.readAllBytes(file))) {
                Protocol p = r.protocol();
                if (p.design() == null || p.arms().isEmpty()) {
                    continue;
                }
                try {
                    TrialDesign d = DesignReader.read(p);
                    designs++;
                    assertThat(d.ratio().groups()).isNotEmpty();
                    if (p.design().interventionModel() == InterventionModel.CROSSOVER && d.arms().size() > 1) {
                        assertThat(d.kind()).isEqualTo(DesignKind.CROSSOVER);
                        assertThat(d.ratio().groups()).allMatch(g -> g.length() == d.arms().size());
                    }
                    if (d.kind() == DesignKind.SINGLE_GROUP) {
                        assertThat(d.method()).isInstanceOf(AllocationMethod.SingleGroup.class);
                    }
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).isNotBlank();
                    refused.add(file.getFileName() + ": " + e.getMessage());
                }
            }
        }
        System.out.println("RegistryDesignSweepTest: " + files.size() + " records, " + designs + " designs; refused: "
                + refused);
        assertThat(refused).isEmpty();
        assertThat(designs).isPositive();
    }
}
