package io.moonknight.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Splits a billing period into the stretches a subscription should be billed for, and on which plan: a start
 * or termination inside the period, suspensions (when the tenant does not bill while suspended) and plan
 * changes each cut it. The state at the period's start is found by undoing, from the current state, every
 * change made since; a change on a day applies from that day.
 */
public final class ServiceSegments {

    /** A status change ({@code fromStatus}, {@code toStatus}) or a plan change ({@code fromPlan}, {@code toPlan}). */
    public record Change(
            LocalDate on,
            @Nullable String fromStatus,
            @Nullable String toStatus,
            @Nullable UUID fromPlan,
            @Nullable UUID toPlan) {

        public static Change status(LocalDate on, String from, String to) {
            return new Change(on, from, to, null, null);
        }

        public static Change plan(LocalDate on, UUID from, UUID to) {
            return new Change(on, null, null, from, to);
        }
    }

    public record Segment(UUID plan, Period days) {}

    private ServiceSegments() {}

    /**
     * @param changes every change on or after the period's start, oldest first (later ones too: they are undone)
     * @param billed the statuses a day is billed in (ACTIVE; also SUSPENDED when the tenant bills suspensions)
     */
    public static List<Segment> split(
            Period period,
            LocalDate serviceStart,
            String currentStatus,
            UUID currentPlan,
            List<Change> changes,
            Set<String> billed) {
        String status = currentStatus;
        UUID plan = currentPlan;
        for (int i = changes.size() - 1; i >= 0; i--) {
            Change change = changes.get(i);
            if (change.fromStatus() != null && change.toStatus() != null) {
                status = change.fromStatus();
            }
            if (change.fromPlan() != null && change.toPlan() != null) {
                plan = change.fromPlan();
            }
        }
        List<Segment> segments = new ArrayList<>();
        LocalDate cursor = period.start();
        for (Change change : changes) {
            if (!change.on().isBefore(period.end())) {
                break;
            }
            if (change.on().isAfter(cursor)) {
                add(segments, period, serviceStart, cursor, change.on(), plan, status, billed);
                cursor = change.on();
            }
            if (change.fromStatus() != null && change.toStatus() != null) {
                status = change.toStatus();
            }
            if (change.fromPlan() != null && change.toPlan() != null) {
                plan = change.toPlan();
            }
        }
        add(segments, period, serviceStart, cursor, period.end(), plan, status, billed);
        return segments;
    }

    private static void add(
            List<Segment> segments,
            Period period,
            LocalDate serviceStart,
            LocalDate from,
            LocalDate to,
            UUID plan,
            String status,
            Set<String> billed) {
        if (!billed.contains(status)) {
            return;
        }
        Period days = period.clip(from.isBefore(serviceStart) ? serviceStart : from, to);
        if (days == null) {
            return;
        }
        if (!segments.isEmpty()) {
            Segment last = segments.getLast();
            if (last.plan().equals(plan) && last.days().end().equals(days.start())) {
                segments.set(
                        segments.size() - 1,
                        new Segment(plan, new Period(last.days().start(), days.end())));
                return;
            }
        }
        segments.add(new Segment(Objects.requireNonNull(plan), days));
    }
}
