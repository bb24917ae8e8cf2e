package org.stroma.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock moved by hand, forwards only: a simulated trial's, whose weeks pass in seconds, and the tests'. It stands
 * still between moves. The running server keeps the system clock.
 */
public final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    /** Moves to a time; never back. */
    public void set(Instant to) {
        if (to.isAfter(now)) {
            now = to;
        }
    }

    public void advance(Duration by) {
        set(now.plus(by));
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
