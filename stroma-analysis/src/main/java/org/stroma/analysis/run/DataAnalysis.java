package org.stroma.analysis.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stroma.analysis.compare.BinomialIntervals;
import org.stroma.analysis.compare.Crossover;
import org.stroma.analysis.compare.MannWhitney;
import org.stroma.analysis.compare.Proportions;
import org.stroma.analysis.compare.Summary;
import org.stroma.analysis.compare.TTest;
import org.stroma.analysis.data.DataException;
import org.stroma.analysis.data.DataSet;
import org.stroma.analysis.longitudinal.Covariate;
import org.stroma.analysis.longitudinal.LongitudinalData;
import org.stroma.analysis.longitudinal.Mmrm;
import org.stroma.analysis.pool.RandomEffectsMetaAnalysis;
import org.stroma.analysis.regression.GroupFTest;
import org.stroma.analysis.regression.LinearModel;
import org.stroma.analysis.regression.NegativeBinomialRegression;
import org.stroma.analysis.regression.ProportionalOdds;
import org.stroma.analysis.result.Analysis;
import org.stroma.analysis.result.Distributions;
import org.stroma.analysis.result.Estimate;
import org.stroma.analysis.result.HypothesisTest;
import org.stroma.analysis.survival.CoxRegression;
import org.stroma.analysis.survival.KaplanMeier;
import org.stroma.analysis.survival.LogRank;
import org.stroma.analysis.survival.SurvivalData;
import org.stroma.analysis.survival.Ties;

/**
 * Runs a method on a data set with the columns named: reads and checks the columns, calls the statistics, and
 * reports in one shape ({@link Analysis}), whatever the method. This is what {@code stroma analyse} and the trial
 * reports call.
 */
public final class DataAnalysis {
    private DataAnalysis() {
    }

    public static Analysis run(DataSet data, Method method, Columns c, Ties ties) {
        return switch (method) {
            case KM -> km(data, c);
            case LOGRANK -> logRank(data, c);
            case COX -> cox(data, c, ties == null ? Ties.EFRON : ties);
            case TTEST -> tTest(data, c);
            case MANNWHITNEY -> mannWhitney(data, c);
            case ANCOVA -> ancova(data, c);
            case MMRM -> mmrm(data, c);
            case ORDINAL -> ordinal(data, c);
            case PROPORTIONS -> proportions(data, c);
            case CROSSOVER -> crossover(data, c);
            case NEGBIN -> negbin(data, c);
            case META -> meta(data, c);
        };
    }

    private static String required(String column, String option, Method method) {
        if (column == null) {
            throw new DataException(method.code() + " needs --" + option);
        }
        return column;
    }

    private static SurvivalData survival(Frame f, Columns c, Method m, boolean grouped) {
        double[] time = f.numbers(required(c.time(), "time", m));
        boolean[] event = f.events(required(c.event(), "event", m));
        String[] group = grouped ? f.text(required(c.group(), "group", m)) : null;
        return new SurvivalData(time, event, group);
    }

    private static Analysis km(DataSet data, Columns c) {
        Frame f = new Frame(data, c.time(), c.event(), c.group());
        SurvivalData s = survival(f, c, Method.KM, false);
        List<KaplanMeier.Curve> curves = new ArrayList<>();
        if (c.group() == null) {
            curves.add(KaplanMeier.estimate("all", s));
        } else {
            String[] groups = f.text(c.group());
            SurvivalData grouped = new SurvivalData(s.time(), s.event(), groups);
            for (String level : f.levels(c.group(), c.reference())) {
                curves.add(KaplanMeier.estimate(level, grouped.of(level)));
            }
        }
        List<Estimate> medians = curves.stream().filter(k -> k.median() != null).map(k -> new Estimate("median "
                + k.group(), k.median(), null, null, null, null, null, null)).toList();
        List<String> notes = new ArrayList<>(f.notes);
        curves.stream().filter(k -> k.median() == null).forEach(k -> notes.add("the curve of " + k.group()
                + " stays above one half: no median"));
        return new Analysis(Method.KM.code(), f.n(), medians, List.of(), Map.of("curves", curves), notes);
    }

