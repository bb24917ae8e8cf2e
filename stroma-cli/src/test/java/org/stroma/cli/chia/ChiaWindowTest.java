package org.stroma.cli.chia;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stroma.protocol.TimeUnit;
import org.stroma.trial.eligibility.rule.Window;

class ChiaWindowTest {

    @Test
    void windowsBeforeAndAfterTheScreening() {
        assertThat(ChiaWindow.read("within the last 6 months")).isEqualTo(Window.past(6, TimeUnit.MONTH));
        assertThat(ChiaWindow.read("in the past three years")).isEqualTo(Window.past(3, TimeUnit.YEAR));
        assertThat(ChiaWindow.read("within the next 30 days")).isEqualTo(Window.next(30, TimeUnit.DAY));
        assertThat(ChiaWindow.read("current")).isEqualTo(Window.now());
        assertThat(ChiaWindow.read("history")).isEqualTo(Window.ever());
    }

    @Test
    void aBoundFromTheOtherSideIsNoWindow() {
        assertThat(ChiaWindow.read("at least six months prior to study start")).isNull();
        assertThat(ChiaWindow.read("more than 1 year ago")).isNull();
        assertThat(ChiaWindow.read("for 3 months")).isNull();
        assertThat(ChiaWindow.read("during pregnancy")).isNull();
    }

    @Test
    void aYearIsTwelveMonthsButOtherLengthsAndKindsDiffer() {
        assertThat(ChiaWindow.same(Window.past(1, TimeUnit.YEAR), Window.past(12, TimeUnit.MONTH))).isTrue();
        assertThat(ChiaWindow.same(Window.past(1, TimeUnit.MONTH), Window.past(3, TimeUnit.MONTH))).isFalse();
        assertThat(ChiaWindow.same(Window.past(3, TimeUnit.MONTH), Window.next(3, TimeUnit.MONTH))).isFalse();
        assertThat(ChiaWindow.same(Window.now(), Window.now())).isTrue();
        assertThat(ChiaWindow.same(Window.now(), null)).isFalse();
    }
}
