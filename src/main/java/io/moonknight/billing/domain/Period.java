package io.moonknight.billing.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** A billing period: {@code start} inclusive, {@code end} exclusive. */
public record Period(LocalDate start, LocalDate end) {

    public Period {
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a period ends after it starts");
        }
    }

    public long days() {
        return ChronoUnit.DAYS.between(start, end);
    }

    /** The calendar month {@code date} is in. */
    public static Period calendarMonth(LocalDate date) {
        LocalDate first = date.withDayOfMonth(1);
        return new Period(first, first.plusMonths(1));
    }

    /**
     * The anniversary period {@code date} is in: from the anchor's day of the month (the month's last day when
     * shorter) to the same day a month later.
     */
    public static Period anniversary(LocalDate anchor, LocalDate date) {
        LocalDate start = onDay(date, anchor.getDayOfMonth());
        if (start.isAfter(date)) {
            start = onDay(date.minusMonths(1), anchor.getDayOfMonth());
        }
        return new Period(start, onDay(start.plusMonths(1), anchor.getDayOfMonth()));
    }

    private static LocalDate onDay(LocalDate month, int day) {
        return month.withDayOfMonth(Math.min(day, month.lengthOfMonth()));
    }

    /** The part of this period from {@code from} (inclusive) to {@code to} (exclusive), clipped; null if none. */
    public @Nullable Period clip(LocalDate from, LocalDate to) {
        LocalDate s = from.isAfter(start) ? from : start;
        LocalDate e = to.isBefore(end) ? to : end;
        return e.isAfter(s) ? new Period(s, e) : null;
    }
}