    private static Analysis logRank(DataSet data, Columns c) {
        Frame f = new Frame(data, c.time(), c.event(), c.group());
        SurvivalData s = survival(f, c, Method.LOGRANK, true);
        List<String> levels = f.levels(c.group(), c.reference());
        LogRank.Result r = LogRank.test(s, levels);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (int g = 0; g < levels.size(); g++) {
            groups.add(ordered("group", levels.get(g), "observed", r.observed()[g], "expected", r.expected()[g]));
        }
        return new Analysis(Method.LOGRANK.code(), f.n(), List.of(), List.of(new HypothesisTest("log-rank",
                r.chiSquare(), (double) r.df(), r.p())), Map.of("groups", groups), f.notes);
    }

    private static Analysis cox(DataSet data, Columns c, Ties ties) {
        List<String> used = new ArrayList<>(List.of(required(c.time(), "time", Method.COX),
                required(c.event(), "event", Method.COX)));
        if (c.group() != null) {
            used.add(c.group());
        }
        used.addAll(c.covariates());
        if (c.group() == null && c.covariates().isEmpty()) {
            throw new DataException("cox needs --group or at least one --covariate");
        }
        Frame f = new Frame(data, used);
        SurvivalData s = survival(f, c, Method.COX, false);
        Frame.Design d = f.design(c.group(), c.reference(), c.covariates());
        CoxRegression.Fit fit = CoxRegression.fit(s.time(), s.event(), d.x(), d.terms(), ties);
        List<Estimate> estimates = new ArrayList<>();
        for (int j = 0; j < d.terms().size(); j++) {
            double b = fit.beta()[j];
            double se = Math.sqrt(fit.covariance()[j][j]);
            double z = b / se;
            double p = Distributions.zTwoSided(z);
            double half = Distributions.Z95 * se;
            estimates.add(new Estimate(d.terms().get(j), b, se, b - half, b + half, z, null, p));
            estimates.add(new Estimate("hazard ratio " + d.terms().get(j), Math.exp(b), Math.exp(b) * se,
                    Math.exp(b - half), Math.exp(b + half), z, null, p));
        }
        double df = d.terms().size();
        List<HypothesisTest> tests = List.of(
                new HypothesisTest("likelihood ratio", fit.likelihoodRatio(), df,
                        Distributions.chiSquareUpper(fit.likelihoodRatio(), df)),
                new HypothesisTest("score (log-rank)", fit.score(), df, Distributions.chiSquareUpper(fit.score(), df)),
                new HypothesisTest("wald", fit.wald(), df, Distributions.chiSquareUpper(fit.wald(), df)));
        List<String> notes = new ArrayList<>(f.notes);
        if (!fit.converged()) {
            notes.add("the fit did not converge in " + fit.iterations() + " iterations (a covariate may separate"
                    + " those with events from those without); the estimates are not to be trusted");
        }
        return new Analysis(Method.COX.code(), f.n(), estimates, tests, ordered("events", s.events(), "ties",
                ties.name().toLowerCase(Locale.ROOT), "logLikelihood", fit.logLikelihood(), "nullLogLikelihood",
                fit.nullLogLikelihood(), "iterations", fit.iterations()), notes);
    }

    /** An outcome in two groups: the reference's values and the other's, with their names and the rows used. */
    private record TwoGroups(Frame frame, String reference, String other, double[] a, double[] b) {
        static TwoGroups of(DataSet data, Columns c, Method m) {
            Frame f = new Frame(data, required(c.outcome(), "outcome", m), required(c.group(), "group", m));
            double[] y = f.varying(c.outcome());
            String[] g = f.text(c.group());
            List<String> levels = f.twoLevels(c.group(), c.reference());
            return new TwoGroups(f, levels.get(0), levels.get(1), f.valuesOf(y, g, levels.get(0)), f.valuesOf(y, g,
                    levels.get(1)));
        }

