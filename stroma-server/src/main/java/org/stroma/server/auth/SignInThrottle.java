package org.stroma.server.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.stroma.store.user.Failures;

/**
 * How failed sign-ins slow down the next attempt. They are counted per user name and per address, so a stranger's
 * guesses slow the stranger and never lock out the person whose name they typed from another address; nothing is
 * ever locked for good. The first {@link #FREE} failures within {@link #WINDOW} (since the last success) cost nothing;
 * each one after doubles the wait before the next attempt from that address, from two seconds up to {@link #LONGEST}.
 *
 * <p>Attempts for one name from one address are decided one at a time (check, password, record), so that fifty at
 * once are counted as fifty.
 */
final class SignInThrottle {
    static final int FREE = 5;
    /** Longer than all the waits together, so that waiting out one wait does not forget the failures before it. */
    static final Duration WINDOW = Duration.ofDays(1);
    static final Duration LONGEST = Duration.ofMinutes(15);
    private final Object[] stripes = new Object[256];

    SignInThrottle() {
        for (int i = 0; i < stripes.length; i++) {
            stripes[i] = new Object();
        }
    }

    /** What attempts for this name from this address are decided under, one at a time. */
    Object lockFor(String username, String source) {
        return stripes[Math.floorMod((username + "\u0000" + source).hashCode(), stripes.length)];
    }

    /** The time before which the next attempt is refused, if the failures so far call for a wait. */
    Optional<Instant> notBefore(Failures failures, Instant now) {
        if (failures.count() < FREE || failures.last() == null) {
            return Optional.empty();
        }
        int doublings = Math.min(failures.count() - FREE + 1, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        Instant until = failures.last().plus(wait.compareTo(LONGEST) > 0 ? LONGEST : wait);
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
