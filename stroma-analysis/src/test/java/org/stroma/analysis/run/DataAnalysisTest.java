package org.stroma.analysis.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.result.Estimate;
import org.stroma.analysis.survival.Ties;

/**
 * Every method on CSV data sets, through the same path as {@code stroma analyse}. Expected values are the published
 * ones (Gehan, Senn) or R's on the data sets in src/test/resources/data, which src/test/r/reference.R writes and
 * analyses (R 4.2.2; survival 3.5-3, MASS 7.3-58.2, metafor 3.8-1): closed forms to 1e-6 relative, iterative fits to
 * 1e-4.
 */
class DataAnalysisTest {
    static DataSet load(String name) throws IOException {
        try (var in = new InputStreamReader(DataAnalysisTest.class.getResourceAsStream("/data/" + name),
                StandardCharsets.UTF_8)) {
            return DataSet.readCsv(in, name);
        }
    }

    static Offset<Double> rel(double expected, double tolerance) {
        return within(Math.abs(expected) * tolerance);
    }

    static Estimate term(Analysis a, String term) {
        return a.estimates().stream().filter(e -> e.term().equals(term)).findFirst().orElseThrow(
                () -> new AssertionError("no term '" + term + "' in " + a.estimates()));
    }

    @Test
    void survivalMethodsOnGehansDataAsCsv() throws IOException {
        DataSet gehan = load("gehan.csv");
        Columns c = Columns.none().withTime("weeks", "relapse").withGroup("drug", "placebo");
        Analysis cox = DataAnalysis.run(gehan, Method.COX, c, Ties.BRESLOW);
        assertThat(term(cox, "hazard ratio drug=6-MP").estimate()).isCloseTo(.2210887, rel(.2210887, 1e-6));
        assertThat(term(cox, "hazard ratio drug=6-MP").se()).isCloseTo(.0905501, rel(.0905501, 1e-5));
        assertThat(cox.tests().get(0).statistic()).isCloseTo(15.21, within(0.005));
        assertThat(cox.details()).containsEntry("events", 30);
        Analysis efron = DataAnalysis.run(gehan, Method.COX, c, null);
        assertThat(term(efron, "drug=6-MP").estimate()).isCloseTo(-1.5721, within(5e-5));
        assertThat(efron.tests()).extracting(t -> t.name()).containsExactly("likelihood ratio", "score (log-rank)",
                "wald");
        assertThat(efron.tests().get(1).statistic()).isCloseTo(17.25, within(0.005));
        Analysis logRank = DataAnalysis.run(gehan, Method.LOGRANK, c, null);
        assertThat(logRank.tests().get(0).statistic()).isCloseTo(16.7929, within(5e-5));
        assertThat(logRank.tests().get(0).p()).isCloseTo(4.17e-5, within(5e-8));
        Analysis km = DataAnalysis.run(gehan, Method.KM, c, null);
        assertThat(km.estimates()).extracting(Estimate::term, Estimate::estimate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("median placebo", 8.0),
                org.assertj.core.groups.Tuple.tuple("median 6-MP", 23.0));
    }

    @Test
    void tTestsAgainstR() throws IOException {
        Columns c = Columns.none().withGroup("arm", "placebo").withOutcome("change", null, null);
        Analysis a = DataAnalysis.run(load("arms.csv"), Method.TTEST, c, null);
        Estimate welch = term(a, "cells − placebo (Welch)");
        assertThat(welch.estimate()).isCloseTo(4.78333333333333, rel(4.78333333333333, 1e-9));
        assertThat(welch.statistic()).isCloseTo(3.13650559436133, rel(3.13650559436133, 1e-6));
        assertThat(welch.df()).isCloseTo(21.53626090231831, rel(21.53626090231831, 1e-6));
        assertThat(welch.p()).isCloseTo(0.00488162728011, rel(0.00488162728011, 1e-6));
        assertThat(welch.ciLow()).isCloseTo(1.61661632334608, rel(1.61661632334608, 1e-6));
        assertThat(welch.ciHigh()).isCloseTo(7.95005034332059, rel(7.95005034332059, 1e-6));
        Estimate student = term(a, "cells − placebo (Student, pooled variance)");
        assertThat(student.df()).isEqualTo(22.0);
        assertThat(student.p()).isCloseTo(0.0047971000742, rel(0.0047971000742, 1e-6));
        assertThat(student.ciLow()).isCloseTo(1.6205695899364, rel(1.6205695899364, 1e-6));
        assertThat(student.ciHigh()).isCloseTo(7.9460970767302, rel(7.9460970767302, 1e-6));
    }

