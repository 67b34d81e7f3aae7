package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.domain.Money;
import io.moonknight.billing.domain.Overage;
import io.moonknight.billing.domain.Period;
import io.moonknight.billing.domain.Proration;
import io.moonknight.billing.domain.ServiceSegments;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.radius.UsageMeter;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.BillingChange;
import io.moonknight.subscriptions.SubscriptionDirectory;
import io.moonknight.subscriptions.SubscriptionSummary;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing runs, invoices, payments and the ledger, in the bound tenant.
 *
 * <p>A run bills monthly postpaid subscriptions in arrears: on its date it bills the last calendar month that has
 * ended, prorated from the start date when the subscription began within it. Each subscription is billed in its
 * own transaction that first claims {@code (subscription, period)} in {@code billed_periods}: a repeated or
 * resumed run finds the claim and skips, so nothing is billed twice and a crash loses nothing but the one
 * subscription in flight (rolled back, billed by the next run). At most one run per tenant runs at a time,
 * across instances (a partial unique index on running runs).
 */
@Service
public class BillingService {

    private static final Logger log = LoggerFactory.getLogger(BillingService.class);
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final InvoiceWriter writer;
    private final SubscriptionDirectory subscriptions;
    private final PlanCatalog plans;
    private final CustomerDirectory customers;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Prepaid prepaid;
    private final Charges charges;
    private final Credit credit;
    private final UsageMeter usage;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    BillingService(
            JdbcClient jdbc,
            Accounts accounts,
            InvoiceWriter writer,
            SubscriptionDirectory subscriptions,
            PlanCatalog plans,
            CustomerDirectory customers,
            TransactionTemplate transactions,
            AuditTrail audit,
            @org.springframework.context.annotation.Lazy Prepaid prepaid,
            Charges charges,
            Credit credit,
            UsageMeter usage,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.usage = usage;
        this.charges = charges;
        this.credit = credit;
        this.prepaid = prepaid;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.writer = writer;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.customers = customers;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- billing runs

    /** Starts a run for the tenant's today; a dry run bills nothing and lists what it would invoice. */
    public BillingViews.Run start(boolean dryRun, boolean wait) {
        return start(LocalDate.now(clock.withZone(accounts.tenantZone())), dryRun, wait);
    }

    /**
     * What a run today would invoice, one item per invoice: computed as a run computes it, billing nothing and
     * recording no run (a preview is not part of the run history).
     */
    public List<BillingRunPreviews.Item> preview() {
        return preview(LocalDate.now(clock.withZone(accounts.tenantZone())));
    }

    List<BillingRunPreviews.Item> preview(LocalDate today) {
        List<BillingRunPreviews.Item> preview = new ArrayList<>();
        execute(null, today, true, preview);
        return preview;
    }

    /** A run as of {@code today} (the demo's history uses past days). */
    BillingViews.Run start(LocalDate today, boolean dryRun, boolean wait) {
        if (dryRun) {
            return BillingRunPreviews.unsavedRun(today, preview(today), clock.instant());
        }
        UUID tenant = TenantContext.require();
        UUID id = UUID.randomUUID();
        // a run left RUNNING by a crashed instance for an hour is given up, so a new one can resume its work
        jdbc.sql("""
            update billing.billing_runs set status = 'FAILED', error = 'abandoned', finished_at = now()
            where tenant_id = :t and status = 'RUNNING' and started_at < now() - interval '1 hour'
            """).param("t", tenant).update();
        try {
            jdbc.sql("""
                insert into billing.billing_runs (id, tenant_id, run_date, dry_run, status, started_at)
                values (:id, :t, :date, :dry, 'RUNNING', :now)
                """)
                    .param("id", id)
                    .param("t", tenant)
                    .param("date", today)
                    .param("dry", false)
                    .param("now", java.sql.Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException running) {
            throw ProblemException.conflict("run-in-progress", "A billing run is already running for this tenant");
        }
        audit.record(AuditRecord.of("billing-run.started", "BillingRun", id));
        Runnable work = () -> TenantContext.run(tenant, () -> execute(id, today, false, new ArrayList<>()));
        if (wait) {
            work.run();
        } else {
            runner.execute(work);
        }
        return run(id);
    }

    /** What a run needs to know about every subscription it looks at. */
    private record Context(
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

    /** Bills (or, for a dry run, lists) what is due; {@code id} is the run's row, null for a preview that has none. */
    private void execute(@Nullable UUID id, LocalDate today, boolean dryRun, List<BillingRunPreviews.Item> preview) {
        try {
            java.time.ZoneId zone = accounts.tenantZone();
            // every period a run can bill starts after this: a calendar month or an anniversary month ago, at most
            Instant periodStart =
                    today.minusMonths(1).minusDays(31).atStartOfDay(zone).toInstant();
            // terminated during the period: their last days are billed too
            List<SubscriptionSummary> all = subscriptions.billable(periodStart);
            progress(id, all.size(), 0, 0, BigDecimal.ZERO);
            boolean billSuspended = jdbc.sql(
                            "select coalesce((select bill_while_suspended from billing.settings where tenant_id ="
                                    + " :t), true)")
                    .param("t", TenantContext.require())
                    .query(Boolean.class)
                    .single();
            Map<UUID, Integer> billingDays = new HashMap<>();
            jdbc.sql("select customer_id, billing_day from billing.accounts where tenant_id = :t and billing_day is not"
                            + " null")
                    .param("t", TenantContext.require())
                    .query((row, i) -> Map.entry(row.getObject("customer_id", UUID.class), row.getInt("billing_day")))
                    .list()
                    .forEach(e -> billingDays.put(e.getKey(), e.getValue()));
            // how far postpaid runs have billed each subscription: a run bills only the days after that
            Map<UUID, LocalDate> billedUntil = new HashMap<>();
            jdbc.sql("""
                select subscription_id, max(upper(days)) as until from billing.billed_periods
                where tenant_id = :t and kind = 'POSTPAID' and upper(days) > :since group by subscription_id
                """)
                    .param("t", TenantContext.require())
                    .param("since", LocalDate.ofInstant(periodStart, zone))
                    .query((row, i) -> Map.entry(
                            row.getObject("subscription_id", UUID.class), row.getObject("until", LocalDate.class)))
                    .list()
                    .forEach(e -> billedUntil.put(e.getKey(), e.getValue()));
            var context = new Context(
                    billingDays,
                    new HashMap<>(),
                    today,
                    zone,
                    subscriptions.billingChanges(periodStart),
                    billSuspended ? java.util.Set.of("ACTIVE", "SUSPENDED") : java.util.Set.of("ACTIVE"),
                    new HashMap<>(),
                    billedUntil);
            int done = 0;
            int invoiced = 0;
            BigDecimal amount = BigDecimal.ZERO;
            if (!dryRun) {
                List<SubscriptionSummary> todo = new ArrayList<>();
                for (SubscriptionSummary subscription : all) {
                    if (context.unbilled(subscription) == null) {
                        done++;
                    } else {
                        todo.add(subscription);
                    }
                }
                for (int from = 0; from < todo.size(); from += CHUNK) {
                    List<SubscriptionSummary> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
                    BigDecimal[] chunkAmount = {BigDecimal.ZERO};
                    int[] chunkInvoices = {0};
                    try {
                        transactions.executeWithoutResult(status -> {
                            chunkAmount[0] = BigDecimal.ZERO;
                            chunkInvoices[0] = billChunk(chunk, context, chunkAmount);
                        });
                    } catch (RuntimeException chunkFailed) {
                        // one bad subscription must not hold back the others: bill this chunk one by one
                        log.warn("Billing chunk failed, billing its subscriptions one by one", chunkFailed);
                        chunkAmount[0] = BigDecimal.ZERO;
                        chunkInvoices[0] = 0;
                        for (SubscriptionSummary subscription : chunk) {
                            try {
                                BigDecimal one = billOne(subscription, context, false, preview);
                                if (one != null) {
                                    chunkInvoices[0]++;
                                    chunkAmount[0] = chunkAmount[0].add(one);
                                }
                            } catch (RuntimeException e) {
                                log.warn("Subscription {} could not be billed", subscription.id(), e);
                            }
                        }
                    }
                    done += chunk.size();
                    invoiced += chunkInvoices[0];
                    amount = amount.add(chunkAmount[0]);
                    progress(id, all.size(), done, invoiced, amount);
                }
                // one-time charges due by today: one invoice per account
                BigDecimal[] charged = {BigDecimal.ZERO};
                Integer chargeInvoices =
                        transactions.execute(status -> charges.invoiceAllPending(today, charged, false, preview));
                invoiced += chargeInvoices == null ? 0 : chargeInvoices;
                amount = amount.add(charged[0]);
                progress(id, all.size(), done, invoiced, amount);
                // the ones still in service (terminated ones were only read for their last days)
                prepaid.renewDue(
                        all.stream()
                                .filter(s -> s.status() != io.moonknight.subscriptions.SubscriptionStatus.TERMINATED)
                                .toList(),
                        today);
                finish(id, "COMPLETED", null);
                return;
            }
            for (SubscriptionSummary subscription : all) {
                BigDecimal billed = billOne(subscription, context, true, preview);
                done++;
                if (billed != null) {
                    invoiced++;
                    amount = amount.add(billed);
                }
                if (done % 200 == 0) {
                    progress(id, all.size(), done, invoiced, amount);
                }
            }
            BigDecimal[] charged = {BigDecimal.ZERO};
            invoiced += charges.invoiceAllPending(today, charged, true, preview);
            amount = amount.add(charged[0]);
            progress(id, all.size(), done, invoiced, amount);
            finish(id, "COMPLETED", null);
        } catch (RuntimeException e) {
            if (id == null) {
                throw e;
            }
            log.error("Billing run {} failed", id, e);
            finish(id, "FAILED", String.valueOf(e.getMessage()));
        }
    }

    /**
     * The invoice lines of one subscription for the period: one per stretch on a monthly postpaid plan (a plan
     * change splits it; suspension, when not billed, and termination cut it), each prorated by its days.
     */
    private List<InvoiceWriter.Charge> lines(
            SubscriptionSummary subscription, Context context, java.util.Currency currency) {
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
            List<SubscriptionSummary> chunk, Context context, Map<UUID, java.util.Currency> currencyOf) {
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
            SubscriptionSummary subscription, Context context, java.util.Currency currency, Metered[] metered) {
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

    private static BigDecimal sum(List<InvoiceWriter.Charge> lines) {
        return lines.stream().map(InvoiceWriter.Charge::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Bills a chunk in the caller's transaction: claims its periods, then issues all its invoices at once. */
    private int billChunk(List<SubscriptionSummary> chunk, Context context, BigDecimal[] amount) {
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
    private @Nullable BigDecimal billOne(
            SubscriptionSummary subscription, Context context, boolean dryRun, List<BillingRunPreviews.Item> preview) {
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

    private void progress(@Nullable UUID id, int total, int done, int invoiced, BigDecimal amount) {
        if (id == null) {
            return;
        }
        jdbc.sql("update billing.billing_runs set total = :total, done = :done, invoiced = :inv, amount ="
                        + " :amount where id = :id")
                .param("total", total)
                .param("done", done)
                .param("inv", invoiced)
                .param("amount", amount)
                .param("id", id)
                .update();
    }

    private void finish(@Nullable UUID id, String status, @Nullable String error) {
        if (id == null) {
            return;
        }
        jdbc.sql("update billing.billing_runs set status = :s, error = :e, finished_at = :now where id = :id")
                .param("s", status)
                .param("e", error)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
    }

    public BillingViews.Run run(UUID id) {
        return jdbc.sql("select * from billing.billing_runs where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", id)
                .query((row, i) -> runView(row))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Billing run", id));
    }

    public List<BillingViews.Run> runs() {
        return jdbc.sql("select * from billing.billing_runs where tenant_id = :t order by started_at desc limit 50")
                .param("t", TenantContext.require())
                .query((row, i) -> runView(row))
                .list();
    }

    /** The tenant's billing runs, newest first. */
    public Page<BillingViews.Run> runs(Pageable page) {
        UUID tenant = TenantContext.require();
        List<BillingViews.Run> runs = jdbc.sql("select * from billing.billing_runs where tenant_id = :t"
                        + " order by started_at desc, id desc limit :limit offset :offset")
                .param("t", tenant)
                .param("limit", page.getPageSize())
                .param("offset", page.getOffset())
                .query((row, i) -> runView(row))
                .list();
        long total = jdbc.sql("select count(*) from billing.billing_runs where tenant_id = :t")
                .param("t", tenant)
                .query(Long.class)
                .single();
        return new PageImpl<>(runs, page, total);
    }

    private static BillingViews.Run runView(ResultSet row) throws SQLException {
        var finished = row.getTimestamp("finished_at");
        return new BillingViews.Run(
                row.getObject("id", UUID.class),
                row.getObject("run_date", LocalDate.class),
                row.getBoolean("dry_run"),
                row.getString("status"),
                row.getInt("total"),
                row.getInt("done"),
                row.getInt("invoiced"),
                row.getBigDecimal("amount"),
                row.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant(),
                row.getString("error"),
                List.of());
    }

    // ---- invoices

    @Transactional(readOnly = true)
    public Page<BillingViews.Invoice> invoices(@Nullable UUID customerId, @Nullable String status, Pageable pageable) {
        var where = new StringBuilder("tenant_id = :t");
        Map<String, Object> params = new HashMap<>();
        params.put("t", TenantContext.require());
        if (customerId != null) {
            where.append(" and customer_id = :c");
            params.put("c", customerId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = :s");
            params.put("s", status.strip().toUpperCase(java.util.Locale.ROOT));
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        long[] total = {0};
        List<BillingViews.Invoice> rows = jdbc.sql("select *, count(*) over () as all_rows from billing.invoices where "
                        + where + " order by created_at desc, id limit :limit offset :offset")
                .params(params)
                .query((row, i) -> {
                    total[0] = row.getLong("all_rows");
                    return invoiceView(row, List.of());
                })
                .list();
        return new PageImpl<>(rows, pageable, total[0]);
    }

    @Transactional(readOnly = true)
    public BillingViews.Invoice invoice(UUID id) {
        List<BillingViews.InvoiceLine> lines = jdbc.sql(
                        "select * from billing.invoice_lines where invoice_id = :id order by position")
                .param("id", id)
                .query((row, i) -> new BillingViews.InvoiceLine(
                        row.getInt("position"),
                        row.getString("description"),
                        row.getObject("subscription_id", UUID.class),
                        row.getObject("period_start", LocalDate.class),
                        row.getObject("period_end", LocalDate.class),
                        row.getBigDecimal("net"),
                        row.getBigDecimal("tax"),
                        row.getBigDecimal("total")))
                .list();
        return jdbc.sql("select * from billing.invoices where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", id)
                .query((row, i) -> invoiceView(row, lines))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Invoice", id));
    }

    /** Voids an unpaid invoice: a credit note entry in the ledger takes its amount back; nothing is deleted. */
    @Transactional
    public BillingViews.Invoice voidInvoice(UUID id, String reason) {
        // the status that decides whether a credit note is due is read under the account's lock, which issuing,
        // paying and voiding all take first: a status read before it could be a draft issued meanwhile
        accounts.lockFor(invoice(id).customerId());
        var invoice = invoice(id);
        int voided = jdbc.sql("""
            update billing.invoices set status = 'VOID', voided_at = :now, void_reason = :r
            where id = :id and status = :seen and (status = 'DRAFT' or (status = 'ISSUED' and paid = 0))
            """)
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("r", reason)
                .param("id", id)
                .param("seen", invoice.status())
                .update();
        if (voided == 0) {
            throw ProblemException.conflict(
                    "invoice-not-voidable",
                    "Only a draft or an issued, unpaid invoice can be voided; refund payments first");
        }
        UUID tenant = TenantContext.require();
        if (invoice.status().equals("ISSUED")) {
            UUID account = accounts.of(invoice.customerId()).id();
            String number = java.util.Objects.requireNonNull(invoice.number());
            accounts.post(account, "CREDIT_NOTE", invoice.total().negate(), id, "Credit note for " + number);
            events.publishEvent(new io.moonknight.billing.CreditNoteIssued(
                    tenant, invoice.customerId(), id, number, invoice.total(), invoice.currency(), clock.instant()));
        }
        events.publishEvent(new io.moonknight.billing.InvoiceVoided(
                tenant, invoice.customerId(), id, invoice.number(), reason, clock.instant()));
        audit.record(AuditRecord.of("invoice.voided", "Invoice", id).with("reason", reason));
        return invoice(id);
    }

    /** A line of a manual invoice: the amount is the quantity times the unit price, negative for a discount. */
    public record DraftLine(
            String description,
            BigDecimal quantity,
            BigDecimal unitPrice,
            @Nullable String taxClass) {}

    /** A manual invoice, as a draft: lines and totals, no number until it is issued. */
    @Transactional
    public BillingViews.Invoice draft(UUID customerId, List<DraftLine> lines) {
        var _ = customers
                .find(customerId)
                .orElseThrow(() -> ProblemException.invalidField("customerId", "no such customer"));
        Accounts.Account account = accounts.of(customerId);
        UUID id = writer.draft(account, charges(account, lines), null, null);
        audit.record(AuditRecord.of("invoice.drafted", "Invoice", id).with("lines", lines.size()));
        return invoice(id);
    }

    /** Replaces a draft's lines; 409 {@code invoice-not-draft} once it is issued or void. */
    @Transactional
    public BillingViews.Invoice updateDraft(UUID id, List<DraftLine> lines) {
        Accounts.Account account = accounts.lockFor(invoice(id).customerId());
        var invoice = invoice(id);
        int locked = jdbc.sql("select count(*) from (select 1 from billing.invoices where id = :id and status ="
                        + " 'DRAFT' for update) d")
                .param("id", id)
                .query(Integer.class)
                .single();
        if (locked == 0) {
            throw notDraft(invoice);
        }
        writer.replaceLines(id, account, charges(account, lines));
        audit.record(AuditRecord.of("invoice.draft-changed", "Invoice", id).with("lines", lines.size()));
        return invoice(id);
    }

    /** Issues a draft: its gapless number, dates and ledger debit; paid from credit where there is some. */
    @Transactional
    public BillingViews.Invoice issue(UUID id) {
        Accounts.Account account = accounts.lockFor(invoice(id).customerId());
        var invoice = invoice(id);
        if (invoice.status().equals("DRAFT") && invoice.total().signum() <= 0) {
            throw ProblemException.conflict("invoice-empty", "An invoice for nothing or less cannot be issued");
        }
        if (!writer.issueDraft(id, account, LocalDate.now(clock.withZone(accounts.tenantZone())))) {
            throw notDraft(invoice(id));
        }
        credit.apply(account.id());
        return invoice(id);
    }

    private static ProblemException notDraft(BillingViews.Invoice invoice) {
        return ProblemException.conflict(
                        "invoice-not-draft", "Only a draft can be changed or issued; this one is " + invoice.status())
                .with("currentStatus", invoice.status());
    }

    private static List<InvoiceWriter.Charge> charges(Accounts.Account account, List<DraftLine> lines) {
        List<ProblemException.FieldError> problems = new ArrayList<>();
        if (lines.isEmpty() || lines.size() > 100) {
            problems.add(new ProblemException.FieldError("lines", "give 1 to 100 lines"));
        }
        List<InvoiceWriter.Charge> charges = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            DraftLine line = lines.get(i);
            String at = "lines[" + i + "]";
            if (line.description().isBlank() || line.description().length() > 200) {
                problems.add(new ProblemException.FieldError(at + ".description", "give 1 to 200 characters"));
            }
            if (line.quantity().signum() <= 0) {
                problems.add(new ProblemException.FieldError(at + ".quantity", "must be more than zero"));
            }
            BigDecimal amount = Money.round(line.quantity().multiply(line.unitPrice()), account.currency());
            if (amount.signum() == 0) {
                problems.add(new ProblemException.FieldError(
                        at + ".unitPrice",
                        "comes to nothing in " + account.currency().getCurrencyCode()));
            }
            charges.add(new InvoiceWriter.Charge(
                    line.quantity().compareTo(BigDecimal.ONE) == 0
                            ? line.description().strip()
                            : line.description().strip() + " ("
                                    + line.quantity().stripTrailingZeros().toPlainString() + " × "
                                    + line.unitPrice().stripTrailingZeros().toPlainString() + ")",
                    null,
                    null,
                    null,
                    amount,
                    line.taxClass() == null || line.taxClass().isBlank()
                            ? "standard"
                            : line.taxClass().strip()));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalidFields(problems);
        }
        return charges;
    }

    private BillingViews.Invoice invoiceView(ResultSet row, List<BillingViews.InvoiceLine> lines) throws SQLException {
        BigDecimal total = row.getBigDecimal("total");
        BigDecimal paid = row.getBigDecimal("paid");
        String status = row.getString("status");
        LocalDate due = row.getObject("due_on", LocalDate.class);
        BigDecimal open = status.equals("VOID") ? BigDecimal.ZERO : total.subtract(paid);
        boolean overdue =
                open.signum() > 0 && due != null && due.isBefore(LocalDate.now(clock.withZone(accounts.tenantZone())));
        return new BillingViews.Invoice(
                row.getObject("id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getString("number"),
                status,
                row.getString("currency"),
                row.getObject("issued_on", LocalDate.class),
                due,
                row.getObject("period_start", LocalDate.class),
                row.getObject("period_end", LocalDate.class),
                row.getBigDecimal("net"),
                row.getBigDecimal("tax"),
                total,
                paid,
                open,
                overdue,
                row.getString("void_reason"),
                row.getString("customer_tax_id"),
                row.getBoolean("tax_exempt"),
                lines);
    }

    // ---- payments and the ledger

    /** A manual payment, allocated to the chosen invoices or else the oldest open ones; the rest stays as credit. */
    @Transactional
    public BillingViews.Payment recordPayment(
            UUID customerId, BigDecimal amount, String method, @Nullable String reference, List<UUID> invoiceIds) {
        var _ = customers
                .find(customerId)
                .orElseThrow(() -> ProblemException.invalidField("customerId", "no such customer"));
        Accounts.Account account = accounts.lockFor(customerId);
        if (amount.signum() <= 0) {
            throw ProblemException.invalidField("amount", "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > Money.minorDigits(account.currency())) {
            throw ProblemException.invalidField(
                    "amount",
                    "has more decimals than " + account.currency().getCurrencyCode() + " has ("
                            + Money.minorDigits(account.currency()) + ")");
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        jdbc.sql("""
            insert into billing.payments (id, tenant_id, account_id, customer_id, method, reference, amount, currency,
                received_at, recorded_by, receipt_number) values (:id, :t, :a, :c, :m, :r, :amount, :cur, :now, :by,
                :receipt)
            """)
                .param("receipt", nextReceiptNumber(LocalDate.ofInstant(now, accounts.tenantZone())))
                .param("id", id)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param("c", customerId)
                .param("m", method)
                .param("r", reference)
                .param("amount", amount)
                .param("cur", account.currency().getCurrencyCode())
                .param("now", java.sql.Timestamp.from(now))
                .param("by", Actor.current().map(Actor::displayName).orElse("system"))
                .update();
        accounts.post(
                account.id(),
                "PAYMENT",
                amount.negate(),
                id,
                "Payment (" + method.toLowerCase(java.util.Locale.ROOT) + (reference == null ? "" : " " + reference)
                        + ")");
        BigDecimal left = amount;
        var open = jdbc.sql("""
            select id, total - paid as open from billing.invoices
            where tenant_id = :t and account_id = :a and status in ('ISSUED', 'PARTIALLY_PAID')
              and (cardinality(cast(:chosen as uuid[])) = 0 or id = any(cast(:chosen as uuid[])))
            order by issued_on, number for update
            """)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param(
                        "chosen",
                        "{"
                                + String.join(
                                        ",",
                                        invoiceIds.stream().map(UUID::toString).toList()) + "}")
                .query((row, i) -> Map.entry(row.getObject("id", UUID.class), row.getBigDecimal("open")))
                .list();
        if (!invoiceIds.isEmpty() && open.size() != invoiceIds.size()) {
            throw ProblemException.invalidField("invoiceIds", "name open invoices of this customer");
        }
        for (var invoice : open) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal share = left.min(invoice.getValue());
            credit.allocate(id, invoice.getKey(), share);
            left = left.subtract(share);
        }
        audit.record(AuditRecord.of("payment.recorded", "Payment", id)
                .with("amount", amount)
                .with("method", method));
        BillingViews.Payment recorded = payment(id);
        // dunning resumes what it suspended and prepaid services renew, in reaction to this (PaymentReactions)
        events.publishEvent(new io.moonknight.billing.PaymentReceived(
                TenantContext.require(),
                customerId,
                id,
                java.util.Objects.requireNonNull(recorded.receiptNumber()),
                amount,
                account.currency().getCurrencyCode(),
                method,
                now));
        return recorded;
    }

    /** The next gapless receipt number, taken inside the caller's transaction (a rollback gives it back). */
    private String nextReceiptNumber(LocalDate on) {
        UUID tenant = TenantContext.require();
        jdbc.sql("insert into billing.receipt_sequences (tenant_id) values (:t) on conflict (tenant_id) do nothing")
                .param("t", tenant)
                .update();
        return jdbc.sql("""
            update billing.receipt_sequences set next = next + 1 where tenant_id = :t returning next - 1 as seq, format
            """)
                .param("t", tenant)
                .query((row, i) -> io.moonknight.billing.domain.InvoiceNumbers.format(
                        row.getString("format"), on, row.getLong("seq")))
                .single();
    }

    /**
     * Pays money back out of what a payment left as credit (an overpayment or prepayment): at most its unallocated
     * part. Money already spent on invoices is given back by voiding the invoice first (a credit note).
     */
    @Transactional
    public BillingViews.Payment refund(
            UUID paymentId, BigDecimal amount, String method, @Nullable String reference, String reason) {
        UUID accountId = jdbc.sql("select account_id from billing.payments where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", paymentId)
                .query(UUID.class)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
        accounts.lock(accountId); // what the payment has left is read after this, never before
        var payment = jdbc.sql("select account_id, customer_id, currency from billing.payments where tenant_id = :t"
                        + " and id = :id for update")
                .param("t", TenantContext.require())
                .param("id", paymentId)
                .query((row, i) -> new Object[] {
                    row.getObject("account_id", UUID.class),
                    row.getObject("customer_id", UUID.class),
                    java.util.Currency.getInstance(row.getString("currency"))
                })
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Payment", paymentId));
        var currency = (java.util.Currency) payment[2];
        if (amount.signum() <= 0) {
            throw ProblemException.invalidField("amount", "must be more than zero");
        }
        if (amount.stripTrailingZeros().scale() > Money.minorDigits(currency)) {
            throw ProblemException.invalidField(
                    "amount",
                    "has more decimals than " + currency.getCurrencyCode() + " has (" + Money.minorDigits(currency)
                            + ")");
        }
        BigDecimal free = payment(paymentId).unallocated();
        if (amount.compareTo(free) > 0) {
            throw ProblemException.conflict(
                            "refund-exceeds-credit",
                            "At most " + free.toPlainString() + " " + currency.getCurrencyCode()
                                    + " of this payment is unspent credit; void the invoices it paid to refund more")
                    .with("refundable", free);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("""
            insert into billing.refunds (id, tenant_id, account_id, customer_id, payment_id, amount, method, reference,
                reason, refunded_at, recorded_by) values (:id, :t, :a, :c, :p, :amount, :m, :r, :why, :now, :by)
            """)
                .param("id", id)
                .param("t", TenantContext.require())
                .param("a", payment[0])
                .param("c", payment[1])
                .param("p", paymentId)
                .param("amount", amount)
                .param("m", method)
                .param("r", reference)
                .param("why", reason.strip())
                .param("now", java.sql.Timestamp.from(clock.instant()))
                .param("by", Actor.current().map(Actor::displayName).orElse("system"))
                .update();
        accounts.post(
                (UUID) payment[0],
                "REFUND",
                amount,
                id,
                "Refund (" + method.toLowerCase(java.util.Locale.ROOT) + (reference == null ? "" : " " + reference)
                        + "): " + reason.strip());
        audit.record(AuditRecord.of("payment.refunded", "Payment", paymentId)
                .with("amount", amount)
                .with("reason", reason.strip()));
        return payment(paymentId);
    }

    /** Payments, newest first, optionally of one customer. */
    @Transactional(readOnly = true)
    public Page<BillingViews.Payment> payments(@Nullable UUID customerId, Pageable pageable) {
        long[] total = {0};
        List<UUID> ids = jdbc.sql("select id, count(*) over () as all_rows from billing.payments where tenant_id = :t"
                        + (customerId == null ? "" : " and customer_id = :c")
                        + " order by received_at desc, id limit :limit offset :offset")
                .param("t", TenantContext.require())
                .param("c", customerId == null ? new UUID(0, 0) : customerId)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((row, i) -> {
                    total[0] = row.getLong("all_rows");
                    return row.getObject("id", UUID.class);
                })
                .list();
        return new PageImpl<>(ids.stream().map(this::payment).toList(), pageable, total[0]);
    }

    @Transactional(readOnly = true)
    public BillingViews.Payment payment(UUID id) {
        List<BillingViews.Allocation> allocations = jdbc.sql("""
            select a.invoice_id, i.number, a.amount from billing.payment_allocations a
            join billing.invoices i on i.id = a.invoice_id where a.payment_id = :id order by i.issued_on, i.number
            """)
                .param("id", id)
                .query((row, i) -> new BillingViews.Allocation(
                        row.getObject("invoice_id", UUID.class), row.getString("number"), row.getBigDecimal("amount")))
                .list();
        BigDecimal allocated =
                allocations.stream().map(BillingViews.Allocation::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<BillingViews.Refund> refunds = jdbc.sql(
                        "select * from billing.refunds where tenant_id = :t and payment_id = :id order by refunded_at")
                .param("t", TenantContext.require())
                .param("id", id)
                .query((row, i) -> new BillingViews.Refund(
                        row.getObject("id", UUID.class),
                        row.getBigDecimal("amount"),
                        row.getString("method"),
                        row.getString("reference"),
                        row.getString("reason"),
                        row.getTimestamp("refunded_at").toInstant(),
                        row.getString("recorded_by")))
                .list();
        BigDecimal refunded =
                refunds.stream().map(BillingViews.Refund::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return jdbc.sql("select * from billing.payments where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", id)
                .query((row, i) -> new BillingViews.Payment(
                        id,
                        row.getObject("customer_id", UUID.class),
                        row.getString("receipt_number"),
                        row.getString("method"),
                        row.getString("reference"),
                        row.getBigDecimal("amount"),
                        row.getString("currency"),
                        row.getTimestamp("received_at").toInstant(),
                        allocated,
                        refunded,
                        row.getBigDecimal("amount").subtract(allocated).subtract(refunded),
                        allocations,
                        refunds))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Payment", id));
    }

    @Transactional
    public BillingViews.Ledger ledger(UUID customerId) {
        var _ = customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        Accounts.Account account = accounts.of(customerId);
        BigDecimal[] running = {BigDecimal.ZERO};
        List<BillingViews.LedgerEntry> entries = jdbc.sql("""
            select * from billing.ledger_entries where tenant_id = :t and account_id = :a order by occurred_at, id
            """)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .query((row, i) -> {
                    running[0] = running[0].add(row.getBigDecimal("amount"));
                    return new BillingViews.LedgerEntry(
                            row.getObject("id", UUID.class),
                            row.getTimestamp("occurred_at").toInstant(),
                            row.getString("kind"),
                            row.getBigDecimal("amount"),
                            running[0],
                            row.getString("description"),
                            row.getObject("reference_id", UUID.class));
                })
                .list();
        return new BillingViews.Ledger(
                customerId, account.currency().getCurrencyCode(), accounts.balance(account.id()), entries);
    }
}
