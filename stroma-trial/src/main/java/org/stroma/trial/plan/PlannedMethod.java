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

    /** The method's name in {@code stroma analyse}, or null. */
    public String command() {
        return command;
    }
}
