package org.stroma.trial.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Temperature loggers' files as they come: separators, decimal commas, local times, °F, and rows that cannot be read. */
class LoggerFileTest {
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aCommaSeparatedFileWithInstantsIsReadAsIs() {
        List<TemperatureLog.Reading> r = LoggerFile.read("Timestamp,Temperature (°C),Humidity\n"
                + "2026-06-22T06:00:00Z,4.5,40\n\n# probe moved\n2026-06-22T07:00:00+02:00,5.25,41\n", PARIS);
        assertThat(r).containsExactly(new TemperatureLog.Reading(Instant.parse("2026-06-22T06:00:00Z"), 4.5),
                new TemperatureLog.Reading(Instant.parse("2026-06-22T05:00:00Z"), 5.25));
    }

    @Test
    void aSemicolonFileWithDecimalCommasAndLocalTimesIsReadInTheSitesZone() {
        List<TemperatureLog.Reading> r = LoggerFile.read("\"Date/Time\";\"Temp\"\r\n22/06/2026 08:00;4,5\r\n"
                + "2026-06-22 09:30:00;9,1\r\n", PARIS);
        assertThat(r).containsExactly(new TemperatureLog.Reading(Instant.parse("2026-06-22T06:00:00Z"), 4.5),
                new TemperatureLog.Reading(Instant.parse("2026-06-22T07:30:00Z"), 9.1));
        TemperatureLog log = new TemperatureLog(r, 2, 8);
        assertThat(log.excursions()).hasSize(1);
    }

    @Test
    void fahrenheitIsConvertedAndMonthFirstDatesAreReadWhenADayAbove12TellsThem() {
        List<TemperatureLog.Reading> r = LoggerFile.read("time\ttemperature (°F)\n2026-06-22T06:00Z\t41\n", PARIS);
        assertThat(r.get(0).celsius()).isEqualTo(5.0);
        List<TemperatureLog.Reading> us = LoggerFile.read("Date Time,Temp (F)\n06/22/2026 08:00,41\n"
                + "06/03/2026 09:00,50\n", PARIS);
        assertThat(us).containsExactly(new TemperatureLog.Reading(Instant.parse("2026-06-22T06:00:00Z"), 5.0),
                new TemperatureLog.Reading(Instant.parse("2026-06-03T07:00:00Z"), 10.0));
        assertThatThrownBy(() -> LoggerFile.read("time,temperature\n03/04/2026 08:00,5\n", PARIS))
                .hasMessageContaining("can be read day first or month first");
    }

    @Test
    void whatCannotBeReadIsRefusedWithItsLineAndColumn() {
        assertThatThrownBy(() -> LoggerFile.read("time,temperature\n2026-06-22T06:00Z,4.5\n2026-06-22T07:00Z,warm\n",
                PARIS)).hasMessage("line 3, column temperature: 'warm' is not a temperature");
        assertThatThrownBy(() -> LoggerFile.read("time,temperature\nyesterday,4.5\n", PARIS)).hasMessageContaining(
                "line 2, column time: 'yesterday' is not a date and time");
        assertThatThrownBy(() -> LoggerFile.read("when,reading\n2026-06-22T06:00Z,4.5\n", PARIS)).hasMessage(
                "line 1: the header names no time column (its columns: when, reading)");
        assertThatThrownBy(() -> LoggerFile.read("time,temperature\n2026-06-22T06:00Z\n", PARIS)).hasMessage(
                "line 2: 1 column, where the header has 2");
        // a decimal comma in a comma-separated file is not read as the number before it
        assertThatThrownBy(() -> LoggerFile.read("time,temperature\n2026-06-22T06:00Z,4,5\n", PARIS)).hasMessage(
                "line 2: 3 columns, where the header has 2");
        assertThatThrownBy(() -> LoggerFile.read("time,temperature\n", PARIS)).hasMessage(
                "the logger's file holds no reading");
        assertThatThrownBy(() -> LoggerFile.read("  ", PARIS)).hasMessage("the logger's file is empty");
    }
}
