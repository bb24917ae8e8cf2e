package org.stroma.trial.capture;

import java.util.List;

/** Data that cannot be saved as it is: every refusal found, each naming its item. */
public final class CaptureException extends RuntimeException {
    private final List<Finding> findings;

    public CaptureException(String message, List<Finding> findings) {
        super(message);
        this.findings = List.copyOf(findings);
    }

    public List<Finding> findings() {
        return findings;
    }
}
