package org.stroma.analysis.run;

import java.util.List;

/**
 * Which columns of a data set play which part. Only those a method needs must be named: time and event for survival;
 * group (the arm; for a crossover, the treatment of each row) and its reference level (the first in sorted order
 * unless named); outcome; baseline and further covariates; subject, period and sequence for a crossover; subject and
 * visit for repeated measures; the outcome's classes in order for an ordinal model; the exposure whose log is the
 * offset of a count model; estimate, se and study for pooling.
 */
public record Columns(String time, String event, String group, String reference, String outcome, String baseline,
        List<String> covariates, String subject, String period, String sequence, String visit, List<String> levels,
        String offset, String estimate, String se, String study) {

    public Columns {
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        levels = levels == null ? List.of() : List.copyOf(levels);
    }

    public static Columns none() {
        return new Columns(null, null, null, null, null, null, List.of(), null, null, null, null, List.of(), null, null,
                null, null);
    }

    public Columns withTime(String time, String event) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    public Columns withGroup(String group, String reference) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    public Columns withOutcome(String outcome, String baseline, List<String> covariates) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    public Columns withCrossover(String subject, String period, String sequence) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    /** The subject and the visit of repeated measures: one row per subject and visit. */
    public Columns withRepeatedMeasures(String subject, String visit) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    public Columns withVisit(String visit) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    public Columns withLevels(List<String> levels) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    public Columns withOffset(String offset) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }

    public Columns withPooling(String estimate, String se, String study) {
        return new Columns(time, event, group, reference, outcome, baseline, covariates, subject, period, sequence,
                visit, levels, offset, estimate, se, study);
    }
}