    @Test
    void mannWhitneyExactAndWithTiesAgainstR() throws IOException {
        DataSet arms = load("arms.csv");
        Columns c = Columns.none().withGroup("arm", "placebo");
        Analysis exact = DataAnalysis.run(arms, Method.MANNWHITNEY, c.withOutcome("baseline", null, null), null);
        assertThat(exact.details()).containsEntry("exact", true);
        assertThat(exact.tests().get(0).statistic()).isEqualTo(87.0);
        assertThat(exact.tests().get(0).p()).isCloseTo(0.409510398069, rel(0.409510398069, 1e-6));
        assertThat(exact.estimates().get(0).estimate()).isCloseTo(1.8, within(1e-9));
        Analysis tied = DataAnalysis.run(arms, Method.MANNWHITNEY, c.withOutcome("change", null, null), null);
        assertThat(tied.details()).containsEntry("exact", false);
        assertThat(tied.tests().get(0).statistic()).isEqualTo(122.0);
        assertThat(tied.tests().get(0).p()).isCloseTo(0.00424808404933, rel(0.00424808404933, 1e-6));
        Analysis ordinal = DataAnalysis.run(arms, Method.MANNWHITNEY, c.withOutcome("nyha_change", null, null), null);
        assertThat(ordinal.tests().get(0).statistic()).isEqualTo(21.0);
        assertThat(ordinal.tests().get(0).p()).isCloseTo(0.00257054865637, rel(0.00257054865637, 1e-6));
    }

    @Test
    void ancovaAgainstR() throws IOException {
        Columns c = Columns.none().withGroup("arm", "placebo").withOutcome("followup", "baseline", List.of("age"));
        Analysis a = DataAnalysis.run(load("arms.csv"), Method.ANCOVA, c, null);
        assertThat(a.estimates()).extracting(Estimate::term).containsExactly("(intercept)", "arm=cells", "baseline",
                "age");
        double[][] r = {
            {-0.3426503046641, 6.5323272991190, -0.052454552409, 9.58686902929e-01, -13.968846276203, 13.283545666875},
            {4.6896973354091, 1.5688452446861, 2.989267011067, 7.24885690251e-03, 1.417143500577, 7.962251170241},
            {0.8692143010183, 0.1419918316694, 6.121579606367, 5.55218943596e-06, 0.573024530346, 1.165404071691},
            {0.0875526942831, 0.0914427145962, 0.957459483457, 3.49767203286e-01, -0.103193465883, 0.278298854449}};
        for (int j = 0; j < r.length; j++) {
            Estimate e = a.estimates().get(j);
            assertThat(e.estimate()).as(e.term()).isCloseTo(r[j][0], rel(r[j][0], 1e-6));
            assertThat(e.se()).as(e.term()).isCloseTo(r[j][1], rel(r[j][1], 1e-6));
            assertThat(e.statistic()).as(e.term()).isCloseTo(r[j][2], rel(r[j][2], 1e-6));
            assertThat(e.p()).as(e.term()).isCloseTo(r[j][3], rel(r[j][3], 1e-6));
            assertThat(e.ciLow()).as(e.term()).isCloseTo(r[j][4], rel(r[j][4], 1e-6));
            assertThat(e.ciHigh()).as(e.term()).isCloseTo(r[j][5], rel(r[j][5], 1e-6));
        }
        assertThat(a.details()).containsEntry("df", 20);
    }

