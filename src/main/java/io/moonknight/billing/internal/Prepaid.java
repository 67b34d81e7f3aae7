package io.moonknight.billing.internal;

import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.subscriptions.SubscriptionActivated;
import io.moonknight.subscriptions.SubscriptionDirectory;
import io.moonknight.subscriptions.SubscriptionLifecycle;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.SubscriptionSummary;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Prepaid plans are charged in advance: on activation, and again when the validity runs out if the account has
 * auto-renew on and enough credit. Each charge is an invoice paid from the account's credit where there is
 * some, and moves the subscription's expiry (which RADIUS enforces) by the plan's validity. A prepaid service
 * that runs out without renewal is suspended as {@code prepaid-expired}, and resumed when a payment renews it.
 */
@Component
class Prepaid {

    static final String EXPIRED = "prepaid-expired";
    private static final Logger log = LoggerFactory.getLogger(Prepaid.class);

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final InvoiceWriter writer;
    private final Credit credit;
    private final PlanCatalog plans;
    private final SubscriptionDirectory subscriptions;
    private final SubscriptionLifecycle lifecycle;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Prepaid(
            JdbcClient jdbc,
            Accounts accounts,
            InvoiceWriter writer,
            Credit credit,
            PlanCatalog plans,
            SubscriptionDirectory subscriptions,
            SubscriptionLifecycle lifecycle,
            TransactionTemplate transactions,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.writer = writer;
        this.credit = credit;
        this.plans = plans;
        this.subscriptions = subscriptions;
        this.lifecycle = lifecycle;
        this.transactions = transactions;
        this.clock = clock;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(SubscriptionActivated event) {
        TenantContext.run(event.tenantId(), () -> {
            var subscription = subscriptions.find(event.subscriptionId()).orElse(null);
            var plan = plans.find(event.planId()).orElse(null);
            if (subscription == null
                    || plan == null
                    || plan.billingType() != BillingType.PREPAID
                    || charged(subscription)) {
                return;
            }
            LocalDate today = today();
            LocalDate from = subscription.startDate().isAfter(today) ? subscription.startDate() : today;
            // after the activation's commit: a transaction of its own (joining the finished one would never commit)
            var own = new TransactionTemplate(java.util.Objects.requireNonNull(transactions.getTransactionManager()));
            own.setPropagationBehavior(org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
            own.executeWithoutResult(status -> charge(subscription, plan, from, "activated"));
        });
    }

    /** Renews or expires the tenant's prepaid services due by {@code today}; returns how many were renewed. */
    int renewDue(List<SubscriptionSummary> candidates, LocalDate today) {
        int renewed = 0;
        for (SubscriptionSummary subscription : candidates) {
            LocalDate expires = subscription.expiresOn();
            if (expires == null || expires.isAfter(today)) {
                continue;
            }
            PlanSummary plan = plans.find(subscription.planId()).orElse(null);
            if (plan == null || plan.billingType() != BillingType.PREPAID) {
                continue;
            }
            try {
                Boolean done = transactions.execute(status -> renew(subscription, plan, today));
                if (Boolean.TRUE.equals(done)) {
                    renewed++;
                }
            } catch (RuntimeException e) {
                log.warn("Prepaid subscription {} could not be renewed", subscription.id(), e);
            }
        }
        return renewed;
    }

    /** After a payment: renews the customer's prepaid services that ran out, if the credit now covers them. */
    void paid(UUID customerId) {
        renewDue(
                subscriptions.ofCustomer(customerId).stream()
                        .filter(s -> s.status() != SubscriptionStatus.TERMINATED)
                        .toList(),
                today());
    }

    private boolean renew(SubscriptionSummary subscription, PlanSummary plan, LocalDate today) {
        LocalDate expires = java.util.Objects.requireNonNull(subscription.expiresOn());
        // the credit is read under the account's lock: a concurrent payment, refund or invoice is in or out, not half
        Accounts.Account account = accounts.lockFor(subscription.customerId());
        BigDecimal available = accounts.balance(account.id()).negate();
        boolean autoRenew = jdbc.sql("select auto_renew from billing.accounts where id = :a")
                .param("a", account.id())
                .query(Boolean.class)
                .single();
        LocalDate from = expires.isBefore(today) ? today : expires.plusDays(1);
        // what the renewal's invoice will come to, tax included: the credit must pay all of it
        BigDecimal price = writer.total(account, List.of(line(subscription, plan, from)));
        if (autoRenew && available.compareTo(price) >= 0) {
            charge(subscription, plan, from, "renewed from credit");
            lifecycle.resumeIfSuspendedFor(subscription.id(), EXPIRED);
            return true;
        }
        if (expires.isBefore(today)) {
            lifecycle.suspendIfActive(
                    subscription.id(), EXPIRED, "Validity ended on " + expires + "; not enough credit to renew");
        }
        return false;
    }

    /** One prepaid period from {@code from}: invoice (paid from credit where possible) and the new expiry. */
    private void charge(SubscriptionSummary subscription, PlanSummary plan, LocalDate from, String why) {
        int days = days(plan);
        Accounts.Account account = accounts.lockFor(subscription.customerId());
        UUID invoice = UUID.randomUUID();
        int claimed = jdbc.sql("""
            insert into billing.billed_periods (tenant_id, subscription_id, period_start, invoice_id, kind, days)
            values (:t, :s, :p, :i, 'PREPAID', daterange(:p, :until)) on conflict do nothing
            """)
                .param("t", TenantContext.require())
                .param("s", subscription.id())
                .param("p", from)
                .param("until", from.plusDays(days))
                .param("i", invoice)
                .update();
        if (claimed == 0) {
            return;
        }
        LocalDate until = from.plusDays(days);
        UUID issued = writer.issue(account, List.of(line(subscription, plan, from)), from, until, today());
        jdbc.sql("update billing.billed_periods set invoice_id = :i where subscription_id = :s and period_start = :p")
                .param("i", issued)
                .param("s", subscription.id())
                .param("p", from)
                .update();
        credit.apply(account.id());
        lifecycle.setExpiry(subscription.id(), until.minusDays(1), why);
    }

    private static int days(PlanSummary plan) {
        return plan.validityDays() == null ? 30 : plan.validityDays();
    }

    /** The invoice line of one prepaid period from {@code from}. */
    private static InvoiceWriter.Charge line(SubscriptionSummary subscription, PlanSummary plan, LocalDate from) {
        LocalDate until = from.plusDays(days(plan));
        return new InvoiceWriter.Charge(
                plan.name() + " " + from + " – " + until.minusDays(1) + " (prepaid)",
                subscription.id(),
                from,
                until,
                plan.price(),
                plan.taxClass());
    }

    /** Whether any prepaid period of the subscription was charged (a reactivation does not charge again). */
    private boolean charged(SubscriptionSummary subscription) {
        return jdbc.sql("select exists (select 1 from billing.billed_periods where subscription_id = :s)")
                .param("s", subscription.id())
                .query(Boolean.class)
                .single();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(accounts.tenantZone()));
    }
}
