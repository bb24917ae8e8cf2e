package org.stroma.analysis.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Senn's formoterol/salbutamol crossover (peak expiratory flow), against the published results (reference 5c). */
class CrossoverReferenceTest {
    // formoterol then salbutamol; salbutamol then formoterol: (period 1, period 2)
    static final double[][] FOR_SAL = {{310, 270}, {310, 260}, {370, 300}, {410, 390}, {250, 210}, {380, 350},
        {330, 365}};
    static final double[][] SAL_FOR = {{370, 385}, {310, 400}, {380, 410}, {290, 320}, {260, 340}, {90, 220}};

    @Test
    void treatmentPeriodAndCarryoverSideBySide() {
        Crossover.Result r = Crossover.analyse(column(FOR_SAL, 0), column(FOR_SAL, 1), column(SAL_FOR, 0),
                column(SAL_FOR, 1), "formoterol − salbutamol");
        assertThat(r.treatment().estimate()).isCloseTo(46.607, within(5e-4));
        assertThat(r.treatment().se()).isCloseTo(10.777, within(5e-4));
        assertThat(r.treatment().statistic()).isCloseTo(4.325, within(5e-4));
        assertThat(r.treatment().df()).isEqualTo(11.0);
        assertThat(r.treatment().p()).isCloseTo(.00120, within(5e-6));
        assertThat(r.treatment().ciLow()).isCloseTo(22.888, within(5e-4));
        assertThat(r.treatment().ciHigh()).isCloseTo(70.326, within(5e-4));
        assertThat(r.period().estimate()).isCloseTo(-15.893, within(5e-4));
        assertThat(r.period().p()).isCloseTo(.1683, within(5e-5));
        assertThat(r.carryover().estimate()).isCloseTo(14.40, within(5e-3));
        assertThat(r.carryover().statistic()).isCloseTo(.179, within(5e-4));
        assertThat(r.carryover().p()).isCloseTo(.861, within(5e-4));
        assertThat(r.naivePaired().estimate()).isCloseTo(45.38, within(5e-3));
        assertThat(r.naivePaired().p()).isCloseTo(.0017, within(5e-5));
    }

    static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }
}
