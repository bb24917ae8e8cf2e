package org.stroma.trial.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.stroma.trial.refusal.ConflictException;

/** The lab's culture slots: a collection is booked only where its whole culture finds a slot. */
class ManufacturingCalendarTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-06-01");
    private static final Instant AT = Instant.parse("2026-05-28T09:00:00Z");

    @Test
    void aCollectionIsBookedOnlyWhereEveryDayOfItsCultureHasASlot() {
        ManufacturingCalendar calendar = new ManufacturingCalendar();
        calendar.setCapacity(2, MONDAY);
        ManufacturingCalendar.Booking first = calendar.book("S1-P1", "S1", MONDAY, 17, 3, "lab", AT);
        assertThat(first.administration()).isEqualTo(MONDAY.plusDays(20));
        assertThat(first.slotEnds()).isEqualTo(MONDAY.plusDays(17));
        calendar.book("S2-P1", "S2", MONDAY.plusDays(10), 17, 3, "lab", AT);
        assertThat(calendar.occupied(MONDAY.plusDays(9))).isEqualTo(1);
        assertThat(calendar.occupied(MONDAY.plusDays(10))).isEqualTo(2);
        assertThat(calendar.occupied(MONDAY.plusDays(17))).isEqualTo(1);
        // a third collection on Friday would run into the two cultures from day 10: refused, naming the first free day
        assertThatThrownBy(() -> calendar.book("S3-P1", "S3", MONDAY.plusDays(4), 17, 3, "lab", AT))
                .isInstanceOf(ConflictException.class).hasMessage("no culture slot for a collection on 2026-06-05:"
                        + " the lab's 2 slots are all held on 2026-06-11; the first collection day with a slot is"
                        + " 2026-06-18");
        assertThat(calendar.firstFree(MONDAY, 17, null)).contains(MONDAY.plusDays(17));
        // a product booked again moves: its own slot does not stand in its way
        ManufacturingCalendar.Booking moved = calendar.book("S2-P1", "S2", MONDAY.plusDays(11), 17, 3, "lab", AT);
        assertThat(moved.collection()).isEqualTo(MONDAY.plusDays(11));
        assertThat(calendar.bookings()).hasSize(2);
    }

    @Test
    void aProductThatFailsReleaseGivesItsSlotBackAndTheCapacityIsNotSetBelowWhatIsBooked() {
        ManufacturingCalendar calendar = new ManufacturingCalendar();
        assertThat(calendar.capacity()).isEqualTo(ManufacturingCalendar.ASSUMED_CAPACITY);
        assertThat(calendar.capacitySet()).isFalse();
        calendar.setCapacity(1, MONDAY);
        calendar.book("S1-P1", "S1", MONDAY, 17, 3, "lab", AT);
        assertThatThrownBy(() -> calendar.book("S2-P1", "S2", MONDAY.plusDays(16), 17, 3, "lab", AT))
                .hasMessageContaining("the lab's one slot is held on 2026-06-17");
        calendar.free("S1-P1", MONDAY.plusDays(12));
        assertThat(calendar.occupied(MONDAY.plusDays(11))).isEqualTo(1);
        assertThat(calendar.occupied(MONDAY.plusDays(12))).isZero();
        calendar.book("S2-P1", "S2", MONDAY.plusDays(12), 17, 3, "lab", AT);
        assertThatThrownBy(() -> calendar.setCapacity(0, MONDAY)).hasMessageContaining("1 to 1000");
        calendar.setCapacity(1, MONDAY);
        // cells given as collected hold their slot for the day of the collection
        calendar.setCapacity(2, MONDAY);
        assertThat(calendar.book("S3-P1", "S3", MONDAY.plusDays(40), 0, 3, "lab", AT).slotEnds())
                .isEqualTo(MONDAY.plusDays(41));
        calendar.book("S4-P1", "S4", MONDAY.plusDays(13), 17, 3, "lab", AT);
        assertThatThrownBy(() -> calendar.setCapacity(1, MONDAY)).hasMessageContaining("2 cultures are booked on"
                + " 2026-06-14");
    }
}
