package org.stroma.trial.eligibility.rule;

import java.time.LocalDate;
import org.stroma.protocol.Offset;
import org.stroma.protocol.TimeUnit;

/**
 * When a fact counts, relative to the screening date: at any time before it ({@code ever}), on it ({@code now}),
 * within a period before it ("within the last 3 months"), or within a period after it ("planned for the next 30
 * days").
 */
public record Window(Kind kind, Offset span) {
    public enum Kind { EVER, NOW, PAST, NEXT }

    public static Window ever() {
        return new Window(Kind.EVER, null);
    }

    public static Window now() {
        return new Window(Kind.NOW, null);
    }

    public static Window past(double amount, TimeUnit unit) {
        return new Window(Kind.PAST, new Offset(amount, unit));
    }

    public static Window next(double amount, TimeUnit unit) {
        return new Window(Kind.NEXT, new Offset(amount, unit));
    }

    /** The first day of a past window, or the last day of a future one. */
    public LocalDate bound(LocalDate date) {
        long days = Math.round(span.approximateDays());
        return switch (span.unit()) {
            case YEAR -> kind == Kind.NEXT ? date.plusYears((long) span.amount()) : date.minusYears((long) span.amount());
            case MONTH -> kind == Kind.NEXT ? date.plusMonths((long) span.amount())
                    : date.minusMonths((long) span.amount());
            case WEEK, DAY -> kind == Kind.NEXT ? date.plusDays(days) : date.minusDays(days);
            // records hold dates, not times: a window in hours takes in every day it touches ("48 hours", 2 days)
            case HOUR, MINUTE -> kind == Kind.NEXT ? date.plusDays((long) Math.ceil(span.approximateDays()))
                    : date.minusDays((long) Math.ceil(span.approximateDays()));
        };
    }

    public String describe() {
        return switch (kind) {
            case EVER -> "at any time";
            case NOW -> "now";
            case PAST -> "within the last " + span;
            case NEXT -> "within the next " + span;
        };
    }

    public String ruleText() {
        return switch (kind) {
            case EVER -> "ever";
            case NOW -> "now";
            case PAST -> "within " + span;
            case NEXT -> "next " + span;
        };
    }

    static boolean wholeUnit(TimeUnit unit) {
        return unit == TimeUnit.DAY || unit == TimeUnit.WEEK || unit == TimeUnit.MONTH || unit == TimeUnit.YEAR;
    }
}
