package org.stroma.analysis.result;

import java.util.List;
import java.util.Map;

/**
 * What an analysis found: the method, the observations used, the estimates, the tests, the method's own details
 * (survival curves, expected counts, log-likelihoods) and notes on what was left out or assumed. Its fields are the
 * stable keys of {@code stroma analyse --format json} (see docs/analysis.md).
 */
public record Analysis(String method, int n, List<Estimate> estimates, List<HypothesisTest> tests, Map<String, Object> details,
        List<String> notes) {
}
