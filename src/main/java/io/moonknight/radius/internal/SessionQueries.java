package io.moonknight.radius.internal;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.AccessProfile;
import io.moonknight.subscriptions.SubscriberAccess;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Live sessions, history and usage for the API and console, in the bound tenant; and staff disconnects. */
@Service
public class SessionQueries {

    /** A session, live or ended. */
    public record SessionView(
            UUID id,
            UUID nasId,
            @Nullable String nasName,
            UUID subscriptionId,
            UUID customerId,
            UUID planId,
            @Nullable String username,
            String acctSessionId,
            @Nullable String framedIp,
            @Nullable String callingStationId,
            Instant startedAt,
            @Nullable Instant updatedAt,
            @Nullable Instant stoppedAt,
            long inputOctets,
            long outputOctets,
            long sessionTime,
            @Nullable String terminateCause,
            @Nullable String lastAction,
            @Nullable String lastActionResult) {}

    /** Usage of one day. */
    public record Day(LocalDate day, long inputOctets, long outputOctets) {}

    /** A subscription's usage: the current cycle's total and the days asked for. */
    public record Usage(
            UUID subscriptionId, LocalDate cycleStart, long cycleInputOctets, long cycleOutputOctets, List<Day> days) {}

    /** What the live list can be narrowed to; {@code q} matches the start of a username, IP or MAC. */
    public record Filter(
            @Nullable UUID nasId,
            @Nullable UUID planId,
            @Nullable UUID customerId,
            @Nullable String q) {}

    private final JdbcClient jdbc;
    private final SubscriberAccess subscribers;
    private final NasRegistry registry;
    private final Enforcement enforcement;

    SessionQueries(JdbcClient jdbc, SubscriberAccess subscribers, NasRegistry registry, Enforcement enforcement) {
        this.jdbc = jdbc;
        this.subscribers = subscribers;
        this.registry = registry;
        this.enforcement = enforcement;
    }

