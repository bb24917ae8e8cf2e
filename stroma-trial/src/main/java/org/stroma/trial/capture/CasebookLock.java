package org.stroma.trial.capture;

import java.time.Instant;

/**
 * A lock on captured data before the study's own lock: of one form, or of a whole subject's casebook (a site's lock is
 * a lock of each of its subjects). Locked data is neither changed, signed nor queried until a data manager unlocks it.
 * Adverse events are still reported and followed up: no lock holds back safety reporting.
 */
public record CasebookLock(String by, Instant at) {
}