        List<Map<String, Object>> summaries() {
            return List.of(summary(reference, a), summary(other, b));
        }
    }

    private static Analysis tTest(DataSet data, Columns c) {
        TwoGroups t = TwoGroups.of(data, c, Method.TTEST);
        String term = t.other() + " − " + t.reference();
        return new Analysis(Method.TTEST.code(), t.frame().n(), List.of(TTest.welch(t.a(), t.b(), term + " (Welch)"),
                TTest.pooled(t.a(), t.b(), term + " (Student, pooled variance)")), List.of(), Map.of("groups",
                t.summaries()), t.frame().notes);
    }

    private static Map<String, Object> summary(String group, double[] values) {
        Summary s = Summary.of(values);
        return ordered("group", group, "n", s.n(), "mean", s.mean(), "sd", s.sd(), "median", s.median(), "min",
                s.min(), "max", s.max());
    }

    private static Analysis mannWhitney(DataSet data, Columns c) {
        TwoGroups t = TwoGroups.of(data, c, Method.MANNWHITNEY);
        MannWhitney.Result r = MannWhitney.test(t.a(), t.b());
        return new Analysis(Method.MANNWHITNEY.code(), t.frame().n(), List.of(new Estimate("Hodges–Lehmann shift "
                + t.other() + " − " + t.reference(), r.hodgesLehmann(), null, null, null, null, null, null)),
                List.of(new HypothesisTest("Wilcoxon rank-sum W (" + t.other() + ")", r.w(), null, r.p())),
                ordered("exact", r.exact(), "z", r.z(), "groups", t.summaries()), t.frame().notes);
    }

    private static Analysis ancova(DataSet data, Columns c) {
        List<String> covariates = new ArrayList<>();
        covariates.add(required(c.baseline(), "baseline", Method.ANCOVA));
        covariates.addAll(c.covariates());
        List<String> used = new ArrayList<>(List.of(required(c.outcome(), "outcome", Method.ANCOVA),
                required(c.group(), "group", Method.ANCOVA)));
        used.addAll(covariates);
        Frame f = new Frame(data, used);
        double[] y = f.varying(c.outcome());
        Frame.Design d = f.design(c.group(), c.reference(), covariates);
        LinearModel.Fit fit = LinearModel.fit(y, d.x(), d.terms());
        List<HypothesisTest> tests = new ArrayList<>();
        List<String> groups = List.of(f.text(c.group()));
        if (groups.stream().distinct().count() > 2) {
            // three arms or more: each level's t against the reference, and the group's F (adjusted, as R's
            // anova(lm(y ~ covariates + group)) gives it)
            Frame.Design adjustments = f.design(null, null, covariates);
            GroupFTest.Result omnibus = GroupFTest.adjusted(y, groups, adjustments.x());
            tests.add(new HypothesisTest("F for " + c.group() + " (" + omnibus.numeratorDf() + ", "
                    + omnibus.denominatorDf() + " df)", omnibus.f(), (double) omnibus.numeratorDf(), omnibus.p()));
        }
        return new Analysis(Method.ANCOVA.code(), f.n(), fit.coefficients(), tests, ordered("residualSd",
                fit.residualSd(), "rSquared", fit.rSquared(), "df", fit.df()), f.notes);
    }

