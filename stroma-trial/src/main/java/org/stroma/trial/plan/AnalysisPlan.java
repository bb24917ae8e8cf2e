package org.stroma.trial.plan;

import java.util.List;

/**
 * A trial's statistical analysis plan: its endpoints, primary first, each with its prespecified analysis; how
 * multiplicity is handled; and what the statistician must still decide before it can be signed. Derived from the
 * protocol as a draft (version 1); the statistician edits it before the data are unblinded.
 */
public record AnalysisPlan(String trial, String title, int version, List<Endpoint> endpoints, String multiplicity,
        List<String> openQuestions) {

    public AnalysisPlan {
        endpoints = List.copyOf(endpoints);
        openQuestions = List.copyOf(openQuestions);
    }

    public List<Endpoint> primary() {
        return endpoints.stream().filter(e -> e.rank() == org.stroma.protocol.OutcomeKind.PRIMARY).toList();
    }
}
