package org.stroma.server.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Moments to the minute in the site's zone, written as the person's browser asks. */
class MomentsTest {
    private static final Instant AT = Instant.parse("2026-06-01T09:30:00Z");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aMomentIsWrittenInTheSitesZoneAsThePersonsLocaleWritesIt() {
        assertThat(Moments.show(AT, PARIS)).isEqualTo("2026-06-01 11:30 CEST");
        assertThat(Moments.show(AT, PARIS, Locale.ROOT)).isEqualTo("2026-06-01 11:30 CEST");
        assertThat(Moments.show(AT, PARIS, Locale.forLanguageTag("fr-FR"))).contains("1 juin 2026", "11:30")
                .endsWith("CEST");
        assertThat(Moments.show(AT, PARIS, Locale.US)).contains("Jun 1, 2026", "11:30");
        assertThat(Moments.show(AT, ZoneId.of("America/New_York"), Locale.US)).contains("5:30", "EDT");
        assertThat(Moments.show(null, PARIS, Locale.US)).isEmpty();
    }

    @Test
    void theLocaleIsTheFirstTheBrowserAsksFor() {
        assertThat(Moments.locale("fr-FR,fr;q=0.9,en;q=0.8")).isEqualTo(Locale.forLanguageTag("fr-FR"));
        assertThat(Moments.locale("de")).isEqualTo(Locale.GERMAN);
        assertThat(Moments.locale("*")).isEqualTo(Locale.ROOT);
        assertThat(Moments.locale(null)).isEqualTo(Locale.ROOT);
        assertThat(Moments.locale("%%% not a language")).isEqualTo(Locale.ROOT);
    }
}
