package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
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
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing runs in the bound tenant: starting one, previewing one, and the run history.
 *
 * <p>A run bills monthly postpaid subscriptions in arrears: on its date it bills the last calendar month that has
 * ended, prorated from the start date when the subscription began within it. Each subscription is billed in its
 * own transaction that first claims {@code (subscription, period)} in {@code billed_periods}: a repeated or
 * resumed run finds the claim and skips, so nothing is billed twice and a crash loses nothing but the one
 * subscription in flight (rolled back, billed by the next run). At most one run per tenant runs at a time,
 * across instances (a partial unique index on running runs). {@link PostpaidInvoicing} bills the subscriptions.
 */
@Service
public class BillingRuns {

    private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);
    private static final int CHUNK = 500;

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final SubscriptionDirectory subscriptions;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Prepaid prepaid;
    private final Charges charges;
    private final PostpaidInvoicing postpaid;
    private final Clock clock;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();

    BillingRuns(
            JdbcClient jdbc,
            Accounts accounts,
            SubscriptionDirectory subscriptions,
            TransactionTemplate transactions,
            AuditTrail audit,
            @org.springframework.context.annotation.Lazy Prepaid prepaid,
            Charges charges,
            PostpaidInvoicing postpaid,
            Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.subscriptions = subscriptions;
        this.transactions = transactions;
        this.audit = audit;
        this.prepaid = prepaid;
        this.charges = charges;
        this.postpaid = postpaid;
        this.clock = clock;
    }

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
            var context = new RunContext(
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
                            chunkInvoices[0] = postpaid.billChunk(chunk, context, chunkAmount);
                        });
                    } catch (RuntimeException chunkFailed) {
                        // one bad subscription must not hold back the others: bill this chunk one by one
                        log.warn("Billing chunk failed, billing its subscriptions one by one", chunkFailed);
                        chunkAmount[0] = BigDecimal.ZERO;
                        chunkInvoices[0] = 0;
                        for (SubscriptionSummary subscription : chunk) {
                            try {
                                BigDecimal one = postpaid.billOne(subscription, context, false, preview);
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
                BigDecimal billed = postpaid.billOne(subscription, context, true, preview);
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
}
