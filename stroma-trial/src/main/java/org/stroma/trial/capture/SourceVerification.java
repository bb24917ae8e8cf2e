package org.stroma.trial.capture;

import java.time.Instant;

/** A monitor's source data verification of one saved version of a form: its values agree with the source documents. */
public record SourceVerification(int version, String by, Instant at) {
}
