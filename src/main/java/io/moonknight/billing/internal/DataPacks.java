package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.DataPackEnded;
import io.moonknight.billing.domain.Money;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.radius.UsageMeter;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.SubscriptionDirectory;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Data packs: a data plan's quota, valid for its days, bought for a subscription (invoiced at once and paid from
 * credit where there is some). Every minute each tenant's active packs take their share of what RADIUS counted
 * since they last looked, oldest pack first, and a pack that is used up or past its validity ends
 * ({@link DataPackEnded}, on the customer's timeline). A pack only counts what was used after it was bought.
 *
 * <p>What packs take is reported to RADIUS as covered, so fair use and overage leave it out; while a
 * subscription has an active pack its fair-use limits are lifted (a subscriber blocked at a limit can buy a pack
 * and log in again), and when its last pack ends the limit applies again (a CoA or a disconnect).
 */
@Component
public class DataPacks {

    private static final Logger log = LoggerFactory.getLogger(DataPacks.class);
    private static final long BYTES_PER_MB = 1_000_000L;

    public record Pack(
            UUID id,
            UUID subscriptionId,
            UUID planId,
            String name,
            long quotaBytes,
            long usedBytes,
            long remainingBytes,
            Instant validFrom,
            Instant validUntil,
            String status,
            @Nullable UUID invoiceId,
            Instant createdAt) {}

    private final JdbcClient jdbc;
    private final Accounts accounts;
    private final InvoiceWriter writer;
    private final Credit credit;
    private final SubscriptionDirectory subscriptions;
    private final PlanCatalog plans;
    private final UsageMeter usage;
    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;
    private final AuditTrail audit;
    private final Clock clock;
    private final boolean scheduled;
    private final org.springframework.context.ApplicationEventPublisher events;

    DataPacks(
            JdbcClient jdbc,
            Accounts accounts,
            InvoiceWriter writer,
            Credit credit,
            SubscriptionDirectory subscriptions,
            PlanCatalog plans,
            UsageMeter usage,
            TenantDirectory tenants,
            TransactionTemplate transactions,
            AuditTrail audit,
            Clock clock,
            org.springframework.context.ApplicationEventPublisher events,
            @Value("${moonknight.billing.daily-run:true}") boolean scheduled) {
        this.events = events;
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.writer = writer;
        this.credit = credit;
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.usage = usage;
        this.tenants = tenants;
        this.transactions = transactions;
        this.audit = audit;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    /** Buys a data pack for a subscription: invoiced now, active at once for the plan's validity. */
    @Transactional
    public Pack buy(UUID subscriptionId, UUID planId) {
        var subscription = subscriptions
                .find(subscriptionId)
                .orElseThrow(() -> ProblemException.notFound("Subscription", subscriptionId));
        var plan = plans.find(planId)
                .filter(p -> p.billingType() == BillingType.DATA_PACK)
                .orElseThrow(() -> ProblemException.invalidField("planId", "is not a data pack of this ISP"));
        if (!plan.active()) {
            throw ProblemException.invalidField("planId", "is archived and no longer sold");
        }
        if (subscription.status() == SubscriptionStatus.TERMINATED) {
            throw ProblemException.conflict("subscription-terminated", "A terminated subscription cannot get data");
        }
        Long quotaMb = plan.quotaMb();
        Integer validityDays = plan.validityDays();
        if (quotaMb == null || validityDays == null) {
            throw ProblemException.invalidField("planId", "has no data allowance or validity");
        }
        Accounts.Account account = accounts.lockFor(subscription.customerId());
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock.withZone(accounts.tenantZone()));
        UUID invoice = writer.issue(
                account,
                List.of(new InvoiceWriter.Charge(
                        "Data pack: " + plan.name(),
                        subscriptionId,
                        today,
                        today.plusDays(validityDays),
                        Money.round(plan.price(), account.currency()),
                        plan.taxClass())),
                null,
                null,
                today);
        credit.apply(account.id());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
            insert into billing.data_packs (id, tenant_id, account_id, customer_id, subscription_id, plan_id, name,
                quota_bytes, counter_at, valid_from, valid_until, status, invoice_id, created_at, created_by)
            values (:id, :t, :a, :c, :s, :p, :name, :quota, :counter, :from, :until, 'ACTIVE', :invoice, :from, :by)
            """)
                .param("id", id)
                .param("t", TenantContext.require())
                .param("a", account.id())
                .param("c", subscription.customerId())
                .param("s", subscriptionId)
                .param("p", planId)
                .param("name", plan.name())
                .param("quota", quotaMb * BYTES_PER_MB)
                .param("counter", usage.totalBytes(List.of(subscriptionId)).getOrDefault(subscriptionId, 0L))
                .param("from", java.sql.Timestamp.from(now))
                .param("until", java.sql.Timestamp.from(now.plus(Duration.ofDays(validityDays))))
                .param("invoice", invoice)
                .param("by", Actor.current().map(Actor::displayName).orElse("system"))
                .update();
        refreshTopUp(subscriptionId);
        audit.record(AuditRecord.of("data-pack.bought", "Subscription", subscriptionId)
                .with("plan", plan.name())
                .with("pack", id));
        return get(id);
    }

    /** Tells RADIUS until when the subscription has a pack (the latest active one's end), or that it has none. */
    private void refreshTopUp(UUID subscriptionId) {
        var until = jdbc.sql("""
            select valid_until from billing.data_packs
            where tenant_id = :t and subscription_id = :s and status = 'ACTIVE' order by valid_until desc limit 1
            """)
                .param("t", TenantContext.require())
                .param("s", subscriptionId)
                .query(java.sql.Timestamp.class)
                .optional();
        usage.topUp(subscriptionId, until.map(java.sql.Timestamp::toInstant).orElse(null));
    }

    @Transactional(readOnly = true)
    public Pack get(UUID id) {
        return jdbc.sql("select * from billing.data_packs where tenant_id = :t and id = :id")
                .param("t", TenantContext.require())
                .param("id", id)
                .query(DataPacks::view)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Data pack", id));
    }

    /** A subscription's packs, newest first. */
    @Transactional(readOnly = true)
    public List<Pack> ofSubscription(UUID subscriptionId) {
        var _ = subscriptions
                .find(subscriptionId)
                .orElseThrow(() -> ProblemException.notFound("Subscription", subscriptionId));
        return jdbc.sql("select * from billing.data_packs where tenant_id = :t and subscription_id = :s"
                        + " order by valid_from desc limit 100")
                .param("t", TenantContext.require())
                .param("s", subscriptionId)
                .query(DataPacks::view)
                .list();
    }

    @Scheduled(initialDelay = 60, fixedDelay = 60, timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    @SchedulerLock(name = "billing.data-packs", lockAtMostFor = "PT10M", lockAtLeastFor = "PT30S")
    void everyMinute() {
        if (!scheduled) {
            return;
        }
        for (TenantView tenant : tenants.active()) {
            try {
                TenantContext.run(tenant.id(), this::consume);
            } catch (RuntimeException e) {
                log.warn("Data packs of {} not brought up to date", tenant.slug(), e);
            }
        }
    }

    record Active(UUID id, UUID subscription, long remaining, long counterAt) {}

    /**
     * Brings the bound tenant's active packs up to date: ends those past their validity, then gives each the
     * usage it is owed. Usage between two readings goes to the packs that existed at the first, oldest first.
     * Returns how many packs changed. Safe to run on several instances at once (the packs are locked).
     */
    public int consume() {
        Integer changed = transactions.execute(status -> {
            UUID tenant = TenantContext.require();
            Instant now = clock.instant();
            List<DataPackEnded> ended = new ArrayList<>(jdbc.sql("""
                update billing.data_packs set status = 'EXPIRED'
                where tenant_id = :t and status = 'ACTIVE' and valid_until <= :now
                returning id, customer_id, subscription_id, name, status, used_bytes
                """)
                    .param("t", tenant)
                    .param("now", java.sql.Timestamp.from(now))
                    .query((row, i) -> ended(tenant, row, now))
                    .list());
            int count = ended.size();
            Map<UUID, List<Active>> bySubscription = new LinkedHashMap<>();
            jdbc.sql("""
                select id, subscription_id, quota_bytes - used_bytes as remaining, counter_at from billing.data_packs
                where tenant_id = :t and status = 'ACTIVE' order by subscription_id, valid_from, id for update
                """)
                    .param("t", tenant)
                    .query((row, i) -> new Active(
                            row.getObject("id", UUID.class),
                            row.getObject("subscription_id", UUID.class),
                            row.getLong("remaining"),
                            row.getLong("counter_at")))
                    .list()
                    .forEach(p -> bySubscription
                            .computeIfAbsent(p.subscription(), s -> new ArrayList<>())
                            .add(p));
            if (bySubscription.isEmpty()) {
                return finish(ended, Map.of(), count);
            }
            Map<UUID, Long> counters = usage.totalBytes(bySubscription.keySet());
            Map<UUID, Long> covered = new LinkedHashMap<>();
            for (var entry : bySubscription.entrySet()) {
                long counter = counters.getOrDefault(entry.getKey(), 0L);
                Map<UUID, Long> taken = share(entry.getValue(), counter);
                for (Active pack : entry.getValue()) {
                    long took = taken.getOrDefault(pack.id(), 0L);
                    covered.merge(entry.getKey(), took, Long::sum);
                    if (took == 0 && pack.counterAt() >= counter) {
                        continue;
                    }
                    var updated = jdbc.sql("""
                        update billing.data_packs set used_bytes = used_bytes + :took, counter_at = :counter,
                            status = case when used_bytes + :took >= quota_bytes then 'USED_UP' else status end
                        where id = :id
                        returning id, customer_id, subscription_id, name, status, used_bytes
                        """)
                            .param("took", took)
                            .param("counter", counter)
                            .param("id", pack.id())
                            .query((row, i) -> ended(tenant, row, now))
                            .list();
                    count += updated.size();
                    updated.stream().filter(e -> e.reason().equals("USED_UP")).forEach(ended::add);
                }
            }
            return finish(ended, covered, count);
        });
        return changed == null ? 0 : changed;
    }

    /** Reports what packs covered, tells RADIUS about subscriptions whose packs ended, and publishes the ends. */
    private int finish(List<DataPackEnded> ended, Map<UUID, Long> covered, int count) {
        usage.covered(covered);
        ended.stream().map(DataPackEnded::subscriptionId).distinct().forEach(this::refreshTopUp);
        ended.forEach(events::publishEvent);
        return count;
    }

    /**
     * What each pack (oldest first) takes of the usage up to {@code counter}: the stretch between two readings
     * goes to the packs that had been read by its start, in order, each up to what it has left.
     */
    static Map<UUID, Long> share(List<Active> packs, long counter) {
        TreeSet<Long> points = new TreeSet<>();
        packs.forEach(p -> points.add(Math.min(p.counterAt(), counter)));
        points.add(counter);
        Map<UUID, Long> remaining = new LinkedHashMap<>();
        packs.forEach(p -> remaining.put(p.id(), p.remaining()));
        Map<UUID, Long> taken = new LinkedHashMap<>();
        Long from = points.first();
        for (Long to : points.tailSet(from, false)) {
            long left = to - from;
            for (Active pack : packs) {
                if (left <= 0) {
                    break;
                }
                if (pack.counterAt() > from) {
                    continue; // bought after this stretch began
                }
                long can = Math.min(left, remaining.getOrDefault(pack.id(), 0L));
                if (can > 0) {
                    remaining.merge(pack.id(), -can, Long::sum);
                    taken.merge(pack.id(), can, Long::sum);
                    left -= can;
                }
            }
            from = to;
        }
        return taken;
    }

    private static DataPackEnded ended(UUID tenant, ResultSet row, Instant now) throws SQLException {
        return new DataPackEnded(
                tenant,
                row.getObject("customer_id", UUID.class),
                row.getObject("subscription_id", UUID.class),
                row.getObject("id", UUID.class),
                row.getString("name"),
                row.getString("status"),
                row.getLong("used_bytes"),
                now);
    }

    private static Pack view(ResultSet row, int i) throws SQLException {
        long quota = row.getLong("quota_bytes");
        long used = row.getLong("used_bytes");
        return new Pack(
                row.getObject("id", UUID.class),
                row.getObject("subscription_id", UUID.class),
                row.getObject("plan_id", UUID.class),
                row.getString("name"),
                quota,
                Math.min(used, quota),
                Math.max(0, quota - used),
                row.getTimestamp("valid_from").toInstant(),
                row.getTimestamp("valid_until").toInstant(),
                row.getString("status"),
                row.getObject("invoice_id", UUID.class),
                row.getTimestamp("created_at").toInstant());
    }
}