    @Transactional(readOnly = true)
    public Page<SessionView> live(Filter filter, Pageable pageable) {
        var where = new StringBuilder("tenant_id = :tenant");
        Map<String, Object> params = new HashMap<>();
        params.put("tenant", TenantContext.require());
        if (filter.nasId() != null) {
            where.append(" and nas_id = :nas");
            params.put("nas", filter.nasId());
        }
        if (filter.planId() != null) {
            where.append(" and plan_id = :plan");
            params.put("plan", filter.planId());
        }
        if (filter.customerId() != null) {
            where.append(" and customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        String q = filter.q();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(username) like :q or framed_ip like :q or lower(calling_station_id) like :q)");
            params.put(
                    "q",
                    q.strip()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%") + "%");
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        long[] total = {0};
        List<SessionView> rows = jdbc.sql("select *, null::timestamptz as stopped_at, null as terminate_cause,"
                        + " count(*) over () as total from radius.sessions where " + where
                        + " order by started_at desc, id limit :limit offset :offset")
                .params(params)
                .query((row, i) -> {
                    total[0] = row.getLong("total");
                    return view(row, true);
                })
                .list();
        return new PageImpl<>(rows, pageable, total[0]);
    }

    @Transactional(readOnly = true)
    public SessionView get(UUID id) {
        return jdbc.sql("select *, null::timestamptz as stopped_at, null as terminate_cause from radius.sessions"
                        + " where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.require())
                .param("id", id)
                .query((row, i) -> view(row, true))
                .optional()
                .orElseThrow(() -> ProblemException.notFound("Session", id));
    }

    /** Live sessions first, then the most recent ended ones. */
    @Transactional(readOnly = true)
    public List<SessionView> ofSubscription(UUID subscriptionId, int limit) {
        AccessProfile profile = subscription(subscriptionId);
        List<SessionView> sessions = new java.util.ArrayList<>(
                jdbc.sql("select *, null::timestamptz as stopped_at, null as terminate_cause from radius.sessions"
                                + " where tenant_id = :tenant and subscription_id = :s order by started_at desc")
                        .param("tenant", profile.tenantId())
                        .param("s", subscriptionId)
                        .query((row, i) -> view(row, true))
                        .list());
        sessions.addAll(jdbc.sql("""
            select *, null::timestamptz as updated_at, null as action, null as action_result from radius.session_history
            where tenant_id = :tenant and subscription_id = :s order by stopped_at desc limit :limit
            """)
                .param("tenant", profile.tenantId())
                .param("s", subscriptionId)
                .param("limit", limit)
                .query((row, i) -> view(row, false))
                .list());
        return sessions;
    }

    @Transactional(readOnly = true)
    public Usage usage(UUID subscriptionId, LocalDate from, LocalDate to) {
        AccessProfile profile = subscription(subscriptionId);
        List<Day> days = jdbc.sql("""
            select day, input_octets, output_octets from radius.usage_daily
            where tenant_id = :tenant and subscription_id = :s and day between :from and :to order by day
            """)
                .param("tenant", profile.tenantId())
                .param("s", subscriptionId)
                .param("from", from)
                .param("to", to)
                .query((row, i) -> new Day(
                        row.getObject("day", LocalDate.class),
                        row.getLong("input_octets"),
                        row.getLong("output_octets")))
                .list();
        long[] cycle = jdbc.sql("""
            select coalesce(sum(input_octets), 0) as i, coalesce(sum(output_octets), 0) as o from radius.usage_daily
            where tenant_id = :tenant and subscription_id = :s and day >= :from
            """)
                .param("tenant", profile.tenantId())
                .param("s", subscriptionId)
                .param("from", profile.cycleStart())
                .query((row, i) -> new long[] {row.getLong("i"), row.getLong("o")})
                .single();
        return new Usage(subscriptionId, profile.cycleStart(), cycle[0], cycle[1], days);
    }

    /** Staff disconnect: a Disconnect-Request to the NAS; the session closes here once the NAS confirms. */
    public SessionView disconnect(UUID id) {
        SessionView session = get(id);
        var live = new RadiusSessionStore.Live(
                session.id(),
                TenantContext.require(),
                session.nasId(),
                session.subscriptionId(),
                session.username(),
                session.acctSessionId(),
                session.framedIp());
        boolean confirmed = enforcement.disconnect(live, "staff");
        if (!confirmed) {
            var refreshed = jdbc.sql("select action_result from radius.sessions where id = :id")
                    .param("id", id)
                    .query(String.class)
                    .optional()
                    .orElse("unknown");
            throw ProblemException.conflict(
                    "disconnect-failed", "The NAS did not confirm the disconnect: " + refreshed);
        }
        return new SessionView(
                session.id(),
                session.nasId(),
                session.nasName(),
                session.subscriptionId(),
                session.customerId(),
                session.planId(),
                session.username(),
                session.acctSessionId(),
                session.framedIp(),
                session.callingStationId(),
                session.startedAt(),
                session.updatedAt(),
                Instant.now(),
                session.inputOctets(),
                session.outputOctets(),
                session.sessionTime(),
                "Admin-Reset",
                "disconnect (staff)",
                "ACK");
    }

    /** NAS status: counters since this instance started. */
    public NasRegistry.Stats stats(UUID nasId) {
        return registry.stats(nasId);
    }

    private AccessProfile subscription(UUID id) {
        return subscribers.bySubscription(id).orElseThrow(() -> ProblemException.notFound("Subscription", id));
    }

    private SessionView view(ResultSet row, boolean live) throws SQLException {
        UUID nas = row.getObject("nas_id", UUID.class);
        var client = registry.byId(nas);
        var updated = row.getTimestamp("updated_at");
        var stopped = row.getTimestamp("stopped_at");
        return new SessionView(
                row.getObject("id", UUID.class),
                nas,
                client == null ? null : client.nas().name(),
                row.getObject("subscription_id", UUID.class),
                row.getObject("customer_id", UUID.class),
                row.getObject("plan_id", UUID.class),
                row.getString("username"),
                row.getString("acct_session_id"),
                row.getString("framed_ip"),
                row.getString("calling_station_id"),
                row.getTimestamp("started_at").toInstant(),
                updated == null ? null : updated.toInstant(),
                live || stopped == null ? null : stopped.toInstant(),
                row.getLong("input_octets"),
                row.getLong("output_octets"),
                row.getLong("session_time"),
                row.getString("terminate_cause"),
                row.getString("action"),
                row.getString("action_result"));
    }
}