    @Test
    void crossoverFromLongDataNamesTheTreatments() throws IOException {
        Columns c = Columns.none().withCrossover("subject", "period", "sequence").withOutcome("pef", null, null)
                .withGroup("treatment", null);
        Analysis a = DataAnalysis.run(load("senn.csv"), Method.CROSSOVER, c, null);
        Estimate treatment = a.estimates().get(0);
        assertThat(treatment.term()).isEqualTo("formoterol − salbutamol");
        assertThat(treatment.estimate()).isCloseTo(46.607, within(5e-4));
        assertThat(treatment.p()).isCloseTo(.00120, within(5e-6));
        assertThat(a.estimates().get(1).estimate()).isCloseTo(-15.893, within(5e-4));
        assertThat(a.estimates().get(2).p()).isCloseTo(.861, within(5e-4));
        assertThat(a.n()).isEqualTo(13);
        // with salbutamol named as the reference, the same effect, signed as formoterol − salbutamol still
        Analysis flipped = DataAnalysis.run(load("senn.csv"), Method.CROSSOVER, c.withGroup("treatment",
                "formoterol"), null);
        assertThat(flipped.estimates().get(0).term()).isEqualTo("salbutamol − formoterol");
        assertThat(flipped.estimates().get(0).estimate()).isCloseTo(-46.607, within(5e-4));
        assertThat(flipped.estimates().get(0).ciHigh()).isCloseTo(-22.888, within(5e-4));
    }

    @Test
    void negativeBinomialWithAnOffsetAgainstMassGlmNb() throws IOException {
        Columns c = Columns.none().withGroup("arm", "placebo").withOutcome("lesions", "baseline_gel", null)
                .withOffset("scans");
        Analysis a = DataAnalysis.run(load("lesions.csv"), Method.NEGBIN, c, null);
        double[][] r = {{-0.112836553247, 0.2398752594160, 0.63807155350574},
            {-0.546735637305, 0.3143357001721, 0.08197554545667},
            {0.181510661118, 0.0560232315099, 0.00119564190858}};
        String[] terms = {"(intercept)", "arm=cells", "baseline_gel"};
        for (int j = 0; j < r.length; j++) {
            Estimate e = term(a, terms[j]);
            assertThat(e.estimate()).as(terms[j]).isCloseTo(r[j][0], rel(r[j][0], 1e-4));
            assertThat(e.se()).as(terms[j]).isCloseTo(r[j][1], rel(r[j][1], 1e-4));
            assertThat(e.p()).as(terms[j]).isCloseTo(r[j][2], rel(r[j][2], 1e-4));
        }
        assertThat(term(a, "rate ratio arm=cells").estimate()).isCloseTo(Math.exp(-0.546735637305),
                rel(Math.exp(-0.546735637305), 1e-4));
        assertThat((Double) a.details().get("theta")).isCloseTo(0.952484197229, rel(0.952484197229, 1e-4));
        assertThat((Double) a.details().get("thetaSe")).isCloseTo(0.261395915285, rel(0.261395915285, 1e-4));
        assertThat((Double) a.details().get("logLikelihood")).isCloseTo(-132.491347928152,
                rel(132.491347928152, 1e-6));
    }