    /**
     * Ordered classes by group, with the baseline and covariates: the proportional odds model (R's MASS::polr). The
     * classes' order is {@code levels}; without it, whole numbers in their order or roman numerals (NYHA I–IV).
     */
    private static Analysis ordinal(DataSet data, Columns c) {
        Method m = Method.ORDINAL;
        List<String> covariates = new ArrayList<>();
        if (c.baseline() != null) {
            covariates.add(c.baseline());
        }
        covariates.addAll(c.covariates());
        List<String> used = new ArrayList<>(List.of(required(c.outcome(), "outcome", m), required(c.group(), "group",
                m)));
        used.addAll(covariates);
        Frame f = new Frame(data, used);
        List<String> outcome = List.of(f.text(c.outcome()));
        Frame.Design d = f.design(c.group(), c.reference(), covariates);
        int groupColumns = (int) d.terms().stream().filter(t -> t.startsWith(c.group() + "=")).count();
        ProportionalOdds.Fit fit = ProportionalOdds.fit(outcome, classes(outcome, c.levels(), c.outcome()), d.x(),
                d.terms(), groupColumns);
        List<Estimate> estimates = new ArrayList<>(fit.oddsRatios());
        estimates.addAll(fit.coefficients());
        estimates.addAll(fit.cutPoints());
        List<String> notes = new ArrayList<>(f.notes);
        notes.addAll(fit.notes());
        return new Analysis(m.code(), f.n(), estimates, List.of(fit.groupTest()), ordered("classes", fit.levels(),
                "logLikelihood", fit.logLikelihood(), "deviance", fit.deviance(), "aic", fit.aic(), "iterations",
                fit.iterations()), notes);
    }

    /** Visits in time order by their names: "Month 3" before "Month 12" (the numbers in a name compared as numbers). */
    static int visitOrder(String a, String b) {
        java.util.regex.Matcher x = NUMBER_IN_NAME.matcher(a);
        java.util.regex.Matcher y = NUMBER_IN_NAME.matcher(b);
        if (x.find() && y.find() && a.substring(0, x.start()).equals(b.substring(0, y.start()))) {
            int byNumber = Double.compare(Double.parseDouble(x.group()), Double.parseDouble(y.group()));
            if (byNumber != 0) {
                return byNumber;
            }
        }
        return DataSet.compareLevels(a, b);
    }

    private static final java.util.regex.Pattern NUMBER_IN_NAME = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?");

    private static final List<String> ROMAN = List.of("0", "I", "II", "III", "IV", "V", "VI");

    /** The classes in order: as given; else whole numbers or roman numerals in their order; else asked for. */
    private static List<String> classes(List<String> outcome, List<String> given, String column) {
        if (!given.isEmpty()) {
            return given;
        }
        List<String> distinct = outcome.stream().distinct().toList();
        if (distinct.stream().allMatch(v -> v.matches("-?\\d+"))) {
            return distinct.stream().sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        }
        if (ROMAN.containsAll(distinct)) {
            return ROMAN.stream().filter(distinct::contains).toList();
        }
        throw new DataException("column '" + column + "': give the classes' order with --levels (its values are "
                + distinct + ")");
    }

    /** An event (1) or none (0) by group: each group's proportion with its Wilson interval, and the difference. */
    private static Analysis proportions(DataSet data, Columns c) {
        Method m = Method.PROPORTIONS;
        // not TwoGroups: no events in either group is a result here, not a constant column
        Frame f = new Frame(data, required(c.outcome(), "outcome", m), required(c.group(), "group", m));
        double[] y = f.numbers(c.outcome());
        String[] groups = f.text(c.group());
        List<String> levels = f.twoLevels(c.group(), c.reference());
        double[] a = f.valuesOf(y, groups, levels.get(0));
        double[] b = f.valuesOf(y, groups, levels.get(1));
        int refEvents = events(a, c.outcome());
        int otherEvents = events(b, c.outcome());
        String term = levels.get(1) + " − " + levels.get(0);
        Proportions.Result r = Proportions.compare(refEvents, a.length, otherEvents, b.length, term);
        List<Estimate> estimates = List.of(BinomialIntervals.newcombeDifference(refEvents, a.length, otherEvents,
                b.length, term + " (Newcombe)"), BinomialIntervals.wilson(refEvents, a.length, levels.get(0)),
                BinomialIntervals.wilson(otherEvents, b.length, levels.get(1)));
        // Fisher's statistic is the count it conditions on: the events in the other group
        return new Analysis(m.code(), f.n(), estimates, List.of(new HypothesisTest("Fisher's exact (events in "
                + levels.get(1) + ")", otherEvents, null, r.fisherP()), new HypothesisTest("Pearson χ² (no continuity"
                + " correction)", r.chiSquare(), 1.0, r.chiSquareP())), ordered("events", ordered(levels.get(0),
                refEvents, levels.get(1), otherEvents), "subjects", ordered(levels.get(0), a.length, levels.get(1),
                b.length)), f.notes);
    }

