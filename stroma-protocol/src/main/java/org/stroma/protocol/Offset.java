package org.stroma.protocol;

/** An amount of time counted from an anchor event: 3 months, 24 weeks, day 5. */
public record Offset(double amount, TimeUnit unit) implements Comparable<Offset> {
    private static final double DAYS_PER_MONTH = 365.25 / 12;

    public Offset {
        if (amount < 0 || Double.isNaN(amount) || Double.isInfinite(amount)) {
            throw new IllegalArgumentException("a time offset must be a finite amount ≥ 0, not " + amount);
        }
    }

    /** Length in days, with a month as 365.25/12 days; for ordering and windows, not for calendar arithmetic. */
    public double approximateDays() {
        return switch (unit) {
            case MINUTE -> amount / (24 * 60);
            case HOUR -> amount / 24;
            case DAY -> amount;
            case WEEK -> amount * 7;
            case MONTH -> amount * DAYS_PER_MONTH;
            case YEAR -> amount * 365.25;
        };
    }

    @Override
    public int compareTo(Offset other) {
        return Double.compare(approximateDays(), other.approximateDays());
    }

    @Override
    public String toString() {
        String unitName = unit.label();
        if (amount == 1) {
            unitName = unitName.substring(0, unitName.length() - 1);
        }
        return ScientificNotation.plain(amount) + " " + unitName;
    }
}
