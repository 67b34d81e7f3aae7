package io.moonknight.billing.internal;

import io.moonknight.billing.domain.Overage;
import io.moonknight.billing.domain.Period;
import io.moonknight.billing.domain.Proration;
import io.moonknight.billing.domain.ServiceSegments;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.radius.UsageMeter;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.subscriptions.BillingChange;
import io.moonknight.subscriptions.SubscriptionSummary;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How a billing run bills postpaid subscriptions ({@link BillingRuns}): the invoice lines of a subscription for the
 * run's period, and billing them a chunk at a time (in the caller's transaction) or one by one (each in its own).
 */
@Component
class PostpaidInvoicing {

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final InvoiceWriter writer;
    private final PlanCatalog plans;
    private final TransactionTemplate transactions;
    private final Credit credit;
    private final UsageMeter usage;

    PostpaidInvoicing(
            JdbcClient jdbc,
            Accounts accounts,
            InvoiceWriter writer,
            PlanCatalog plans,
            TransactionTemplate transactions,
            Credit credit,
            UsageMeter usage) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.writer = writer;
        this.plans = plans;
        this.transactions = transactions;
        this.credit = credit;
        this.usage = usage;
    }

    /**
     * The invoice lines of one subscription for the period: one per stretch on a monthly postpaid plan (a plan
     * change splits it; suspension, when not billed, and termination cut it), each prorated by its days.
     */
    List<InvoiceWriter.Charge> lines(
            SubscriptionSummary subscription, RunContext context, java.util.Currency currency) {
        return lines(List.of(subscription), context, Map.of(subscription.customerId(), currency))
                .getOrDefault(subscription.id(), List.of());
    }

    /** What a stretch on a plan with a data allowance adds to the period's allowance. */
    private record Metered(PlanSummary plan, long allowanceMb) {}

    /**
     * The invoice lines of each subscription ({@link #serviceLines}), plus a line for data beyond the allowance
     * where a plan with overage served in the period: its allowance prorated by the days on it, everything RADIUS
     * counted in the period less what data packs paid for, at the last such plan's price per GB.
     */
    private Map<UUID, List<InvoiceWriter.Charge>> lines(
            List<SubscriptionSummary> chunk, RunContext context, Map<UUID, java.util.Currency> currencyOf) {
        Map<UUID, List<InvoiceWriter.Charge>> linesOf = new HashMap<>();
        Map<UUID, Metered> metered = new HashMap<>();
        Map<Period, List<UUID>> meteredByPeriod = new HashMap<>();
        for (SubscriptionSummary subscription : chunk) {
            Metered[] seen = {null};
            var currency = java.util.Objects.requireNonNull(currencyOf.get(subscription.customerId()));
            linesOf.put(subscription.id(), serviceLines(subscription, context, currency, seen));
            if (seen[0] != null) {
                metered.put(subscription.id(), seen[0]);
                meteredByPeriod
                        .computeIfAbsent(context.periodOf(subscription.customerId()), p -> new ArrayList<>())
                        .add(subscription.id());
            }
        }
        Map<UUID, Long> used = new HashMap<>();
        meteredByPeriod.forEach((period, ids) -> used.putAll(usage.allowanceBytes(ids, period.start(), period.end())));
        for (SubscriptionSummary subscription : chunk) {
            Metered m = metered.get(subscription.id());
            if (m == null) {
                continue;
            }
            var currency = java.util.Objects.requireNonNull(currencyOf.get(subscription.customerId()));
            BigDecimal price = java.util.Objects.requireNonNull(m.plan().overagePricePerGb());
            var charge = Overage.charge(used.getOrDefault(subscription.id(), 0L), m.allowanceMb(), price, currency);
            if (charge.none()) {
                continue;
            }
            Period period = context.periodOf(subscription.customerId());
            java.util.Objects.requireNonNull(linesOf.get(subscription.id()))
                    .add(new InvoiceWriter.Charge(
                            "Data beyond " + gigabytes(m.allowanceMb()) + " GB " + period.start() + " – "
                                    + period.end().minusDays(1) + ": "
                                    + charge.gigabytes().toPlainString()
                                    + " GB at " + price.stripTrailingZeros().toPlainString() + " per GB",
                            subscription.id(),
                            period.start(),
                            period.end(),
                            charge.amount(),
                            m.plan().taxClass()));
        }
        return linesOf;
    }

    private static String gigabytes(long megabytes) {
        return BigDecimal.valueOf(megabytes, 3).stripTrailingZeros().toPlainString();
    }

    /** The subscription's service lines; {@code metered[0]} is set when a plan with a data allowance served. */
    private List<InvoiceWriter.Charge> serviceLines(
            SubscriptionSummary subscription, RunContext context, java.util.Currency currency, Metered[] metered) {
        Period period = context.periodOf(subscription.customerId());
        List<ServiceSegments.Change> changes = new ArrayList<>();
        for (BillingChange change : context.changes().getOrDefault(subscription.id(), List.of())) {
            LocalDate on = LocalDate.ofInstant(change.occurredAt(), context.zone());
            if (change.fromStatus() == io.moonknight.subscriptions.SubscriptionStatus.PENDING
                    || on.isBefore(period.start())) {
                continue; // the start date, not the day it was switched on, starts billing; earlier changes are done
            }
            changes.add(new ServiceSegments.Change(
                    on,
                    change.fromStatus() == null ? null : change.fromStatus().name(),
                    change.toStatus() == null ? null : change.toStatus().name(),
                    change.fromPlan(),
                    change.toPlan()));
        }
        List<InvoiceWriter.Charge> lines = new ArrayList<>();
        for (var segment : ServiceSegments.split(
                period,
                context.firstDay(subscription),
                subscription.status().name(),
                subscription.planId(),
                changes,
                context.billedStatuses())) {
            PlanSummary plan =
                    context.plans().computeIfAbsent(segment.plan(), plans::find).orElse(null);
            if (plan == null || plan.billingType() != BillingType.MONTHLY_POSTPAID) {
                continue; // prepaid, data packs and vouchers are charged when bought
            }
            Long allowance = plan.quotaMb();
            if (allowance != null && plan.overagePricePerGb() != null) {
                long share = Overage.allowanceMb(allowance, period, segment.days());
                metered[0] = new Metered(plan, share + (metered[0] == null ? 0 : metered[0].allowanceMb()));
            }
            lines.add(new InvoiceWriter.Charge(
                    label(plan, period, segment.days()),
                    subscription.id(),
                    segment.days().start(),
                    segment.days().end(),
                    Proration.charge(plan.price(), period, segment.days(), currency),
                    plan.taxClass()));
        }
        return lines;
    }

    static BigDecimal sum(List<InvoiceWriter.Charge> lines) {
        return lines.stream().map(InvoiceWriter.Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Bills a chunk in the caller's transaction: claims its periods, then issues all its invoices at once. */
    int billChunk(List<SubscriptionSummary> chunk, RunContext context, BigDecimal[] amount) {
        Map<UUID, Accounts.Account> byCustomer = accounts.lockAll(
                accounts
                        .ofAll(chunk.stream()
                                .map(SubscriptionSummary::customerId)
                                .distinct()
                                .toList())
                        .values()
                        .stream()
                        .map(Accounts.Account::id)
                        .toList());
        // the billing days as they are now that the accounts are locked (one may have changed since the run began)
        jdbc.sql("select customer_id, billing_day from billing.accounts where id = any(cast(:ids as uuid[]))")
                .param(
                        "ids",
                        io.moonknight.shared.db.SqlArrays.literal(byCustomer.values().stream()
                                .map(Accounts.Account::id)
                                .toList()))
                .query((row, i) -> {
                    UUID customer = row.getObject("customer_id", UUID.class);
                    Integer day = (Integer) row.getObject("billing_day");
                    if (day == null) {
                        context.billingDays().remove(customer);
                    } else {
                        context.billingDays().put(customer, day);
                    }
                    return customer;
                })
                .list();
        Map<UUID, java.util.Currency> currencyOf = new HashMap<>();
        byCustomer.forEach((customer, account) -> currencyOf.put(customer, account.currency()));
        Map<UUID, List<InvoiceWriter.Charge>> linesOf = lines(chunk, context, currencyOf);
        Map<UUID, UUID> invoiceFor = new HashMap<>();
        for (SubscriptionSummary subscription : chunk) {
            if (!linesOf.getOrDefault(subscription.id(), List.of()).isEmpty()) {
                invoiceFor.put(subscription.id(), UUID.randomUUID());
            }
        }
        if (invoiceFor.isEmpty()) {
            return 0;
        }
        List<UUID> subscriptionIds = List.copyOf(invoiceFor.keySet());
        Map<UUID, Period> unbilled = new HashMap<>();
        chunk.forEach(s -> {
            Period days = context.unbilled(s);
            if (days != null) {
                unbilled.put(s.id(), days);
            }
        });
        Map<UUID, UUID> customerOf = new HashMap<>();
        chunk.forEach(s -> customerOf.put(s.id(), s.customerId()));
        java.util.Set<UUID> claimed = new java.util.HashSet<>(jdbc.sql("""
            insert into billing.billed_periods (tenant_id, subscription_id, period_start, invoice_id, kind, days)
            select :t, s, p, i, 'POSTPAID', daterange(f, e)
            from unnest(cast(:subs as uuid[]), cast(:starts as date[]), cast(:invoices as uuid[]),
                cast(:froms as date[]), cast(:ends as date[])) as x(s, p, i, f, e)
            on conflict do nothing returning subscription_id
            """)
                .param("t", TenantContext.require())
                .param("subs", io.moonknight.shared.db.SqlArrays.literal(subscriptionIds))
                .param(
                        "starts",
                        io.moonknight.shared.db.SqlArrays.literal(subscriptionIds.stream()
                                .map(s -> context.periodOf(java.util.Objects.requireNonNull(customerOf.get(s)))
                                        .start())
                                .toList()))
                .param(
                        "invoices",
                        io.moonknight.shared.db.SqlArrays.literal(
                                subscriptionIds.stream().map(invoiceFor::get).toList()))
                .param(
                        "froms",
                        io.moonknight.shared.db.SqlArrays.literal(subscriptionIds.stream()
                                .map(id -> java.util.Objects.requireNonNull(unbilled.get(id))
                                        .start())
                                .toList()))
                .param(
                        "ends",
                        io.moonknight.shared.db.SqlArrays.literal(subscriptionIds.stream()
                                .map(id -> java.util.Objects.requireNonNull(unbilled.get(id))
                                        .end())
                                .toList()))
                .query(UUID.class)
                .list());
        List<InvoiceWriter.Draft> drafts = new ArrayList<>(claimed.size());
        for (SubscriptionSummary subscription : chunk) {
            if (!claimed.contains(subscription.id())) {
                continue;
            }
            List<InvoiceWriter.Charge> lines = java.util.Objects.requireNonNull(linesOf.get(subscription.id()));
            Period period = context.invoicePeriod(subscription);
            drafts.add(new InvoiceWriter.Draft(
                    java.util.Objects.requireNonNull(invoiceFor.get(subscription.id())),
                    java.util.Objects.requireNonNull(byCustomer.get(subscription.customerId())),
                    lines,
                    period.start(),
                    period.end()));
            amount[0] = amount[0].add(sum(lines));
        }
        writer.issueAll(drafts, context.today());
        credit.applyWhereFree(
                drafts.stream().map(d -> d.account().id()).distinct().toList());
        return drafts.size();
    }

    private static String label(PlanSummary plan, Period period, Period used) {
        return plan.name() + " " + used.start() + " – " + used.end().minusDays(1)
                + (used.days() < period.days() ? " (" + used.days() + " of " + period.days() + " days)" : "");
    }

    /** Bills one subscription for the period; returns the amount, or null when there was nothing to bill. */
    @Nullable
    BigDecimal billOne(
            SubscriptionSummary subscription,
            RunContext context,
            boolean dryRun,
            List<BillingRunPreviews.Item> preview) {
        Period period = context.periodOf(subscription.customerId());
        if (context.unbilled(subscription) == null) {
            return null;
        }
        if (dryRun) {
            var currency = accounts.tenantCurrency();
            List<InvoiceWriter.Charge> lines = lines(subscription, context, currency);
            if (lines.isEmpty()) {
                return null;
            }
            BigDecimal amount = sum(lines);
            preview.add(new BillingRunPreviews.Item(
                    subscription.customerId(), subscription.username(), amount, currency.getCurrencyCode()));
            return amount;
        }
        return transactions.execute(status -> {
            Accounts.Account account = accounts.lockFor(subscription.customerId());
            List<InvoiceWriter.Charge> lines = lines(subscription, context, account.currency());
            if (lines.isEmpty()) {
                return null;
            }
            UUID invoiceId = UUID.randomUUID();
            Period days = java.util.Objects.requireNonNull(context.unbilled(subscription));
            int claimed = jdbc.sql("""
                insert into billing.billed_periods (tenant_id, subscription_id, period_start, invoice_id, kind, days)
                values (:t, :s, :p, :i, 'POSTPAID', daterange(:from, :to)) on conflict do nothing
                """)
                    .param("t", TenantContext.require())
                    .param("s", subscription.id())
                    .param("p", period.start())
                    .param("i", invoiceId)
                    .param("from", days.start())
                    .param("to", days.end())
                    .update();
            if (claimed == 0) {
                return null;
            }
            Period named = context.invoicePeriod(subscription);
            UUID issued = writer.issue(account, lines, named.start(), named.end(), context.today());
            jdbc.sql("update billing.billed_periods set invoice_id = :i where subscription_id = :s and"
                            + " period_start = :p")
                    .param("i", issued)
                    .param("s", subscription.id())
                    .param("p", period.start())
                    .update();
            credit.apply(account.id());
            return sum(lines);
        });
    }
}
