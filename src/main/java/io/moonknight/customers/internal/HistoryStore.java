package io.moonknight.customers.internal;

import io.moonknight.shared.security.Actor;
import io.moonknight.shared.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service-history timeline. An entry is a fact for people (kind, title, details), with who did it and what it
 * refers to; entries come from this module and from any module's {@code CustomerActivity} events.
 */
@Component
class HistoryStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String INSERT = """
        insert into customers.history
            (id, tenant_id, customer_id, occurred_at, kind, title, details, actor_name, reference_type, reference_id)
        values (:id, :tenant, :customer, :at, :kind, :title, cast(:details as jsonb), :actor, :refType, :refId)
        """;

    record Entry(
            UUID customerId,
            Instant occurredAt,
            String kind,
            String title,
            Map<String, ?> details,
            @Nullable String actorName,
            @Nullable String referenceType,
            @Nullable String referenceId) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;

    HistoryStore(JdbcClient jdbc, NamedParameterJdbcTemplate named) {
        this.jdbc = jdbc;
        this.named = named;
    }

    void add(UUID tenant, Entry entry) {
        named.update(INSERT, parameters(tenant, entry));
    }

    void addAll(UUID tenant, List<Entry> entries) {
        if (!entries.isEmpty()) {
            named.batchUpdate(
                    INSERT, entries.stream().map(e -> parameters(tenant, e)).toArray(MapSqlParameterSource[]::new));
        }
    }

    Page<HistoryEntryView> page(UUID customerId, Pageable pageable) {
        UUID tenant = TenantContext.require();
        long total = jdbc.sql(
                        "select count(*) from customers.history where tenant_id = :tenant and customer_id = :customer")
                .param("tenant", tenant)
                .param("customer", customerId)
                .query(Long.class)
                .single();
        var rows = jdbc.sql("""
            select * from customers.history where tenant_id = :tenant and customer_id = :customer
            order by occurred_at desc, id limit :limit offset :offset
            """)
                .param("tenant", tenant)
                .param("customer", customerId)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((row, i) -> new HistoryEntryView(
                        row.getObject("id", UUID.class),
                        row.getTimestamp("occurred_at").toInstant(),
                        row.getString("kind"),
                        row.getString("title"),
                        JSON.readTree(row.getString("details")),
                        row.getString("actor_name"),
                        row.getString("reference_type"),
                        row.getString("reference_id")))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    static String actorName() {
        return Actor.current().map(Actor::displayName).orElse("system");
    }

    private static MapSqlParameterSource parameters(UUID tenant, Entry entry) {
        return new MapSqlParameterSource()
                .addValue("id", UUID.randomUUID())
                .addValue("tenant", tenant)
                .addValue("customer", entry.customerId())
                .addValue("at", Timestamp.from(entry.occurredAt()))
                .addValue("kind", entry.kind())
                .addValue("title", entry.title().length() > 300 ? entry.title().substring(0, 300) : entry.title())
                .addValue("details", JSON.writeValueAsString(entry.details()))
                .addValue("actor", entry.actorName())
                .addValue("refType", entry.referenceType())
                .addValue("refId", entry.referenceId());
    }
}
