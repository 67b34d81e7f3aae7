package io.moonknight.billing.internal;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily billing run: every 15 minutes, each tenant whose local time is past 02:00 and that has no finished
 * run for its local today gets one. Instances race harmlessly: only one run per tenant can be running, and a
 * run bills each subscription once.
 */
@Component
@ConditionalOnProperty(name = "moonknight.billing.daily-run", havingValue = "true", matchIfMissing = true)
class BillingJob {

    private static final Logger log = LoggerFactory.getLogger(BillingJob.class);
    private static final LocalTime AFTER = LocalTime.of(2, 0);

    private final TenantDirectory tenants;
    private final BillingRuns runs;
    private final JdbcClient jdbc;
    private final Clock clock;

    BillingJob(TenantDirectory tenants, BillingRuns runs, JdbcClient jdbc, Clock clock) {
        this.tenants = tenants;
        this.runs = runs;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT2M", fixedDelayString = "PT15M")
    @SchedulerLock(name = "billing.daily-runs", lockAtMostFor = "PT14M", lockAtLeastFor = "PT1M")
    void run() {
        for (TenantView tenant : tenants.active()) {
            ZoneId zone = ZoneId.of(tenant.timezone());
            if (LocalTime.now(clock.withZone(zone)).isBefore(AFTER)) {
                continue;
            }
            LocalDate today = LocalDate.now(clock.withZone(zone));
            boolean done = jdbc.sql("""
                select exists (select 1 from billing.billing_runs where tenant_id = :t and run_date = :d
                               and not dry_run and status in ('COMPLETED', 'RUNNING'))
                """)
                    .param("t", tenant.id())
                    .param("d", today)
                    .query(Boolean.class)
                    .single();
            if (!done) {
                try {
                    TenantContext.run(tenant.id(), () -> runs.start(false, true));
                } catch (ProblemException alreadyRunning) {
                    log.debug("Billing run for {} already running elsewhere", tenant.slug());
                } catch (RuntimeException e) {
                    log.warn("Billing run for {} failed to start", tenant.slug(), e);
                }
            }
        }
    }
}
