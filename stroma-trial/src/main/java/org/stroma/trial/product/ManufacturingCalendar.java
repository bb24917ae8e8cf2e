package org.stroma.trial.product;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stroma.trial.refusal.ConflictException;
import org.stroma.trial.refusal.InvalidInputException;

/**
 * The cell lab's culture slots and the collections booked into them. A collection is booked on a day only where a
 * slot is free on every day of the culture that follows it (one day at least, for cells that are not cultured), so
 * that no product waits for an incubator; its planned administration follows from the booking, the same way for every
 * arm (a placebo holds a slot like cells: in a masked trial the calendar must not tell them apart). A product that
 * fails release gives its slot back from that day on.
 */
public final class ManufacturingCalendar {
    /** Cultures the lab runs at once until it says how many it can: a small lab's incubator, stated as assumed. */
    public static final int ASSUMED_CAPACITY = 4;
    /** How far ahead a collection is booked and a free slot looked for: a year. */
    public static final int HORIZON_DAYS = 366;

    private int capacity = ASSUMED_CAPACITY;
    private boolean capacitySet;
    private final Map<String, Booking> bookings = new LinkedHashMap<>();

    /**
     * A collection booked for a product: its day, the culture's days, the planned administration (collection, culture
     * and delivery), who booked it and when, and the day its slot was given back (null while it holds it).
     */
    public record Booking(String product, String subject, LocalDate collection, int cultureDays,
            LocalDate administration, String by, Instant at, LocalDate freedOn) {
        /** The first day after the slot is held: the culture's end, or the day the slot was given back. */
        public LocalDate slotEnds() {
            LocalDate end = collection.plusDays(Math.max(1, cultureDays));
            return freedOn != null && freedOn.isBefore(end) ? freedOn : end;
        }

        boolean holds(LocalDate day) {
            return !day.isBefore(collection) && day.isBefore(slotEnds());
        }
    }

    public int capacity() {
        return capacity;
    }

    /** Whether the lab said how many cultures it runs at once; if not, {@link #ASSUMED_CAPACITY} is assumed. */
    public boolean capacitySet() {
        return capacitySet;
    }

    /** Sets the cultures the lab runs at once; refused below what is booked from {@code today} on. */
    public void setCapacity(int cultures, LocalDate today) {
        if (cultures < 1 || cultures > 1000) {
            throw new InvalidInputException("a lab runs 1 to 1000 cultures at once, not " + cultures);
        }
        for (LocalDate day = today; day.isBefore(today.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
            if (occupied(day) > cultures) {
                throw new ConflictException(occupied(day) + " cultures are booked on " + day + ": the capacity is not"
                        + " set below them");
            }
        }
        capacity = cultures;
        capacitySet = true;
    }

    /** The slots held on a day. */
    public int occupied(LocalDate day) {
        return (int) bookings.values().stream().filter(b -> b.holds(day)).count();
    }

    /** The first day from {@code from} on where a collection with a culture of {@code cultureDays} finds a slot. */
    public Optional<LocalDate> firstFree(LocalDate from, int cultureDays, String except) {
        for (LocalDate day = from; day.isBefore(from.plusDays(HORIZON_DAYS)); day = day.plusDays(1)) {
            if (fullDay(day, cultureDays, except) == null) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    /** The first day of a culture starting on {@code collection} that finds every slot held, or null. */
    private LocalDate fullDay(LocalDate collection, int cultureDays, String except) {
        for (LocalDate d = collection; d.isBefore(collection.plusDays(Math.max(1, cultureDays))); d = d.plusDays(1)) {
            LocalDate day = d;
            long held = bookings.values().stream().filter(b -> !b.product().equals(except) && b.holds(day)).count();
            if (held >= capacity) {
                return day;
            }
        }
        return null;
    }

    /**
     * Books (or books again, before the collection) a product's collection on a day, refused where the culture would
     * find no slot; the refusal names the full day and the first day that has one.
     */
    public Booking book(String product, String subject, LocalDate collection, int cultureDays, int deliveryDays,
            String by, Instant at) {
        LocalDate full = fullDay(collection, cultureDays, product);
        if (full != null) {
            throw new ConflictException("no culture slot for a collection on " + collection + ": " + (capacity == 1
                    ? "the lab's one slot is" : "the lab's " + capacity + " slots are all") + " held on " + full
                    + firstFree(collection, cultureDays, product).map(d -> "; the first collection day with a slot is "
                    + d).orElse(""));
        }
        Booking b = new Booking(product, subject, collection, cultureDays, collection.plusDays(cultureDays
                + deliveryDays), by, at, null);
        bookings.put(product, b);
        return b;
    }

    /** Gives a product's slot back from a day on (its release failed); nothing for a product never booked. */
    public void free(String product, LocalDate from) {
        Booking b = bookings.get(product);
        if (b != null && b.freedOn() == null) {
            bookings.put(product, new Booking(b.product(), b.subject(), b.collection(), b.cultureDays(),
                    b.administration(), b.by(), b.at(), from));
        }
    }

    public Optional<Booking> booking(String product) {
        return Optional.ofNullable(bookings.get(product));
    }

    /** Every booking, by collection day. */
    public List<Booking> bookings() {
        List<Booking> all = new ArrayList<>(bookings.values());
        all.sort(java.util.Comparator.comparing(Booking::collection).thenComparing(Booking::product));
        return all;
    }
}
