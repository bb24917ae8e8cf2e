package org.stroma.server.app;

import java.time.Instant;
import java.time.ZoneId;
import org.stroma.protocol.Route;

/**
 * What a product step is read against: its recipient, whether the trial is masked (the bedside then never states the
 * cells given), the protocol's route (the route of an administration unless another is given) and the zone of the
 * recipient's site (a local time is the site's), and the server's time when it was read (a step's time unless
 * another is given).
 */
public record StepContext(String subject, boolean masked, Route route, ZoneId zone, Instant now) {
}
