package org.stroma.trial.schedule;

import java.time.LocalDate;

/** A departure from the protocol, such as a visit done outside its window: which subject, what, when. */
public record ProtocolDeviation(String subject, String what, LocalDate date) {
}
