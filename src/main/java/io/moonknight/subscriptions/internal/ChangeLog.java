package io.moonknight.subscriptions.internal;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.subscriptions.SubscriptionStatus;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The subscription's own log of lifecycle steps and plan changes, plus the plain-SQL checks the service needs
 * (uniqueness among live subscriptions, what refers to a pool, VLAN or NAS).
 */
@Component
public class ChangeLog {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One line of the log. */
    public record Change(
            UUID id,
            Instant occurredAt,
            String kind,
            @Nullable SubscriptionStatus fromStatus,
            @Nullable SubscriptionStatus toStatus,
            @Nullable String reason,
            @Nullable String note,
            Map<String, Object> details,
            @Nullable String actorName) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    ChangeLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(
            UUID subscriptionId,
            String kind,
            @Nullable SubscriptionStatus from,
            @Nullable SubscriptionStatus to,
            @Nullable String reason,
            @Nullable String note,
            Map<String, ?> details) {
        jdbc.sql("""
            insert into subscriptions.subscription_changes
                (id, tenant_id, subscription_id, occurred_at, kind, from_status, to_status, reason, note, details, actor_name)
            values (:id, :tenant, :subscription, :at, :kind, :from, :to, :reason, :note, cast(:details as jsonb), :actor)
            """)
                .param("id", UUID.randomUUID())
                .param("tenant", TenantContext.require())
                .param("subscription", subscriptionId)
                .param("at", Timestamp.from(clock.instant()))
                .param("kind", kind)
                .param("from", from == null ? null : from.name())
                .param("to", to == null ? null : to.name())
                .param("reason", reason)
                .param("note", note)
                .param("details", JSON.writeValueAsString(details))
                .param("actor", SubscriptionService.actorName())
                .update();
    }

    /** What billing needs of the log since {@code since}: status steps and plan changes, oldest first. */
    java.util.Map<UUID, List<io.moonknight.subscriptions.BillingChange>> billingChanges(Instant since) {
        var found = new java.util.HashMap<UUID, List<io.moonknight.subscriptions.BillingChange>>();
        jdbc.sql("""
            select subscription_id, occurred_at, from_status, to_status, details ->> 'fromPlanId' as from_plan,
                   details ->> 'toPlanId' as to_plan
            from subscriptions.subscription_changes
            where tenant_id = :tenant and occurred_at >= :since
              and ((from_status is not null and to_status is not null and from_status <> to_status)
                   or kind in ('plan-changed', 'plan-changed-scheduled'))
            order by occurred_at, id
            """)
                .param("tenant", TenantContext.require())
                .param("since", Timestamp.from(since))
                .query((row, i) -> new io.moonknight.subscriptions.BillingChange(
                        row.getObject("subscription_id", UUID.class),
                        row.getTimestamp("occurred_at").toInstant(),
                        status(row.getString("from_status")),
                        status(row.getString("to_status")),
                        uuid(row.getString("from_plan")),
                        uuid(row.getString("to_plan"))))
                .list()
                .forEach(c -> found.computeIfAbsent(c.subscriptionId(), s -> new java.util.ArrayList<>())
                        .add(c));
        return found;
    }

    private static @Nullable UUID uuid(@Nullable String value) {
        return value == null ? null : UUID.fromString(value);
    }

    List<Change> list(UUID subscriptionId) {
        return jdbc.sql("""
            select * from subscriptions.subscription_changes where tenant_id = :tenant and subscription_id = :id
            order by occurred_at desc, id limit 200
            """)
                .param("tenant", TenantContext.require())
                .param("id", subscriptionId)
                .query((row, i) -> new Change(
                        row.getObject("id", UUID.class),
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getString("kind"),
                        status(row.getString("from_status")),
                        status(row.getString("to_status")),
                        row.getString("reason"),
                        row.getString("note"),
                        JSON.readValue(row.getString("details"), new TypeReference<Map<String, Object>>() {}),
                        row.getString("actor_name")))
                .list();
    }

    /** Whether a live subscription other than {@code except} matches the condition on {@code :value}. */
    boolean taken(String condition, Object value, UUID except) {
        return jdbc.sql("select exists (select 1 from subscriptions.subscriptions where tenant_id = :tenant and "
                        + condition + " and status <> 'TERMINATED' and id <> :except)")
                .param("tenant", TenantContext.require())
                .param("value", value)
                .param("except", except)
                .query(Boolean.class)
                .single();
    }

    /** Live subscriptions matching the condition on {@code :id}, named for people (at most 5 listed). */
    List<String> uses(String condition, UUID id) {
        List<String> names = jdbc.sql("select coalesce(username, mac_address, cast(id as text)) as name"
                        + " from subscriptions.subscriptions where tenant_id = :tenant and (" + condition
                        + ") and status <> 'TERMINATED' order by created_at limit 6")
                .param("tenant", TenantContext.require())
                .param("id", id)
                .query((row, i) -> "subscription " + row.getString("name"))
                .list();
        return names.size() > 5 ? List.of(String.join(", ", names.subList(0, 5)) + " and more") : names;
    }

    private static @Nullable SubscriptionStatus status(@Nullable String value) {
        return value == null ? null : SubscriptionStatus.valueOf(value);
    }
}
