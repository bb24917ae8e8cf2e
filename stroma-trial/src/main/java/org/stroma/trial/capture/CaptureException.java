package org.stroma.trial.capture;

import java.util.List;
import org.stroma.trial.refusal.InvalidInputException;

/** Data that cannot be saved as it is: every refusal found, each naming its item. */
public final class CaptureException extends InvalidInputException {
    private final List<Finding> findings;

    public CaptureException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
