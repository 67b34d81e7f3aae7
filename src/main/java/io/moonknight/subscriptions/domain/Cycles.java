package io.moonknight.subscriptions.domain;

import java.time.LocalDate;

/**
 * Monthly cycles anchored on a subscription's start date: a subscription started on the 31st renews on the
 * last day of shorter months and on the 31st again when the month has one.
 */
public final class Cycles {

    private Cycles() {}

    /** The first cycle start strictly after {@code today}. */
    public static LocalDate nextCycleStart(LocalDate anchor, LocalDate today) {
        if (today.isBefore(anchor)) {
            return anchor;
        }
        int months =
                (int) java.time.temporal.ChronoUnit.MONTHS.between(anchor.withDayOfMonth(1), today.withDayOfMonth(1));
        LocalDate candidate = cycleStart(anchor, months);
        while (!candidate.isAfter(today)) {
            months++;
            candidate = cycleStart(anchor, months);
        }
        return candidate;
    }

    /** The start of the cycle {@code today} is in (the anchor itself before it). */
    public static LocalDate currentCycleStart(LocalDate anchor, LocalDate today) {
        if (!today.isAfter(anchor)) {
            return anchor;
        }
        int months =
                (int) java.time.temporal.ChronoUnit.MONTHS.between(anchor.withDayOfMonth(1), today.withDayOfMonth(1));
        LocalDate candidate = cycleStart(anchor, months);
        return candidate.isAfter(today) ? cycleStart(anchor, months - 1) : candidate;
    }

    /** The start of cycle {@code n} (0 is the anchor itself). */
    public static LocalDate cycleStart(LocalDate anchor, int n) {
        LocalDate month = anchor.withDayOfMonth(1).plusMonths(n);
        return month.withDayOfMonth(Math.min(anchor.getDayOfMonth(), month.lengthOfMonth()));
    }
}