    private static int events(double[] values, String column) {
        int events = 0;
        for (double v : values) {
            if (v != 0 && v != 1) {
                throw new DataException("column '" + column + "': " + v + " is not 0 (no event) or 1 (an event)");
            }
            events += (int) v;
        }
        return events;
    }

    /**
     * The mixed model for repeated measures: one row per subject and observed visit, the arm constant within a
     * subject; visits in the order of their names (numbers compared as numbers: V2 before V10). Each arm's
     * least-squares mean at each visit and each arm against the reference at each visit.
     */
    private static Analysis mmrm(DataSet data, Columns c) {
        Method m = Method.MMRM;
        List<String> used = new ArrayList<>(List.of(required(c.subject(), "subject", m), required(c.group(), "group",
                m), required(c.visit(), "visit", m), required(c.outcome(), "outcome", m)));
        List<String> covariates = new ArrayList<>();
        if (c.baseline() != null) {
            covariates.add(c.baseline());
        }
        covariates.addAll(c.covariates());
        used.addAll(covariates);
        Frame f = new Frame(data, used);
        List<Covariate> terms = new ArrayList<>();
        for (String name : covariates) {
            terms.add(f.isNumeric(name) ? Covariate.continuous(name, f.varying(name))
                    : Covariate.categorical(name, List.of(f.text(name))));
        }
        LongitudinalData longitudinal = new LongitudinalData(List.of(f.text(c.subject())), List.of(f.text(c.group())),
                List.of(f.text(c.visit())), f.numbers(c.outcome()), terms, f.levels(c.group(), c.reference()),
                f.levels(c.visit(), null).stream().sorted(DataAnalysis::visitOrder).toList());
        Mmrm.Fit fit = Mmrm.fit(longitudinal);
        List<Estimate> estimates = new ArrayList<>(fit.contrasts().stream().map(Mmrm.ArmVisit::estimate).toList());
        fit.leastSquaresMeans().forEach(a -> estimates.add(a.estimate()));
        List<String> notes = new ArrayList<>(f.notes);
        notes.add("covariance: " + fit.structureReason() + "; degrees of freedom by Satterthwaite; least-squares means"
                + " with continuous covariates at their mean");
        return new Analysis(m.code(), f.n(), estimates, List.of(), ordered("subjects", fit.subjects(),
                "covariance", fit.structure().label(), "remlLogLikelihood", fit.remlLogLikelihood(), "coefficients",
                fit.coefficients(), "iterations", fit.iterations()), notes);
    }

