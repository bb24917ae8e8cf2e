package org.stroma.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stroma.server.DemoServer.screen;
import static org.stroma.server.DemoServer.subject;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reporting clock counts the reporting site's calendar days: a SUSAR reported at 23:30 in Paris is day 0 that day,
 * one reported an hour later is day 0 the next, whatever the hour in UTC and whatever the server's own time zone. The
 * site's zone comes from the registry record (MESAMI2's sites are in France); its times are shown in it, to the
 * minute.
 */
class ReportingDayTest {
    static final String PASSWORD = "clock-test-password";
    static final String STUDY = DemoServer.STUDY;
    /** 23:30 in Paris (UTC+1 in March): still the 25th there, the 25th in UTC too. */
    static final Instant LATE_EVENING = Instant.parse("2027-03-25T22:30:00Z");
    /** 00:30 in Paris: the 26th there, still the 25th in UTC. */
    static final Instant AFTER_MIDNIGHT = Instant.parse("2027-03-25T23:30:00Z");
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2027-03-25T20:00:00Z"));
    private static DemoServer demo;
    private static TimeZone machine;

    @BeforeAll
    static void start() throws Exception {
        // a server on the other side of the world: the site's days must not follow it
        machine = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
        demo = DemoServer.start(PASSWORD, CLOCK);
        Client coordinator = demo.client("coordinator");
        // the coordinator's site: a French hospital, as every site of MESAMI2
        screen(coordinator, "Z1", demo.sites().get(0), true);
        assertThat(coordinator.post(subject("Z1") + "/consent", "{\"formVersion\":\"1\","
                + "\"signedAt\":\"2027-03-25T20:00\"}").status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        demo.close();
        TimeZone.setDefault(machine);
    }

    /** A life-threatening suspected unexpected reaction with onset on the 25th, reported now. */
    static JsonNode susar(Client c) throws Exception {
        Client.Reply r = c.post("/api/studies/" + STUDY + "/subjects/Z1/adverse-events", "{\"term\":\"ventricular"
                + " tachycardia\",\"grade\":4,\"seriousness\":[\"life threatening\"],\"causality\":\"possible\","
                + "\"expected\":false,\"onset\":\"2027-03-25\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    @Test
    void theClockStartsOnTheReportingSitesDayAcrossMidnightThereAndNotInUtc() throws Exception {
        assertThat(demo.client("admin").get("/api/studies/" + STUDY).json().at("/sites").findValuesAsText("zone"))
                .contains("Europe/Paris");
        CLOCK.set(LATE_EVENING);
        JsonNode evening = susar(demo.client("coordinator"));
        assertThat(evening.at("/event/sponsorAware").asText()).isEqualTo("2027-03-25");
        assertThat(evening.get("regulatoryDue").asText()).isEqualTo("2027-04-01");
        CLOCK.set(AFTER_MIDNIGHT);
        JsonNode night = susar(demo.client("coordinator"));
        assertThat(night.at("/event/sponsorAware").asText()).isEqualTo("2027-03-26");
        assertThat(night.get("regulatoryDue").asText()).isEqualTo("2027-04-02");
        // the consent given in local time (20:00 in Paris) is kept as the moment it was, and shown in Paris time
        assertThat(demo.count("SELECT count(*) FROM conduct_event WHERE kind = 'Consented' AND"
                + " payload->>'signedAt' LIKE '2027-03-25T19:00%'")).isEqualTo(1);
        assertThat(demo.client("coordinator").get("/studies/" + STUDY + "/subjects/Z1").body()).contains(
                "version 1 signed 2027-03-25 20:00 CET, obtained by coordinator");
        assertThat(demo.client("admin").get("/studies/" + STUDY).body()).contains("Europe/Paris");
    }

}
