package io.moonknight.shared.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The dates and times the API accepts: years 1 to 9999. Java's time types reach a billion years, far beyond
 * what PostgreSQL stores or epoch-millisecond arithmetic survives; a year past 9999 is a client's mistake.
 */
final class TimeBounds {

    static final int MIN_YEAR = 1;
    static final int MAX_YEAR = 9999;
    static final String RANGE = "years " + MIN_YEAR + " to " + MAX_YEAR;

    private TimeBounds() {}

    private static final long MIN_EPOCH_SECOND =
            LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
    private static final long END_EPOCH_SECOND =
            LocalDate.of(MAX_YEAR + 1, 1, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond();

    /** Whether a value of one of the API's time types lies within years 1 to 9999 (in UTC for instants). */
    static boolean accepts(Object value) {
        return switch (value) {
            case Instant instant -> epochSecondWithin(instant.getEpochSecond());
            case OffsetDateTime dateTime -> epochSecondWithin(dateTime.toEpochSecond());
            case ZonedDateTime dateTime -> epochSecondWithin(dateTime.toEpochSecond());
            case LocalDate date -> yearWithin(date.getYear());
            case LocalDateTime dateTime -> yearWithin(dateTime.getYear());
            default -> true;
        };
    }

    private static boolean epochSecondWithin(long epochSecond) {
        return epochSecond >= MIN_EPOCH_SECOND && epochSecond < END_EPOCH_SECOND;
    }

    private static boolean yearWithin(int year) {
        return year >= MIN_YEAR && year <= MAX_YEAR;
    }

    static boolean bounded(Class<?> type) {
        return type == Instant.class
                || type == LocalDate.class
                || type == LocalDateTime.class
                || type == OffsetDateTime.class
                || type == ZonedDateTime.class;
    }
}
