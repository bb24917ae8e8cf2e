package org.stroma.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** 9/20 against 3/20, against R 4.2.2 (prop.test without correction, chisq.test, fisher.test). */
class ProportionsTest {
    @Test
    void differenceChiSquareAndFisherAgainstR() {
        Proportions.Result r = Proportions.compare(3, 20, 9, 20, "cells − placebo");
        assertThat(r.difference().estimate()).isCloseTo(0.30, within(1e-12));
        // Wald: sqrt(.45·.55/20 + .15·.85/20)
        assertThat(r.difference().se()).isCloseTo(Math.sqrt(.45 * .55 / 20 + .15 * .85 / 20), within(1e-12));
        assertThat(r.chiSquare()).isCloseTo(4.28571428571, within(4.28571428571 * 1e-9));
        assertThat(r.chiSquareP()).isCloseTo(0.0384339302368, within(0.0384339302368 * 1e-6));
        assertThat(r.fisherP()).isCloseTo(0.0823587770195, within(0.0823587770195 * 1e-6));
    }
}
