package org.stroma.trial.plan;

import java.util.List;
import org.stroma.protocol.Offset;
import org.stroma.protocol.OutcomeKind;

/**
 * One endpoint of the analysis plan, derived from a registered outcome measure: which captured item it reads
 * ({@code item} null when none was recognised), how the variable is derived, when it is compared (after the first
 * administration), in whom, by which
 * method with which covariates, how missing values are handled, what it estimates, why this method, and what the
 * statistician still has to decide.
 */
public record Endpoint(String id, OutcomeKind rank, String registeredMeasure, String registeredTimeFrame, String form,
        String item, String variable, EndpointType type, List<Offset> timePoints, Population population,
        PlannedMethod method, List<String> covariates, String missingData, Estimand estimand, String rationale,
        List<String> supportive, List<String> openQuestions) {

    public Endpoint {
        // a list left out of an endpoint written by hand is empty, not missing
        timePoints = timePoints == null ? List.of() : List.copyOf(timePoints);
        covariates = covariates == null ? List.of() : List.copyOf(covariates);
        supportive = supportive == null ? List.of() : List.copyOf(supportive);
        openQuestions = openQuestions == null ? List.of() : List.copyOf(openQuestions);
    }
}