    private static Analysis crossover(DataSet data, Columns c) {
        Method m = Method.CROSSOVER;
        Frame f = new Frame(data, required(c.subject(), "subject", m), required(c.period(), "period", m),
                required(c.sequence(), "sequence", m), required(c.outcome(), "outcome", m), c.group());
        String[] subject = f.text(c.subject());
        String[] period = f.text(c.period());
        String[] sequence = f.text(c.sequence());
        double[] y = f.varying(c.outcome());
        String[] treatment = c.group() == null ? null : f.text(c.group());
        List<String> periods = f.twoLevels(c.period(), null);
        List<String> sequences = f.twoLevels(c.sequence(), null);
        Map<String, double[]> bySubject = new LinkedHashMap<>();
        Map<String, String> sequenceOf = new LinkedHashMap<>();
        Map<String, String> firstTreatment = new LinkedHashMap<>();
        for (int i = 0; i < f.n(); i++) {
            double[] values = bySubject.computeIfAbsent(subject[i], k -> new double[] {Double.NaN, Double.NaN});
            int p = periods.indexOf(period[i]);
            if (!Double.isNaN(values[p])) {
                throw new DataException("row " + f.row(i) + ": subject " + subject[i] + " has two values in period "
                        + period[i]);
            }
            values[p] = y[i];
            String before = sequenceOf.put(subject[i], sequence[i]);
            if (before != null && !before.equals(sequence[i])) {
                throw new DataException("row " + f.row(i) + ": subject " + subject[i] + " is in sequences " + before
                        + " and " + sequence[i]);
            }
            if (treatment != null && p == 0) {
                String seen = firstTreatment.put(sequence[i], treatment[i]);
                if (seen != null && !seen.equals(treatment[i])) {
                    throw new DataException("row " + f.row(i) + ": sequence " + sequence[i] + " starts with both "
                            + seen + " and " + treatment[i]);
                }
            }
        }
        List<double[]> s1 = new ArrayList<>();
        List<double[]> s2 = new ArrayList<>();
        int incomplete = 0;
        for (Map.Entry<String, double[]> e : bySubject.entrySet()) {
            if (Double.isNaN(e.getValue()[0]) || Double.isNaN(e.getValue()[1])) {
                incomplete++;
                continue;
            }
            (sequenceOf.get(e.getKey()).equals(sequences.get(0)) ? s1 : s2).add(e.getValue());
        }
        List<String> notes = new ArrayList<>(f.notes);
        if (incomplete > 0) {
            notes.add(incomplete + " subject" + (incomplete == 1 ? "" : "s") + " without a value in both periods left"
                    + " out: the within-subject analysis needs both");
        }
        String first = treatment == null ? "sequence " + sequences.get(0) + "'s first treatment"
                : firstTreatment.get(sequences.get(0));
        String second = treatment == null ? "sequence " + sequences.get(1) + "'s first treatment"
                : firstTreatment.get(sequences.get(1));
        Crossover.Result r = Crossover.analyse(column(s1, 0), column(s1, 1), column(s2, 0), column(s2, 1),
                first + " − " + second);
        // the effect is reported as the other treatment minus the reference, when a reference is named
        boolean flip = c.reference() != null && c.reference().equals(first);
        String term = flip ? second + " − " + first : first + " − " + second;
        Estimate treated = flip ? negate(r.treatment(), term) : rename(r.treatment(), term);
        Estimate naive = flip ? negate(r.naivePaired(), term + ", paired t ignoring the period")
                : rename(r.naivePaired(), term + ", paired t ignoring the period");
        Estimate carry = rename(r.carryover(), "carryover (sequence " + sequences.get(0) + " − sequence "
                + sequences.get(1) + ", subject totals)");
        if (carry.p() < 0.10) {
            notes.add("the carryover test has p = " + String.format(Locale.ROOT, "%.3g", carry.p()) + " (< 0.10): the treatment"
                    + " estimate may be biased by carryover; it is reported as it is, not replaced by period 1 alone");
        }
        return new Analysis(Method.CROSSOVER.code(), s1.size() + s2.size(), List.of(treated, r.period(), carry, naive),
                List.of(), ordered(
                "sequences", sequences, "periods", periods, "subjectsPerSequence", List.of(s1.size(), s2.size())),
                notes);
    }

    private static Estimate rename(Estimate e, String term) {
        return new Estimate(term, e.estimate(), e.se(), e.ciLow(), e.ciHigh(), e.statistic(), e.df(), e.p());
    }

    private static Estimate negate(Estimate e, String term) {
        return new Estimate(term, -e.estimate(), e.se(), -e.ciHigh(), -e.ciLow(), -e.statistic(), e.df(), e.p());
    }

    private static double[] column(List<double[]> rows, int j) {
        return rows.stream().mapToDouble(r -> r[j]).toArray();
    }

