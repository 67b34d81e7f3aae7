package io.moonknight.radius.internal;

import io.moonknight.radius.UsageMeter;
import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.tenant.TenantContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** {@link UsageMeter} from the daily usage rows, which only ever grow. */
@Component
class RadiusUsageMeter implements UsageMeter {

    private final JdbcClient jdbc;
    private final Enforcement enforcement;
    private final RadiusSessionStore store;
    private final Clock clock;

    RadiusUsageMeter(JdbcClient jdbc, Enforcement enforcement, RadiusSessionStore store, Clock clock) {
        this.store = store;
        this.jdbc = jdbc;
        this.enforcement = enforcement;
        this.clock = clock;
    }

    @Override
    public Map<UUID, Long> totalBytes(Collection<UUID> subscriptionIds) {
        return sums("input_octets + output_octets", subscriptionIds, LocalDate.MIN, LocalDate.MAX);
    }

    @Override
    public Map<UUID, Long> allowanceBytes(Collection<UUID> subscriptionIds, LocalDate from, LocalDate until) {
        Map<UUID, Long> sums = sums("input_octets + output_octets - covered_octets", subscriptionIds, from, until);
        sums.replaceAll((s, bytes) -> Math.max(0, bytes));
        return sums;
    }

    private Map<UUID, Long> sums(String what, Collection<UUID> subscriptionIds, LocalDate from, LocalDate until) {
        Map<UUID, Long> totals = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return totals;
        }
        boolean all = from.equals(LocalDate.MIN);
        jdbc.sql("select subscription_id, sum(" + what + ") as total from radius.usage_daily"
                        + " where tenant_id = :t and subscription_id = any(cast(:ids as uuid[]))"
                        + (all ? "" : " and day >= :from and day < :until")
                        + " group by subscription_id")
                .param("t", TenantContext.require())
                .param("ids", SqlArrays.literal(subscriptionIds))
                .params(all ? Map.of() : Map.of("from", from, "until", until))
                .query((row, i) -> Map.entry(row.getObject("subscription_id", UUID.class), row.getLong("total")))
                .list()
                .forEach(e -> totals.put(e.getKey(), e.getValue()));
        return totals;
    }

    @Override
    public void covered(Map<UUID, Long> bytesBySubscription) {
        Map<UUID, Long> sorted = new TreeMap<>(); // rows locked in the accounting writers' order
        bytesBySubscription.forEach((s, bytes) -> {
            if (bytes > 0) {
                sorted.put(s, bytes);
            }
        });
        if (sorted.isEmpty()) {
            return;
        }
        jdbc.sql("""
            insert into radius.usage_daily as u (tenant_id, subscription_id, day, covered_octets)
            select :t, s, :day, b from unnest(cast(:subs as uuid[]), cast(:bytes as bigint[])) as x(s, b)
            order by s
            on conflict (subscription_id, day) do update set covered_octets = u.covered_octets + excluded.covered_octets
            """)
                .param("t", TenantContext.require())
                .param("day", store.day(TenantContext.require(), clock.instant()))
                .param("subs", SqlArrays.literal(sorted.keySet()))
                .param("bytes", SqlArrays.literal(sorted.values()))
                .update();
    }

    @Override
    public void topUp(UUID subscriptionId, @Nullable Instant until) {
        UUID tenant = TenantContext.require();
        if (until == null) {
            jdbc.sql("delete from radius.top_ups where subscription_id = :s and tenant_id = :t")
                    .param("s", subscriptionId)
                    .param("t", tenant)
                    .update();
        } else {
            jdbc.sql("""
                insert into radius.top_ups (subscription_id, tenant_id, until) values (:s, :t, :until)
                on conflict (subscription_id) do update set until = excluded.until
                """)
                    .param("s", subscriptionId)
                    .param("t", tenant)
                    .param("until", java.sql.Timestamp.from(until))
                    .update();
        }
        Runnable apply = () -> enforcement.topUpChanged(tenant, subscriptionId);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    apply.run();
                }
            });
        } else {
            apply.run();
        }
    }
}
