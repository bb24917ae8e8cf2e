package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stroma.search.RegistryIndex;
import org.stroma.search.RegistryRecords;
import org.stroma.server.demo.DemoSetup;
import org.stroma.server.demo.ReferenceTrials;
import org.stroma.server.http.StromaServer;
import org.stroma.store.Database;
import org.stroma.store.study.StudyStore;
import org.stroma.store.user.UserStore;

/**
 * A study's page lists the registry's trials related to it, from the registry index beside the studies, for every
 * member (a blinded investigator too: the registry is public); without an index it says how to build one.
 */
class RelatedTrialsTest {
    private static final String PASSWORD = "related-trials-password";

    @Test
    void mesami2sPageListsOtherCardiacCellTherapyTrials(@TempDir Path tmp) throws Exception {
        Path registry = tmp.resolve("registry");
        try (RegistryIndex index = RegistryIndex.open(registry)) {
            RegistryRecords.read(List.of(Path.of("..", "fixtures", "registry"), Path.of("..", "fixtures", "ctgov")),
                    index::add);
            for (ReferenceTrials.Trial t : ReferenceTrials.all()) {
                RegistryRecords.read(t.name(), t.content(), index::add);
            }
            index.commit();
        }
        try (Database db = Database.temporary()) {
            DemoSetup.run(new StudyStore(db), new UserStore(db), PASSWORD);
            try (StromaServer server = StromaServer.start(Stroma.services(db, new MovableClock(Instant.parse(
                    "2026-06-01T07:00:00Z")), registry), 0)) {
                String page = new Client(server.port()).signIn("investigator", PASSWORD)
                        .get("/studies/" + DemoServer.STUDY).body();
                String related = page.substring(page.indexOf("id=\"related-trials\""));
                assertThat(related).contains("Related trials in the registry")
                        // the non-ischaemic heart failure trial and the myocardial infarction trial, both of MSCs
                        .contains("NCT04325594", "NCT00877903").contains("mesenchymal stromal cells")
                        .doesNotContain(">" + DemoServer.STUDY + "<").doesNotContain("Multiple Sclerosis");
            }
        }
    }

    @Test
    void withoutAnIndexThePageSaysHowToBuildOne() throws Exception {
        try (DemoServer demo = DemoServer.start(PASSWORD, new MovableClock(Instant.parse("2026-06-01T07:00:00Z")))) {
            String page = demo.client("monitor").get("/studies/" + DemoServer.STUDY).body();
            assertThat(page).contains("No registry index yet").contains("stroma registry index");
        }
    }
}
