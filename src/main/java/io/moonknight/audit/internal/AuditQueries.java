package io.moonknight.audit.internal;

import io.moonknight.audit.AuditEventView;
import io.moonknight.audit.AuditFilter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the audit trail of one tenant, or the platform's own trail (operators' actions and platform-level
 * events), newest first.
 */
@Component
public class AuditQueries {

    public static final int EXPORT_LIMIT = 100_000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Where the entries live: one tenant's trail, or the platform's. */
    public sealed interface Scope {
        record Tenant(UUID tenantId) implements Scope {}

        record Platform() implements Scope {}
    }

    @Transactional(readOnly = true)
    public Page<AuditEventView> search(Scope scope, AuditFilter filter, Pageable pageable) {
        var where = where(scope, filter);
        long total = jdbc.sql("select count(*) from audit.audit_events where " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
        var rows = jdbc.sql("select * from audit.audit_events where " + where.sql()
                        + " order by occurred_at desc, id desc limit :limit offset :offset")
                .params(where.params())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(AuditQueries::map)
                .list();
        return new PageImpl<>(
                rows,
                PageRequest.of(
                        pageable.getPageNumber(),
                        pageable.getPageSize(),
                        Sort.by("occurredAt").descending()),
                total);
    }

    /** Streams up to {@link #EXPORT_LIMIT} entries, newest first. */
    @Transactional(readOnly = true)
    public void export(Scope scope, AuditFilter filter, Consumer<AuditEventView> sink) {
        var where = where(scope, filter);
        try (Stream<AuditEventView> rows = jdbc
                .sql("select * from audit.audit_events where " + where.sql()
                        + " order by occurred_at desc, id desc limit " + EXPORT_LIMIT)
                .params(where.params())
                .query(AuditQueries::map)
                .stream()) {
            rows.forEach(sink);
        }
    }

    private record Where(String sql, Map<String, Object> params) {}

    private static Where where(Scope scope, AuditFilter filter) {
        var sql = new StringBuilder();
        Map<String, Object> params = new LinkedHashMap<>();
        switch (scope) {
            case Scope.Tenant tenant -> {
                sql.append("tenant_id = :tenant");
                params.put("tenant", tenant.tenantId());
            }
            case Scope.Platform platform -> sql.append("(tenant_id is null or actor_type = 'OPERATOR')");
        }
        add(sql, params, "occurred_at >= :from", "from", filter.from() == null ? null : Timestamp.from(filter.from()));
        add(sql, params, "occurred_at < :to", "to", filter.to() == null ? null : Timestamp.from(filter.to()));
        add(sql, params, "actor_id = :actorId", "actorId", filter.actorId());
        add(sql, params, "actor_type = :actorType", "actorType", blankToNull(filter.actorType()));
        add(sql, params, "target_type = :targetType", "targetType", blankToNull(filter.targetType()));
        add(sql, params, "target_id = :targetId", "targetId", blankToNull(filter.targetId()));
        String action = blankToNull(filter.action());
        add(sql, params, "action like :action", "action", action == null ? null : like(action) + "%");
        String q = blankToNull(filter.q());
        add(
                sql,
                params,
                "(actor_name ilike :q or action ilike :q or target_id = :qExact)",
                "q",
                q == null ? null : "%" + like(q) + "%");
        if (q != null) {
            params.put("qExact", q);
        }
        return new Where(sql.toString(), params);
    }

    private static void add(
            StringBuilder sql, Map<String, Object> params, String condition, String name, @Nullable Object value) {
        if (value != null) {
            sql.append(" and ").append(condition);
            params.put(name, value);
        }
    }

    private static String like(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static AuditEventView map(ResultSet row, int index) throws SQLException {
        return new AuditEventView(
                row.getLong("id"),
                row.getTimestamp("occurred_at").toInstant(),
                row.getObject("tenant_id", UUID.class),
                row.getString("actor_type"),
                row.getObject("actor_id", UUID.class),
                row.getString("actor_name"),
                row.getString("action"),
                row.getString("target_type"),
                row.getString("target_id"),
                JSON.readTree(row.getString("details")),
                row.getString("operation"),
                row.getString("source_address"),
                row.getString("user_agent"));
    }

    static List<String> csvHeader() {
        return List.of(
                "id",
                "occurred_at",
                "tenant_id",
                "actor_type",
                "actor_id",
                "actor_name",
                "action",
                "target_type",
                "target_id",
                "details",
                "operation",
                "source_address",
                "user_agent");
    }
}
