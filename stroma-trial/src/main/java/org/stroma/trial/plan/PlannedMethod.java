package org.stroma.trial.plan;

/**
 * The analysis an endpoint is given, with the name {@code stroma analyse --method} knows it by (null where the
 * analysis is descriptive or not yet chosen).
 */
public enum PlannedMethod {
    MMRM("mixed model for repeated measures (unstructured covariance, REML, Satterthwaite df)", "mmrm"),
    ANCOVA("analysis of covariance on the baseline value", "ancova"),
    PROPORTIONAL_ODDS("proportional odds model on the baseline class", "ordinal"),
    NEGATIVE_BINOMIAL("negative binomial regression with the exposure as offset", "negbin"),
    COX("Cox regression (Efron ties), with Kaplan–Meier curves and the log-rank test", "cox"),
    RISK_DIFFERENCE("difference in proportions with Newcombe's interval, and Fisher's exact test", "proportions"),
    CROSSOVER("two-period crossover analysis: treatment, period and carryover", "crossover"),
    PAIRED_PROPORTIONS("events by treatment within subjects (paired difference in proportions), Mainland–Gart exact"
            + " test for the period", null),
    WITHIN_SUBJECT_CHANGE("change from baseline with its 95 % interval (paired), one group", null),
    PROPORTION_WITH_EXACT_INTERVAL("proportion with its exact (Clopper–Pearson) interval, one group", null),
    UNDECIDED("not chosen: the statistician decides", null);

    private final String label;
    private final String command;

    PlannedMethod(String label, String command) {
        this.label = label;
        this.command = command;
    }

    public String label() {
        return label;
    }

    /** Whether the method analyses a variable of this type (an undecided method stands for any). */
    public boolean analyses(EndpointType type) {
        return switch (this) {
            case MMRM, ANCOVA -> type == EndpointType.CONTINUOUS;
            case PROPORTIONAL_ODDS -> type == EndpointType.ORDINAL;
            case NEGATIVE_BINOMIAL -> type == EndpointType.COUNT;
            case COX -> type == EndpointType.TIME_TO_EVENT;
            case RISK_DIFFERENCE, PAIRED_PROPORTIONS, PROPORTION_WITH_EXACT_INTERVAL -> type == EndpointType.BINARY;
            case CROSSOVER -> type == EndpointType.CONTINUOUS || type == EndpointType.COUNT
                    || type == EndpointType.ORDINAL;
            case WITHIN_SUBJECT_CHANGE -> type == EndpointType.CONTINUOUS || type == EndpointType.ORDINAL;
            case UNDECIDED -> true;
        };
    }

    /** Whether the method compares a captured item's values at visits, so needs the item and a time point. */
    public boolean readsAnItem() {
        return this == MMRM || this == ANCOVA || this == PROPORTIONAL_ODDS || this == WITHIN_SUBJECT_CHANGE;
    }

    /** The method's name in {@code stroma analyse}, or null. */
    public String command() {
        return command;
    }
}