    @Test
    void derSimonianLairdAgainstMetafor() throws IOException {
        Columns c = Columns.none().withPooling("estimate", "se", "trial");
        Analysis a = DataAnalysis.run(load("trials.csv"), Method.META, c, null);
        Estimate random = a.estimates().get(0);
        assertThat(random.estimate()).isCloseTo(2.0885274826735, rel(2.0885274826735, 1e-6));
        assertThat(random.se()).isCloseTo(1.0946527568620, rel(1.0946527568620, 1e-6));
        assertThat(random.ciLow()).isCloseTo(-0.0569524963534, rel(0.0569524963534, 1e-6));
        assertThat(random.ciHigh()).isCloseTo(4.2340074617004, rel(4.2340074617004, 1e-6));
        assertThat(random.p()).isCloseTo(0.0563994791557, rel(0.0563994791557, 1e-6));
        assertThat((Double) a.details().get("tau2")).isCloseTo(1.6687557603687, rel(1.6687557603687, 1e-6));
        assertThat((Double) a.details().get("i2") * 100).isCloseTo(46.4703240295156, rel(46.4703240295156, 1e-6));
        assertThat(a.tests().get(0).statistic()).isCloseTo(3.7362452952317, rel(3.7362452952317, 1e-6));
        assertThat(a.tests().get(0).p()).isCloseTo(0.1544132780099, rel(0.1544132780099, 1e-6));
        assertThat(a.estimates().get(1).estimate()).isCloseTo(1.809912976770, rel(1.809912976770, 1e-6));
        assertThat(a.estimates().get(1).se()).isCloseTo(0.768056728903, rel(0.768056728903, 1e-6));
    }

    @Test
    void badColumnsAreClearErrors() throws IOException {
        DataSet arms = load("arms.csv");
        Columns ttest = Columns.none().withGroup("arm", null);
        assertThatThrownBy(() -> DataAnalysis.run(arms, Method.TTEST, ttest.withOutcome("lvef", null, null), null))
                .isInstanceOf(DataException.class).hasMessageStartingWith("no column 'lvef'; the columns are [subject,");
        assertThatThrownBy(() -> DataAnalysis.run(arms, Method.TTEST, ttest.withOutcome("subject", null, null), null))
                .hasMessage("column 'subject', row 1: 'S01' is not a number");
        assertThatThrownBy(() -> DataAnalysis.run(arms, Method.TTEST, ttest, null)).hasMessage("ttest needs --outcome");
        DataSet constant = DataSet.readCsv(new StringReader("arm,y\na,1\na,1\nb,1\nb,1\n"), "c.csv");
        assertThatThrownBy(() -> DataAnalysis.run(constant, Method.TTEST, ttest.withOutcome("y", null, null), null))
                .hasMessage("column 'y' is constant (every used row is 1.0)");
        DataSet oneArm = DataSet.readCsv(new StringReader("arm,y\na,1\na,2\n"), "one.csv");
        assertThatThrownBy(() -> DataAnalysis.run(oneArm, Method.TTEST, ttest.withOutcome("y", null, null), null))
                .hasMessageContaining("column 'arm' has one value ('a')");
        DataSet badEvent = DataSet.readCsv(new StringReader("t,e\n1,1\n2,2\n"), "e.csv");
        assertThatThrownBy(() -> DataAnalysis.run(badEvent, Method.KM, Columns.none().withTime("t", "e"), null))
                .hasMessage("column 'e', row 2: 2.0 is not 0 (censored) or 1 (event)");
        assertThatThrownBy(() -> DataSet.readCsv(new StringReader("a,b\n1,2\n3\n"), "short.csv"))
                .hasMessageContaining("short.csv, line 3");
        assertThatThrownBy(() -> Method.of("anova")).hasMessageContaining("one of km, logrank, cox");
    }

    @Test
    void rowsWithAMissingValueAreLeftOutAndSaid() throws IOException {
        DataSet d = DataSet.readCsv(new StringReader("arm,y\na,1\na,2\na,NA\nb,4\nb,6\nb,\n"), "m.csv");
        Analysis a = DataAnalysis.run(d, Method.TTEST, Columns.none().withGroup("arm", null).withOutcome("y", null,
                null), null);
        assertThat(a.n()).isEqualTo(4);
        assertThat(a.notes()).containsExactly("2 of 6 rows left out for a missing value in [y, arm]");
        assertThat(a.estimates().get(0).estimate()).isEqualTo(3.5);
        List<?> groups = (List<?>) a.details().get("groups");
        assertThat(groups.stream().map(g -> (Object) ((Map<?, ?>) g).get("n")).toList()).containsExactly(2, 2);
    }
}
