package org.stroma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stroma registry} as a user runs it: index records, search them by fields, ask for related trials. */
class RegistryCommandTest {
    @TempDir
    Path tmp;

    @Test
    void indexSearchAndRelated() {
        String index = tmp.resolve("registry").toString();
        Cli.Run indexed = Cli.stroma("registry", "index", "--index", index, Cli.FIXTURES.resolve("registry")
                .toString(), Cli.FIXTURES.resolve("ctgov").toString(), Cli.FIXTURES.resolve("seeds").toString());
        assertThat(indexed.exit()).as(indexed.err()).isZero();
        assertThat(indexed.out()).contains("the index holds 98");

        Cli.Run search = Cli.stroma("registry", "search", "--index", index, "--condition", "heart failure",
                "--cell-product", "mesenchymal");
        assertThat(search.exit()).isZero();
        assertThat(search.out()).contains("NCT04325594").doesNotContain("Multiple Sclerosis");

        Cli.Run related = Cli.stroma("registry", "related", "--index", index, "--limit", "3", "NCT02462330");
        assertThat(related.exit()).isZero();
        assertThat(related.out()).contains("3 trial(s)").contains("NCT04325594").doesNotContain("NCT02462330 ");

        assertThat(Cli.stroma("registry", "search", "--index", index, "heart AND (").err())
                .contains("the search text cannot be read");
        Cli.Run unknown = Cli.stroma("registry", "related", "--index", index, "NCT00000000");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("NCT00000000 is not in the registry index");
        assertThat(Cli.stroma("registry", "search", "--index", tmp.resolve("none").toString(), "heart").err())
                .contains("no registry index here");
        assertThat(Files.exists(tmp.resolve("none").resolve("write.lock"))).isFalse();
    }

    @Test
    void theBenchmarkPrintsItsFigures() {
        Cli.Run run = Cli.stroma("bench", "registry", "--records", Cli.FIXTURES.resolve("registry") + "," + Cli.FIXTURES.resolve("ctgov"),
                "--sizes", "500", "--queries", "20");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("98 real records").containsPattern("\\s+500\\s+\\d");
    }
}
