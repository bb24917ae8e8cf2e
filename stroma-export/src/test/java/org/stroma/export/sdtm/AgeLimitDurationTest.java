package org.stroma.export.sdtm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroma.protocol.Age;
import org.stroma.protocol.TimeUnit;

/** The trial summary's AGEMIN and AGEMAX: an ISO 8601 duration in the registry's own unit, never rounded to years. */
class AgeLimitDurationTest {
    @Test
    void anAgeLimitIsWrittenInItsOwnUnit() {
        assertThat(TrialDesignDomains.duration(new Age(18, TimeUnit.YEAR))).isEqualTo("P18Y");
        // in whole years, six months had been P0Y
        assertThat(TrialDesignDomains.duration(new Age(6, TimeUnit.MONTH))).isEqualTo("P6M");
        assertThat(TrialDesignDomains.duration(new Age(2, TimeUnit.WEEK))).isEqualTo("P2W");
        assertThat(TrialDesignDomains.duration(new Age(28, TimeUnit.DAY))).isEqualTo("P28D");
        assertThat(TrialDesignDomains.duration(new Age(24, TimeUnit.HOUR))).isEqualTo("PT24H");
        assertThat(TrialDesignDomains.duration(new Age(30, TimeUnit.MINUTE))).isEqualTo("PT30M");
        assertThat(TrialDesignDomains.duration(null)).isNull();
    }
}
