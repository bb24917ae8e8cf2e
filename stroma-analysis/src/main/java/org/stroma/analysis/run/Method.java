package org.stroma.analysis.run;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.stroma.analysis.data.DataException;

/** The analyses a data set can be given, by the names the command line uses. */
public enum Method {
    KM("Kaplan–Meier survival by group"),
    LOGRANK("log-rank test of equal survival"),
    COX("Cox proportional hazards regression"),
    TTEST("difference in means: Welch's and Student's t"),
    MANNWHITNEY("Wilcoxon–Mann–Whitney rank-sum test"),
    ANCOVA("analysis of covariance: outcome by group adjusted for baseline"),
    MMRM("mixed model for repeated measures: each arm against the reference at each visit"),
    ORDINAL("proportional odds model of ordered classes by group, adjusted for covariates"),
    PROPORTIONS("proportion with an event by group: Newcombe's interval for the difference, Fisher's exact test"),
    CROSSOVER("two-period crossover: treatment, period and carryover"),
    NEGBIN("negative binomial regression of counts with an exposure offset"),
    META("DerSimonian–Laird random-effects pooling of trials' estimates");

    private final String description;

    Method(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Method of(String code) {
        return Arrays.stream(values()).filter(m -> m.code().equalsIgnoreCase(code)).findFirst()
                .orElseThrow(() -> new DataException("no method '" + code + "'; one of " + Arrays.stream(values())
                        .map(Method::code).collect(Collectors.joining(", "))));
    }
}
