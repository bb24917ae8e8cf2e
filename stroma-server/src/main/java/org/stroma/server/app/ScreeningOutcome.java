package org.stroma.server.app;

import org.stroma.trial.conduct.SubjectView;
import org.stroma.trial.eligibility.ScreeningResult;

/** A screening as the screening form shows it: every criterion's verdict and reason, and the subject it made. */
public record ScreeningOutcome(ScreeningResult result, SubjectView subject) {
}
