package org.stroma.server.app;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.stroma.store.StaleException;

/**
 * No edit is lost: every change names the version of the thing it was made from (a form's versions, a query's steps, an
 * adverse event's reports, a product's chain as the person sees it, the study's team), and one made from a version
 * that is no longer the latest is refused, naming who changed it and when, instead of silently undoing their change.
 * The check runs in the same transaction as the change, under the study's lock, so two saves cannot both pass it.
 */
final class Versions {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private Versions() {
    }

    /** The version a request names; one that names none is refused, since it could undo a change it never saw. */
    static <T> T required(T version, String what) {
        if (version == null) {
            throw RequestException.badRequest("version", "give the version of " + what + " you edited (as the page"
                    + " or the last answer showed it; 0 for a new one), so that no change made meanwhile is lost");
        }
        return version;
    }

    /** The refusal of a change the store found stale. */
    static RequestException stale(String what, Object expected, StaleException e) {
        return refusal(what, expected, e.current(), e.changedBy(), e.changedAt());
    }

    /** Refuses a change made from {@code expected} when the thing is at {@code current}, last changed by whom, when. */
    static void check(String what, Object expected, Object current, String by, Instant at) {
        if (!expected.equals(current)) {
            throw refusal(what, expected, current, by, at);
        }
    }

    private static RequestException refusal(String what, Object expected, Object current, String by, Instant at) {
        if (by == null) {
            return RequestException.stale(what + " is at version " + current + ", not " + expected
                    + "; nothing was saved");
        }
        return RequestException.stale(what + " was changed by " + by + " at " + MINUTE.format(at) + " after you"
                + " opened it (version " + current + ", you edited version " + expected + "); nothing was saved:"
                + " look at the change, then enter yours again");
    }
}
