package io.moonknight.radius.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The SQL of live sessions, session history and daily usage. Accounting statements run inside the
 * {@link AccountingWriter}'s batch transaction, one at a time (the writer is a single thread, so the "old"
 * values a statement reads from its snapshot are the current ones); counters never go backwards (a late or
 * repeated packet changes nothing), so each octet is counted once.
 */
@Component
class RadiusSessionStore {

    /** An accounting packet, decoded and tied to a subscription. */
    record Accounting(
            UUID tenant,
            UUID nas,
            int statusType,
            UUID subscription,
            UUID customer,
            UUID plan,
            @Nullable String username,
            String acctSessionId,
            @Nullable String framedIp,
            @Nullable String callingStation,
            @Nullable String nasPort,
            long inputOctets,
            long outputOctets,
            long sessionTime,
            @Nullable String terminateCause,
            int interimInterval,
            Instant at) {}

    /** What a statement changed: octets newly counted, and whether the session ended. */
    record Applied(UUID tenant, UUID subscription, long input, long output, boolean ended, int created) {}

    /** A session that was closed by the NAS or by us. */
    record Closed(UUID tenant, UUID subscription) {}

    private final JdbcClient jdbc;

    private final io.moonknight.tenancy.TenantDirectory tenants;

    RadiusSessionStore(JdbcClient jdbc, io.moonknight.tenancy.TenantDirectory tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** The tenant's local date at {@code at}: usage is kept by the tenant's days, as its billing periods are. */
    LocalDate day(UUID tenant, Instant at) {
        return LocalDate.ofInstant(at, tenants.zone(tenant));
    }

    int liveCount(UUID subscription) {
        return jdbc.sql("select count(*) from radius.sessions where subscription_id = :s")
                .param("s", subscription)
                .query(Integer.class)
                .single();
    }

    long cycleUsage(UUID tenant, UUID subscription, LocalDate cycleStart) {
        return jdbc.sql("""
            select greatest(0, coalesce(sum(input_octets + output_octets - covered_octets), 0)) from radius.usage_daily
            where subscription_id = :s and tenant_id = :t and day >= :from
            """)
                .param("s", subscription)
                .param("t", tenant)
                .param("from", cycleStart)
                .query(Long.class)
                .single();
    }

    /**
     * The cycle's usage as fair use sees it ({@link #cycleUsage}), or none while a data pack lifts the limits of a
     * subscription past a step: only subscribers over a limit pay for the extra look-up.
     */
    long fairUseUsage(UUID tenant, UUID subscription, LocalDate cycleStart, List<Long> steps) {
        if (steps.isEmpty()) {
            return 0;
        }
        long used = cycleUsage(tenant, subscription, cycleStart);
        return LookupCache.step(steps, used) > 0 && toppedUp(tenant, subscription) ? 0 : used;
    }

    /** Whether a data pack lifts the subscription's fair-use limits now. */
    boolean toppedUp(UUID tenant, UUID subscription) {
        return jdbc.sql("""
            select exists (select 1 from radius.top_ups where subscription_id = :s and tenant_id = :t and until > now())
            """)
                .param("s", subscription)
                .param("t", tenant)
                .query(Boolean.class)
                .single();
    }

    /** Start and Interim-Update: the session row is created or moved forward. */
    Applied update(Accounting a) {
        var delta = jdbc.sql("""
            with old as (
                select input_octets, output_octets from radius.sessions
                where nas_id = :nas and acct_session_id = :sid
            )
            insert into radius.sessions as s (id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username,
                acct_session_id, framed_ip, calling_station_id, nas_port, started_at, updated_at, interim_interval,
                input_octets, output_octets, session_time)
            values (:id, :tenant, :nas, :sub, :customer, :plan, :username, :sid, :ip, :calling, :port,
                :started, :at, :interim, :in, :out, :time)
            on conflict (nas_id, acct_session_id) do update set
                updated_at = excluded.updated_at,
                input_octets = greatest(s.input_octets, excluded.input_octets),
                output_octets = greatest(s.output_octets, excluded.output_octets),
                session_time = greatest(s.session_time, excluded.session_time),
                framed_ip = coalesce(excluded.framed_ip, s.framed_ip)
            returning s.input_octets - coalesce((select input_octets from old), 0) as din,
                      s.output_octets - coalesce((select output_octets from old), 0) as dout
            """)
                .param("id", UUID.randomUUID())
                .param("tenant", a.tenant())
                .param("nas", a.nas())
                .param("sub", a.subscription())
                .param("customer", a.customer())
                .param("plan", a.plan())
                .param("username", a.username())
                .param("sid", a.acctSessionId())
                .param("ip", a.framedIp())
                .param("calling", a.callingStation())
                .param("port", a.nasPort())
                .param("started", java.sql.Timestamp.from(a.at().minusSeconds(a.sessionTime())))
                .param("at", java.sql.Timestamp.from(a.at()))
                .param("interim", a.interimInterval())
                .param("in", a.inputOctets())
                .param("out", a.outputOctets())
                .param("time", a.sessionTime())
                .query((row, i) -> new long[] {row.getLong("din"), row.getLong("dout")})
                .single();
        addUsage(a.tenant(), a.subscription(), a.at(), delta[0], delta[1]);
        return new Applied(a.tenant(), a.subscription(), delta[0], delta[1], false, 0);
    }

    /**
     * Starts and Interim-Updates of a whole batch in one statement: sessions created or moved forward (within
     * the batch, the packet with the highest counters of each session wins), the octets newly counted added to
     * daily usage. Returns per subscription what was newly counted, and the sessions that are new.
     */
    Bulk updateAll(List<Accounting> batch) {
        int n = batch.size();
        Object[][] columns = new Object[18][n];
        for (int i = 0; i < n; i++) {
            Accounting a = batch.get(i);
            Object[] row = {
                UUID.randomUUID(),
                a.tenant(),
                a.nas(),
                a.subscription(),
                a.customer(),
                a.plan(),
                a.username(),
                a.acctSessionId(),
                a.framedIp(),
                a.callingStation(),
                a.nasPort(),
                java.sql.Timestamp.from(a.at().minusSeconds(a.sessionTime())),
                java.sql.Timestamp.from(a.at()),
                a.interimInterval(),
                a.inputOctets(),
                a.outputOctets(),
                a.sessionTime(),
                day(a.tenant(), a.at())
            };
            for (int c = 0; c < row.length; c++) {
                columns[c][i] = row[c];
            }
        }
        return jdbc
                .sql("""
                    with input as (
                        select * from unnest(:c0::uuid[], :c1::uuid[], :c2::uuid[], :c3::uuid[], :c4::uuid[], :c5::uuid[],
                            :c6::text[], :c7::text[], :c8::text[], :c9::text[], :c10::text[], :c11::timestamptz[],
                            :c12::timestamptz[], :c13::int[], :c14::bigint[], :c15::bigint[], :c16::bigint[], :c17::date[])
                        as t(id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username, acct_session_id, framed_ip,
                            calling_station_id, nas_port, started_at, updated_at, interim_interval, input_octets,
                            output_octets, session_time, day)
                    ),
                    latest as (
                        select distinct on (nas_id, acct_session_id) * from input
                        order by nas_id, acct_session_id, input_octets + output_octets desc, updated_at desc
                    ),
                    old as (
                        select s.nas_id, s.acct_session_id, s.input_octets, s.output_octets
                        from radius.sessions s join latest l using (nas_id, acct_session_id)
                    ),
                    up as (
                        insert into radius.sessions as s (id, tenant_id, nas_id, subscription_id, customer_id, plan_id,
                            username, acct_session_id, framed_ip, calling_station_id, nas_port, started_at, updated_at,
                            interim_interval, input_octets, output_octets, session_time)
                        select id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username, acct_session_id,
                            framed_ip, calling_station_id, nas_port, started_at, updated_at, interim_interval, input_octets,
                            output_octets, session_time
                        from latest
                        on conflict (nas_id, acct_session_id) do update set
                            updated_at = greatest(s.updated_at, excluded.updated_at),
                            input_octets = greatest(s.input_octets, excluded.input_octets),
                            output_octets = greatest(s.output_octets, excluded.output_octets),
                            session_time = greatest(s.session_time, excluded.session_time),
                            framed_ip = coalesce(excluded.framed_ip, s.framed_ip)
                        returning s.tenant_id, s.subscription_id, s.nas_id, s.acct_session_id, s.input_octets,
                            s.output_octets, s.updated_at, (s.xmax = 0) as created
                    ),
                    deltas as (
                        select up.tenant_id, up.subscription_id, up.created, l.day,
                            up.input_octets - coalesce(old.input_octets, 0) as din,
                            up.output_octets - coalesce(old.output_octets, 0) as dout
                        from up join latest l using (nas_id, acct_session_id) left join old using (nas_id, acct_session_id)
                    ),
                    usage as (
                        insert into radius.usage_daily as u (tenant_id, subscription_id, day, input_octets, output_octets)
                        select tenant_id, subscription_id, day, sum(din), sum(dout) from deltas
                        group by tenant_id, subscription_id, day
                        having sum(din) > 0 or sum(dout) > 0
                        order by subscription_id, day -- rows locked in one order: concurrent writers cannot deadlock
                        on conflict (subscription_id, day) do update set
                            input_octets = u.input_octets + excluded.input_octets,
                            output_octets = u.output_octets + excluded.output_octets
                    )
                    select tenant_id, subscription_id, sum(din) as din, sum(dout) as dout, count(*) filter (where created) as created
                    from deltas group by tenant_id, subscription_id
                    """)
                .param("c0", io.moonknight.shared.db.SqlArrays.literal(java.util.Arrays.asList(columns[0])))
                .params(java.util.stream.IntStream.range(1, 18)
                        .boxed()
                        .collect(java.util.stream.Collectors.toMap(c -> "c" + c, c -> (Object)
                                io.moonknight.shared.db.SqlArrays.literal(java.util.Arrays.asList(columns[c])))))
                .query((row, i) -> new Applied(
                        row.getObject("tenant_id", UUID.class),
                        row.getObject("subscription_id", UUID.class),
                        row.getLong("din"),
                        row.getLong("dout"),
                        false,
                        row.getInt("created")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.collectingAndThen(
                        java.util.stream.Collectors.toMap(Applied::subscription, a -> a, (x, y) -> x), Bulk::new));
    }

    /** What a batch changed, per subscription. */
    record Bulk(java.util.Map<UUID, Applied> bySubscription) {}

    /** Stop: the session moves to history with its final counters. */
    Applied stop(Accounting a) {
        var moved = jdbc.sql("""
            with gone as (
                delete from radius.sessions where nas_id = :nas and acct_session_id = :sid returning *
            )
            insert into radius.session_history (id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username,
                acct_session_id, framed_ip, calling_station_id, started_at, stopped_at, input_octets, output_octets,
                session_time, terminate_cause)
            select id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username, acct_session_id,
                coalesce(:ip, framed_ip), calling_station_id, started_at, :at, greatest(input_octets, :in),
                greatest(output_octets, :out), greatest(session_time, :time), :cause
            from gone
            returning input_octets - (select input_octets from gone) as din,
                      output_octets - (select output_octets from gone) as dout
            """)
                .param("nas", a.nas())
                .param("sid", a.acctSessionId())
                .param("ip", a.framedIp())
                .param("at", java.sql.Timestamp.from(a.at()))
                .param("in", a.inputOctets())
                .param("out", a.outputOctets())
                .param("time", a.sessionTime())
                .param("cause", a.terminateCause())
                .query((row, i) -> new long[] {row.getLong("din"), row.getLong("dout")})
                .optional();
        long[] delta;
        long[] late = moved.isPresent() ? null : lateStop(a);
        if (moved.isPresent()) {
            delta = moved.get();
        } else if (late != null) {
            delta = late; // closed here first (disconnected, stale): the NAS's final counters still count
        } else {
            // a Stop without a Start we saw: the whole session counts now
            jdbc.sql("""
                insert into radius.session_history (id, tenant_id, nas_id, subscription_id, customer_id, plan_id,
                    username, acct_session_id, framed_ip, calling_station_id, started_at, stopped_at, input_octets,
                    output_octets, session_time, terminate_cause)
                values (:id, :tenant, :nas, :sub, :customer, :plan, :username, :sid, :ip, :calling, :started, :at,
                    :in, :out, :time, :cause)
                """)
                    .param("id", UUID.randomUUID())
                    .param("tenant", a.tenant())
                    .param("nas", a.nas())
                    .param("sub", a.subscription())
                    .param("customer", a.customer())
                    .param("plan", a.plan())
                    .param("username", a.username())
                    .param("sid", a.acctSessionId())
                    .param("ip", a.framedIp())
                    .param("calling", a.callingStation())
                    .param("started", java.sql.Timestamp.from(a.at().minusSeconds(a.sessionTime())))
                    .param("at", java.sql.Timestamp.from(a.at()))
                    .param("in", a.inputOctets())
                    .param("out", a.outputOctets())
                    .param("time", a.sessionTime())
                    .param("cause", a.terminateCause())
                    .update();
            delta = new long[] {a.inputOctets(), a.outputOctets()};
        }
        addUsage(a.tenant(), a.subscription(), a.at(), delta[0], delta[1]);
        return new Applied(a.tenant(), a.subscription(), delta[0], delta[1], true, 0);
    }

    private long @Nullable [] lateStop(Accounting a) {
        return jdbc.sql("""
            with old as (
                select id, input_octets, output_octets from radius.session_history
                where nas_id = :nas and acct_session_id = :sid and tenant_id = :tenant
                order by stopped_at desc limit 1
            )
            update radius.session_history h set
                input_octets = greatest(h.input_octets, :in),
                output_octets = greatest(h.output_octets, :out),
                session_time = greatest(h.session_time, :time),
                terminate_cause = coalesce(:cause, h.terminate_cause)
            from old where h.id = old.id
            returning h.input_octets - old.input_octets as din, h.output_octets - old.output_octets as dout
            """)
                .param("nas", a.nas())
                .param("sid", a.acctSessionId())
                .param("tenant", a.tenant())
                .param("in", a.inputOctets())
                .param("out", a.outputOctets())
                .param("time", a.sessionTime())
                .param("cause", a.terminateCause())
                .query((row, i) -> new long[] {row.getLong("din"), row.getLong("dout")})
                .optional()
                .orElse(null);
    }

    /** A live session, as enforcement needs it. */
    record Live(
            UUID id,
            UUID tenant,
            UUID nas,
            UUID subscription,
            @Nullable String username,
            String acctSessionId,
            @Nullable String framedIp) {}

    List<Live> live(String where, java.util.Map<String, Object> params) {
        return jdbc.sql("select id, tenant_id, nas_id, subscription_id, username, acct_session_id, framed_ip"
                        + " from radius.sessions where " + where)
                .params(params)
                .query((row, i) -> new Live(
                        row.getObject("id", UUID.class),
                        row.getObject("tenant_id", UUID.class),
                        row.getObject("nas_id", UUID.class),
                        row.getObject("subscription_id", UUID.class),
                        row.getString("username"),
                        row.getString("acct_session_id"),
                        row.getString("framed_ip")))
                .list();
    }

    /** Closes sessions (NAS reboot, stale, disconnected) into history; returns whose they were. */
    List<Closed> close(String where, java.util.Map<String, Object> params, String cause, Instant at) {
        return new ArrayList<>(jdbc.sql("""
            with gone as (delete from radius.sessions where %s returning *)
            insert into radius.session_history (id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username,
                acct_session_id, framed_ip, calling_station_id, started_at, stopped_at, input_octets, output_octets,
                session_time, terminate_cause)
            select id, tenant_id, nas_id, subscription_id, customer_id, plan_id, username, acct_session_id, framed_ip,
                calling_station_id, started_at, :at, input_octets, output_octets, session_time, :cause from gone
            returning tenant_id, subscription_id
            """.formatted(where))
                .params(params)
                .param("at", java.sql.Timestamp.from(at))
                .param("cause", cause)
                .query((row, i) -> new Closed(
                        row.getObject("tenant_id", UUID.class), row.getObject("subscription_id", UUID.class)))
                .list());
    }

    void addUsage(UUID tenant, UUID subscription, Instant at, long input, long output) {
        if (input <= 0 && output <= 0) {
            return;
        }
        jdbc.sql("""
            insert into radius.usage_daily as u (tenant_id, subscription_id, day, input_octets, output_octets)
            values (:tenant, :sub, :day, :in, :out)
            on conflict (subscription_id, day) do update set
                input_octets = u.input_octets + excluded.input_octets,
                output_octets = u.output_octets + excluded.output_octets
            """)
                .param("tenant", tenant)
                .param("sub", subscription)
                .param("day", day(tenant, at))
                .param("in", Math.max(0, input))
                .param("out", Math.max(0, output))
                .update();
    }

    void recordAction(UUID sessionId, String action, String result, Instant at) {
        jdbc.sql("update radius.sessions set action = :a, action_result = :r, action_at = :at where id = :id")
                .param("a", action)
                .param("r", result)
                .param("at", java.sql.Timestamp.from(at))
                .param("id", sessionId)
                .update();
    }
}