    private static Analysis negbin(DataSet data, Columns c) {
        List<String> covariates = new ArrayList<>();
        if (c.baseline() != null) {
            covariates.add(c.baseline());
        }
        covariates.addAll(c.covariates());
        List<String> used = new ArrayList<>(List.of(required(c.outcome(), "outcome", Method.NEGBIN)));
        if (c.group() != null) {
            used.add(c.group());
        }
        used.addAll(covariates);
        if (c.offset() != null) {
            used.add(c.offset());
        }
        Frame f = new Frame(data, used);
        double[] y = f.numbers(c.outcome());
        double[] offset = null;
        if (c.offset() != null) {
            double[] exposure = f.numbers(c.offset());
            offset = new double[exposure.length];
            for (int i = 0; i < exposure.length; i++) {
                if (!(exposure[i] > 0)) {
                    throw new DataException("column '" + c.offset() + "', row " + f.row(i) + ": an exposure of "
                            + exposure[i] + " has no logarithm; it must be positive");
                }
                offset[i] = Math.log(exposure[i]);
            }
        }
        Frame.Design d = f.design(c.group(), c.reference(), covariates);
        NegativeBinomialRegression.Fit fit = NegativeBinomialRegression.fit(y, d.x(), offset, d.terms());
        List<Estimate> estimates = new ArrayList<>();
        for (int j = 0; j <= d.terms().size(); j++) {
            String term = j == 0 ? "(intercept)" : d.terms().get(j - 1);
            double b = fit.beta()[j];
            double se = fit.se()[j];
            double z = b / se;
            double p = Distributions.zTwoSided(z);
            double half = Distributions.Z95 * se;
            estimates.add(new Estimate(term, b, se, b - half, b + half, z, null, p));
            if (j > 0) {
                estimates.add(new Estimate("rate ratio " + term, Math.exp(b), Math.exp(b) * se, Math.exp(b - half),
                        Math.exp(b + half), z, null, p));
            }
        }
        List<String> notes = new ArrayList<>(f.notes);
        if (!fit.converged()) {
            notes.add("the fit did not settle in " + fit.rounds() + " rounds; the estimates are not to be trusted");
        }
        return new Analysis(Method.NEGBIN.code(), f.n(), estimates, List.of(), ordered("theta", fit.theta(),
                "thetaSe", fit.thetaSe(), "logLikelihood", fit.logLikelihood(), "offset", c.offset() == null ? null
                        : "log(" + c.offset() + ")"), notes);
    }

    private static Analysis meta(DataSet data, Columns c) {
        Frame f = new Frame(data, required(c.estimate(), "estimate", Method.META), required(c.se(), "se",
                Method.META), c.study());
        double[] estimate = f.numbers(c.estimate());
        double[] se = f.numbers(c.se());
        String[] names = c.study() == null ? null : f.text(c.study());
        List<RandomEffectsMetaAnalysis.Study> studies = new ArrayList<>();
        for (int i = 0; i < f.n(); i++) {
            studies.add(new RandomEffectsMetaAnalysis.Study(names == null ? "row " + f.row(i) : names[i], estimate[i],
                    se[i]));
        }
        RandomEffectsMetaAnalysis.Result r = RandomEffectsMetaAnalysis.pool(studies);
        List<Map<String, Object>> trials = new ArrayList<>();
        for (int i = 0; i < studies.size(); i++) {
            RandomEffectsMetaAnalysis.Study s = studies.get(i);
            trials.add(ordered("study", s.name(), "estimate", s.estimate(), "se", s.se(), "ciLow", s.estimate()
                    - Distributions.Z95 * s.se(), "ciHigh", s.estimate() + Distributions.Z95 * s.se(), "weightFixed",
                    r.fixedWeights()[i], "weightRandom", r.randomWeights()[i]));
        }
        return new Analysis(Method.META.code(), f.n(), List.of(r.random(), r.fixed()), List.of(new HypothesisTest(
                "heterogeneity Q", r.q(), (double) r.df(), r.qP())), ordered("tau2", r.tau2(), "i2", r.i2(),
                "studies", trials), f.notes);
    }

    /** A map that keeps the order its keys are given in (the JSON's order). */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }
}
