package io.moonknight.subscriptions.internal;

import io.moonknight.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Applies plan changes scheduled for the next cycle once their day has come in the tenant's timezone. Runs
 * every 15 minutes on each instance; a change already applied elsewhere is simply no longer pending.
 */
@Component
class PlanChangeJob {

    private static final Logger log = LoggerFactory.getLogger(PlanChangeJob.class);

    private final JdbcClient jdbc;
    private final SubscriptionService subscriptions;
    private final Clock clock;

    PlanChangeJob(JdbcClient jdbc, SubscriptionService subscriptions, Clock clock) {
        this.jdbc = jdbc;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    record Due(UUID tenant, UUID subscription) {}

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT15M")
    @SchedulerLock(name = "subscriptions.plan-changes", lockAtMostFor = "PT14M", lockAtLeastFor = "PT1M")
    void run() {
        applyDue();
    }

    /** Applies every due change; returns how many. */
    int applyDue() {
        // A day ahead of UTC covers every timezone; the service checks the tenant's own date.
        LocalDate horizon = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1);
        var due = jdbc.sql("""
            select tenant_id, id from subscriptions.subscriptions
            where pending_plan_id is not null and pending_plan_from <= :horizon
            order by pending_plan_from limit 5000
            """)
                .param("horizon", horizon)
                .query((row, i) -> new Due(row.getObject("tenant_id", UUID.class), row.getObject("id", UUID.class)))
                .list();
        int applied = 0;
        for (Due item : due) {
            try {
                if (TenantContext.call(item.tenant(), () -> subscriptions.applyDuePlanChange(item.subscription()))) {
                    applied++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not apply the plan change of subscription {}", item.subscription(), e);
            }
        }
        if (applied > 0) {
            log.info("Applied {} scheduled plan change(s)", applied);
        }
        return applied;
    }
}
