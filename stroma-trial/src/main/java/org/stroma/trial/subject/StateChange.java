package org.stroma.trial.subject;

import java.time.Instant;

/** One step of a subject's path: from, to, when, who did it, and why (required for exits). */
public record StateChange(SubjectState from, SubjectState to, Instant at, String by, String reason) {
}
