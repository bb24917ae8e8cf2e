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
        timePoints = List.copyOf(timePoints);
        covariates = List.copyOf(covariates);
        supportive = List.copyOf(supportive);
        openQuestions = List.copyOf(openQuestions);
    }
}
