package io.moonknight.billing.internal;

import io.moonknight.billing.domain.Period;
import io.moonknight.plans.PlanSummary;
import io.moonknight.subscriptions.BillingChange;
import io.moonknight.subscriptions.SubscriptionSummary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What a run needs to know about every subscription it looks at. */
record RunContext(
        Map<UUID, Integer> billingDays,
        Map<Integer, Period> periods,
        LocalDate today,
        java.time.ZoneId zone,
        Map<UUID, List<BillingChange>> changes,
        java.util.Set<String> billedStatuses,
        Map<UUID, Optional<PlanSummary>> plans,
        Map<UUID, LocalDate> billedUntil) {

    /**
     * The first day of the period this run may bill for the subscription: not before its start date, nor before
     * the end of what postpaid runs claimed already (a billing day changed since, so the periods overlap).
     */
    LocalDate firstDay(SubscriptionSummary subscription) {
        LocalDate until = billedUntil.get(subscription.id());
        return until != null && until.isAfter(subscription.startDate()) ? until : subscription.startDate();
    }

    /** The period an invoice of this run names: the run's period, less what earlier runs billed of it. */
    Period invoicePeriod(SubscriptionSummary subscription) {
        Period period = periodOf(subscription.customerId());
        LocalDate until = billedUntil.get(subscription.id());
        Period rest = until == null ? period : period.clip(until, period.end());
        return rest == null ? period : rest;
    }

    /** The days of the period still to bill for the subscription; null when none. */
    @Nullable
    Period unbilled(SubscriptionSummary subscription) {
        Period period = periodOf(subscription.customerId());
        return period.clip(firstDay(subscription), period.end());
    }

    /**
     * The period a customer's subscriptions are billed for on this run: the last one that has ended, a calendar
     * month or, for an account with a billing day, the month from that day.
     */
    Period periodOf(UUID customerId) {
        int day = billingDays.getOrDefault(customerId, 0);
        return periods.computeIfAbsent(day, d -> {
            if (d == 0) {
                return Period.calendarMonth(today.withDayOfMonth(1).minusDays(1));
            }
            LocalDate anchor = LocalDate.of(2000, 1, d);
            Period current = Period.anniversary(anchor, today);
            return Period.anniversary(anchor, current.start().minusDays(1));
        });
    }
}
