package io.moonknight.plans.domain;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * A different speed at certain times, e.g. night speeds from 01:00 to 07:00. A window that ends before it starts
 * runs past midnight and belongs to the day it starts on ({@code days}).
 */
public record TimeRule(String name, LocalTime from, LocalTime to, Set<DayOfWeek> days, Rate rate) {

    public TimeRule {
        name = name.strip();
        if (name.isEmpty() || name.length() > 40) {
            throw new IllegalArgumentException("give the time rule a name of 1-40 characters");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a time rule must start and end at different times");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a time rule applies on at least one day");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
    }

    public boolean wrapsMidnight() {
        return to.isBefore(from);
    }

    public boolean appliesAt(LocalDateTime when) {
        LocalTime time = when.toLocalTime();
        DayOfWeek day = when.getDayOfWeek();
        if (!wrapsMidnight()) {
            return days.contains(day) && !time.isBefore(from) && time.isBefore(to);
        }
        return (days.contains(day) && !time.isBefore(from)) || (days.contains(day.minus(1)) && time.isBefore(to));
    }

    /** Whether two rules share any minute of the week. */
    public boolean overlaps(TimeRule other) {
        for (int minute = 0; minute < 7 * 24 * 60; minute += 1) {
            // Monday 2024-01-01 00:00 plus the minute: one sample per minute of a week.
            LocalDateTime when = LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(minute);
            if (appliesAt(when) && other.appliesAt(when)) {
                return true;
            }
        }
        return false;
    }
}
