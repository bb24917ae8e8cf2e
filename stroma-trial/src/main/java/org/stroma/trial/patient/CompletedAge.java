package org.stroma.trial.patient;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.stroma.protocol.TimeUnit;

/**
 * An age in completed units, as people count it: whole days, weeks, calendar months or years since the birth date (a
 * child born on 31 January is a month old on 1 March, not on 28 February). Screening in SQL counts the same: months
 * and years by PostgreSQL's {@code age()}, days and weeks by subtracting the dates.
 */
public final class CompletedAge {
    private CompletedAge() {
    }

    public static long between(LocalDate birth, LocalDate on, TimeUnit unit) {
        return switch (unit) {
            case DAY -> ChronoUnit.DAYS.between(birth, on);
            case WEEK -> ChronoUnit.WEEKS.between(birth, on);
            case MONTH -> ChronoUnit.MONTHS.between(birth, on);
            case YEAR -> ChronoUnit.YEARS.between(birth, on);
            default -> throw new IllegalArgumentException("an age is not counted in " + unit.label());
        };
    }
}
