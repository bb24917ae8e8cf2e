package org.stroma.protocol.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeAnchor;
import org.stroma.protocol.TimeFrame;
import org.stroma.protocol.TimePoint;
import org.stroma.protocol.TimeRange;
import org.stroma.protocol.TimeUnit;

class TimeFrameReaderTest {

    @Test
    void baselineAndAListOfMonths() {
        TimeFrame tf = TimeFrameReader.read("Before injection and at 3, 6 and 12 months");
        assertThat(tf.points()).containsExactly(TimePoint.atBaseline(), TimePoint.at(3, TimeUnit.MONTH),
                TimePoint.at(6, TimeUnit.MONTH), TimePoint.at(12, TimeUnit.MONTH));
        assertThat(tf.anchor()).isEqualTo(TimeAnchor.FIRST_ADMINISTRATION);
        assertThat(tf.range()).isNull();
    }

    @Test
    void durationFromTheFirstInfusionIsATimePoint() {
        TimeFrame tf = TimeFrameReader.read("24 weeks from the first infusion");
        assertThat(tf.points()).containsExactly(TimePoint.at(24, TimeUnit.WEEK));
        assertThat(tf.anchor()).isEqualTo(TimeAnchor.FIRST_ADMINISTRATION);
    }

    @Test
    void misspelledFromStillAnchorsOnTheInfusion() {
        assertThat(TimeFrameReader.read("24 weeks form the first infusion").anchor())
                .isEqualTo(TimeAnchor.FIRST_ADMINISTRATION);
    }

    @Test
    void betweenGivesARange() {
        TimeFrame tf = TimeFrameReader.read("Between 3 and 12 months");
        assertThat(tf.range()).isEqualTo(new TimeRange(new Offset(3, TimeUnit.MONTH), new Offset(12, TimeUnit.MONTH)));
        assertThat(tf.points()).isEmpty();
        assertThat(tf.understood()).isTrue();
    }

    @Test
    void overTheFirstDaysIsAPeriodFromTheAnchor() {
        TimeFrame tf = TimeFrameReader.read("over the first 5 days of hospitalization");
        assertThat(tf.range()).isEqualTo(new TimeRange(new Offset(0, TimeUnit.DAY), new Offset(5, TimeUnit.DAY)));
        assertThat(tf.points()).isEmpty();
    }

    @Test
    void windowIsSeparatedFromThePoints() {
        TimeFrame tf = TimeFrameReader.read("Baseline, Week 12, ±3 days and Week 24, ±3 days");
        assertThat(tf.points()).containsExactly(TimePoint.atBaseline(), TimePoint.at(12, TimeUnit.WEEK),
                TimePoint.at(24, TimeUnit.WEEK));
        assertThat(tf.window()).isEqualTo(new Offset(3, TimeUnit.DAY));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Week 4, Week 8, Week 12                          | 4 WEEK;8 WEEK;12 WEEK",
            "Day 7, 14, 28                                    | 7 DAY;14 DAY;28 DAY",
            "at 1, 3, and 6 months post-infusion              | 1 MONTH;3 MONTH;6 MONTH",
            "6, 12, and 24 months                             | 6 MONTH;12 MONTH;24 MONTH",
            "Baseline and Months 12, 24, 36, and 48           | baseline;12 MONTH;24 MONTH;36 MONTH;48 MONTH",
            "12 months                                        | 12 MONTH",
            "2 years                                          | 2 YEAR",
            "3 days after administration                      | 3 DAY",
            "week 8 post-randomization                        | 8 WEEK",
            "At Baseline, Day 3, Day 7, Day 14, Day 28, Day 90 | baseline;3 DAY;7 DAY;14 DAY;28 DAY;90 DAY",
            "Baseline                                         | baseline",
            "measure before treatment (baseline visit), 3, 6, 9 and 12 months after surgery | baseline;3 MONTH;6 MONTH;9 MONTH;12 MONTH",
            "12-week                                          | 12 WEEK",
            "within the last twelve months                    | ",
            "First day                                        | 1 DAY",
            "First and second day                             | 1 DAY;2 DAY",
            "Baseline (Day 1) to Weeks 2 and 4                | baseline;2 WEEK;4 WEEK",
            "baseline (day 0) through 47 days after first infusion | baseline",
            "Day 0                                            | baseline",
            "Baseline to Year 4 (Month 48)                    | baseline;4 YEAR",
    })
    void points(String text, String expected) {
        TimeFrame tf = TimeFrameReader.read(text);
        List<TimePoint> want = expected == null ? List.of() : java.util.Arrays.stream(expected.split(";"))
                .map(p -> p.equals("baseline") ? TimePoint.atBaseline()
                        : TimePoint.at(Double.parseDouble(p.split(" ")[0]), TimeUnit.valueOf(p.split(" ")[1])))
                .toList();
        assertThat(tf.points()).containsExactlyElementsOf(want);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "up to 24 months                          | 0 | 24 | MONTH",
            "Up to approximately 2 years              | 0 | 2  | YEAR",
            "During 12 weeks                          | 0 | 12 | WEEK",
            "prior to hospital discharge, up to 15 ½ months | 0 | 15.5 | MONTH",
            "0-52 wk                                  | 0 | 52 | WEEK",
            "day 7 to day 90                          | 7 | 90 | DAY",
            "Years 1-2                                | 1 | 2  | YEAR",
    })
    void ranges(String text, double from, double to, TimeUnit unit) {
        TimeRange range = TimeFrameReader.read(text).range();
        assertThat(range).isEqualTo(new TimeRange(new Offset(from, unit), new Offset(to, unit)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
            "2009",
            "Immediate after orthosis is worn",
            "through study completion",
            "''",
    })
    void textWithoutATimeIsNotUnderstood(String text) {
        assertThat(TimeFrameReader.read(text).understood()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Randomization to Week 12                 | RANDOMIZATION",
            "12 months post enrollment                | ENROLLMENT",
            "Up to 30 days after last treatment       | LAST_ADMINISTRATION",
            "At 30 days after surgery                 | PROCEDURE",
            "up to 28 days after birth                | BIRTH",
            "6 months                                 | ",
            "measure before treatment (baseline visit), 3, 6 and 12 months after surgery | PROCEDURE",
            "Before injection and at 3, 6 and 12 months | FIRST_ADMINISTRATION",
    })
    void anchors(String text, TimeAnchor anchor) {
        assertThat(TimeFrameReader.read(text).anchor()).isEqualTo(anchor);
    }
}
