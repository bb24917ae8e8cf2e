package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What Stroma assumed where the record is silent reaches the study's page and overview for the team to confirm: the
 * design's choices (the ratio, the block sizes, the strata) and the schedule's (the baseline's and the
 * administration's windows, visit windows by unit) alike.
 */
class StudyAssumptionsTest {
    private static DemoServer demo;

    @BeforeAll
    static void start() throws Exception {
        demo = DemoServer.start("assumptions-test-password", Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        demo.close();
    }

    @Test
    void theSchedulesAssumptionsReachTheStudyPageBesideTheDesignsForTheTeamToConfirm() throws Exception {
        Client admin = demo.client("admin");
        JsonNode overview = admin.get("/api/studies/" + DemoServer.STUDY).json();
        List<String> assumptions = new ArrayList<>();
        overview.get("assumptions").forEach(a -> assumptions.add(a.asText()));
        assertThat(assumptions).anyMatch(a -> a.startsWith("allocation 1:1"));
        assertThat(assumptions).anyMatch(a -> a.startsWith("baseline within the 30 days before the administration"));

        String page = admin.get("/studies/" + DemoServer.STUDY).body();
        assertThat(page).contains("Assumptions to confirm", "the study team confirms or corrects each one",
                "<li>baseline within the 30 days before the administration");
    }
}
