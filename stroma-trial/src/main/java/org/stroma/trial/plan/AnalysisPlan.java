package org.stroma.trial.plan;

import java.util.List;
import org.stroma.protocol.OutcomeKind;

/**
 * A trial's statistical analysis plan: its endpoints, primary first, each with its prespecified analysis; how
 * multiplicity is handled; and what the statistician must still decide before it can be signed. Derived from the
 * protocol as a draft (version 0); the statistician saves it as revision 1, edits it and signs it before the data are
 * unblinded ({@link PlanHistory}).
 */
public record AnalysisPlan(String trial, String title, int version, List<Endpoint> endpoints, String multiplicity,
        List<String> openQuestions) {

    public AnalysisPlan {
        endpoints = endpoints == null ? List.of() : List.copyOf(endpoints);
        openQuestions = openQuestions == null ? List.of() : List.copyOf(openQuestions);
    }

    public List<Endpoint> primary() {
        return endpoints.stream().filter(e -> e.rank() == OutcomeKind.PRIMARY).toList();
    }
}
