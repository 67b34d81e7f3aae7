package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.DunningEvent;
import io.moonknight.billing.DunningStepReached;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.subscriptions.SubscriptionLifecycle;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dunning ladder. Each open invoice moves through the tenant's steps as days pass its due date; each step
 * is taken once (logged per invoice), publishes {@link DunningStepReached}, and the suspend and terminate steps
 * act on the customer's subscriptions (RADIUS then disconnects them). Accounts marked "never suspend", or with a
 * promise to pay that has not passed, get reminders only. A payment that leaves nothing overdue resumes what
 * dunning suspended ({@link #cleared}).
 */
@Component
class Dunning {

    static final String REASON = "non-payment";
    private static final Logger log = LoggerFactory.getLogger(Dunning.class);
    private static final List<Step> DEFAULT = List.of(
            new Step(-3, "REMINDER"), new Step(1, "REMINDER"), new Step(7, "SUSPEND"), new Step(30, "TERMINATE"));

    record Step(int days, String action) {}

    private record Due(
            UUID invoice,
            UUID customer,
            String number,
            LocalDate dueOn,
            BigDecimal open,
            String currency,
            boolean neverSuspend,
            LocalDate promise) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SubscriptionLifecycle lifecycle;
    private final TenantDirectory tenants;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean scheduled;

    Dunning(
            JdbcClient jdbc,
            Accounts accounts,
            SubscriptionLifecycle lifecycle,
            TenantDirectory tenants,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            @Value("${moonknight.billing.daily-run:true}") boolean scheduled) {
        this.scheduled = scheduled;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.lifecycle = lifecycle;
        this.tenants = tenants;
        this.events = events;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT3M", fixedDelayString = "PT1H")
    @SchedulerLock(name = "billing.dunning", lockAtMostFor = "PT50M", lockAtLeastFor = "PT5M")
    void everyHour() {
        if (!scheduled) {
            return;
        }
        for (TenantView tenant : tenants.active()) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(tenant.timezone())));
            try {
                TenantContext.run(tenant.id(), () -> run(today));
            } catch (RuntimeException e) {
                log.warn("Dunning for {} failed", tenant.slug(), e);
            }
        }
    }

    /** Takes every step due by {@code today} in the bound tenant; returns how many. */
    int run(LocalDate today) {
        UUID tenant = TenantContext.require();
        List<Step> steps = steps(tenant);
        int earliest = steps.stream().mapToInt(Step::days).min().orElse(0);
        List<Due> due = jdbc.sql("""
            select i.id, i.customer_id, i.number, i.due_on, i.total - i.paid as open, i.currency, a.never_suspend,
                   a.promise_to_pay
            from billing.invoices i join billing.accounts a on a.id = i.account_id
            where i.tenant_id = :t and i.status in ('ISSUED', 'PARTIALLY_PAID') and i.due_on <= :latest
            order by i.due_on
            """)
                .param("t", tenant)
                .param("latest", today.minusDays(earliest))
                .query(Dunning::due)
                .list();
        int firstOverdue =
                steps.stream().mapToInt(Step::days).filter(d -> d > 0).min().orElse(Integer.MAX_VALUE);
        int taken = 0;
        for (Due invoice : due) {
            for (Step step : steps) {
                if (today.isBefore(invoice.dueOn().plusDays(step.days()))) {
                    continue;
                }
                boolean overdue = step.days() == firstOverdue;
                Boolean done = transactions.execute(status -> take(tenant, invoice, step, today, overdue));
                if (Boolean.TRUE.equals(done)) {
                    taken++;
                }
            }
        }
        return taken;
    }

    /**
     * Takes one step for one invoice. The list the run started from may be stale by now (a payment, a void, a
     * promise to pay landed meanwhile), so the invoice and the account are read again under the account's lock,
     * which payments take too, and the step is skipped when the invoice is no longer open.
     */
    private boolean take(UUID tenant, Due listed, Step step, LocalDate today, boolean firstOverdue) {
        UUID account = jdbc.sql("select account_id from billing.invoices where tenant_id = :t and id = :i")
                .param("t", tenant)
                .param("i", listed.invoice())
                .query(UUID.class)
                .single();
        accounts.lock(account);
        Due invoice = jdbc.sql("""
            select i.id, i.customer_id, i.number, i.due_on, i.total - i.paid as open, i.currency, a.never_suspend,
                   a.promise_to_pay
            from billing.invoices i join billing.accounts a on a.id = i.account_id
            where i.tenant_id = :t and i.id = :i and i.status in ('ISSUED', 'PARTIALLY_PAID')
            """)
                .param("t", tenant)
                .param("i", listed.invoice())
                .query(Dunning::due)
                .optional()
                .orElse(null);
        if (invoice == null) {
            return false; // paid or voided since the run listed it
        }
        int claimed = jdbc.sql("""
            insert into billing.dunning_log (tenant_id, invoice_id, days, action, occurred_at)
            values (:t, :i, :d, :a, :now) on conflict do nothing
            """)
                .param("t", tenant)
                .param("i", invoice.invoice())
                .param("d", step.days())
                .param("a", step.action())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .update();
        if (claimed == 0) {
            return false;
        }
        boolean spared = invoice.neverSuspend() || !invoice.promise().isBefore(today);
        String outcome = "published";
        if (step.action().equals("SUSPEND") && !spared) {
            outcome = "suspended "
                    + lifecycle
                            .suspendAll(
                                    invoice.customer(),
                                    REASON,
                                    "Invoice " + invoice.number() + " unpaid " + step.days() + " days after due")
                            .size();
        } else if (step.action().equals("TERMINATE") && !spared) {
            outcome = "terminated "
                    + lifecycle
                            .terminateAll(
                                    invoice.customer(),
                                    REASON,
                                    "Invoice " + invoice.number() + " unpaid " + step.days() + " days after due")
                            .size();
        } else if (!step.action().equals("REMINDER")) {
            outcome = "spared (never suspend or promise to pay)";
        }
        jdbc.sql("update billing.dunning_log set outcome = :o where invoice_id = :i and days = :d")
                .param("o", outcome)
                .param("i", invoice.invoice())
                .param("d", step.days())
                .update();
        DunningStepReached reached = new DunningStepReached(
                tenant,
                invoice.customer(),
                invoice.invoice(),
                invoice.number(),
                invoice.dueOn(),
                step.days(),
                step.action(),
                invoice.open(),
                invoice.currency(),
                clock.instant());
        events.publishEvent(reached);
        events.publishEvent(DunningEvent.of(reached, spared));
        if (firstOverdue) {
            events.publishEvent(new io.moonknight.billing.InvoiceOverdue(
                    tenant,
                    invoice.customer(),
                    invoice.invoice(),
                    invoice.number(),
                    invoice.dueOn(),
                    invoice.open(),
                    invoice.currency(),
                    clock.instant()));
        }
        audit.record(AuditRecord.of(
                        "dunning." + step.action().toLowerCase(java.util.Locale.ROOT), "Invoice", invoice.invoice())
                .with("days", step.days())
                .with("outcome", outcome));
        return true;
    }

    private static Due due(java.sql.ResultSet row, int i) throws java.sql.SQLException {
        LocalDate promise = row.getObject("promise_to_pay", LocalDate.class);
        return new Due(
                row.getObject("id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getString("number"),
                row.getObject("due_on", LocalDate.class),
                row.getBigDecimal("open"),
                row.getString("currency"),
                row.getBoolean("never_suspend"),
                promise == null ? LocalDate.MIN : promise);
    }

    /** After a payment: when nothing of the customer's is overdue any more, resumes what dunning suspended. */
    void cleared(UUID customerId, LocalDate today) {
        boolean overdue = jdbc.sql("""
            select exists (select 1 from billing.invoices where tenant_id = :t and customer_id = :c
                           and status in ('ISSUED', 'PARTIALLY_PAID') and due_on < :today)
            """)
                .param("t", TenantContext.require())
                .param("c", customerId)
                .param("today", today)
                .query(Boolean.class)
                .single();
        if (!overdue) {
            lifecycle.resumeAll(customerId, REASON);
        }
    }

    List<Step> steps(UUID tenant) {
        List<Step> steps = jdbc.sql("select days, action from billing.dunning_steps where tenant_id = :t order by days")
                .param("t", tenant)
                .query((row, i) -> new Step(row.getInt("days"), row.getString("action")))
                .list();
        return steps.isEmpty() ? DEFAULT : steps;
    }
}
