package io.moonknight.network.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpAllocationView;
import io.moonknight.network.IpPoolExhausted;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.IpPoolThresholdReached;
import io.moonknight.network.domain.PoolLayout;
import io.moonknight.network.domain.UnitRange;
import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands addresses out and takes them back. Every allocation and release of a pool holds that pool's row lock
 * for the rest of its transaction, so allocations from one pool happen one after another: two can never pick
 * the same unit (the unique key on pool and unit would refuse it anyway). The lowest free unit is found from
 * {@code next_unit}, below which everything usable is allocated, so a pool filling up in order costs one index
 * probe per allocation; gaps left by releases are found with an index scan, never by listing the pool.
 */
@Service
public class IpAllocator implements IpAddressManagement {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IpAllocator(JdbcClient jdbc, AuditTrail audit, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    record LockedPool(
            UUID id,
            String name,
            PoolLayout layout,
            int threshold,
            long allocated,
            BigInteger nextUnit,
            int alertLevel,
            IpPoolSummary summary) {}

    @Override
    @Transactional(readOnly = true)
    public Optional<IpPoolSummary> pool(UUID poolId) {
        return jdbc.sql("select * from network.ip_pools where tenant_id = :tenant and id = :id")
                .param("tenant", TenantContext.require())
                .param("id", poolId)
                .query(IpAllocator::pool)
                .optional()
                .map(LockedPool::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<IpPoolSummary> pools() {
        return jdbc
                .sql("select * from network.ip_pools where tenant_id = :tenant order by lower(name)")
                .param("tenant", TenantContext.require())
                .query(IpAllocator::pool)
                .list()
                .stream()
                .map(LockedPool::summary)
                .toList();
    }

    @Override
    @Transactional
    public IpAllocationView allocate(
            UUID poolId,
            @Nullable String address,
            @Nullable String holderType,
            @Nullable UUID holderId,
            @Nullable String note) {
        if (note != null && note.length() > 200) {
            throw ProblemException.invalidField("note", "must be at most 200 characters");
        }
        LockedPool pool = lock(poolId);
        PoolLayout layout = pool.layout();
        BigInteger unit;
        if (address != null && !address.isBlank()) {
            try {
                unit = layout.unitOf(address);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("address", String.valueOf(e.getMessage()));
            }
            if (layout.isBlocked(unit)) {
                throw ProblemException.invalidField(
                        "address",
                        layout.label(unit) + " is reserved in this pool (network, broadcast, gateway or excluded)");
            }
            if (taken(pool.id(), unit)) {
                throw ProblemException.conflict(
                                "address-taken", layout.label(unit) + " is already allocated from " + pool.name())
                        .with("field", "address");
            }
        } else {
            BigInteger free = lowestFree(pool);
            if (free == null) {
                throw ProblemException.conflict(
                        "pool-exhausted", "The pool " + pool.name() + " has no free address left");
            }
            unit = free;
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String label = layout.label(unit);
        String by = Actor.current().map(Actor::displayName).orElse("system");
        UUID tenant = TenantContext.require();
        jdbc.sql("""
            insert into network.ip_allocations
                (id, tenant_id, pool_id, unit, address, holder_type, holder_id, note, allocated_by, allocated_at)
            values (:id, :tenant, :pool, :unit, :address, :holderType, :holderId, :note, :by, :at)
            """)
                .param("id", id)
                .param("tenant", tenant)
                .param("pool", pool.id())
                .param("unit", new BigDecimal(unit))
                .param("address", label)
                .param("holderType", holderType)
                .param("holderId", holderId)
                .param("note", note == null || note.isBlank() ? null : note.strip())
                .param("by", by)
                .param("at", Timestamp.from(now))
                .update();
        long allocated = pool.allocated() + 1;
        BigInteger next = unit.equals(pool.nextUnit()) ? unit.add(BigInteger.ONE) : pool.nextUnit();
        int level = alertLevel(allocated, layout.usable(), pool.threshold());
        saveCounters(pool.id(), allocated, next, level);
        if (level >= 1 && pool.alertLevel() < 1) {
            events.publishEvent(new IpPoolThresholdReached(
                    tenant,
                    pool.id(),
                    pool.name(),
                    allocated,
                    layout.usable().toString(),
                    percent(allocated, layout.usable()),
                    pool.threshold()));
        }
        if (level == 2 && pool.alertLevel() < 2) {
            events.publishEvent(new IpPoolExhausted(tenant, pool.id(), pool.name(), allocated));
        }
        if (!IpAddressManagement.LEASE.equals(holderType)) {
            audit.record(AuditRecord.of("ip-allocation.created", "IpPool", pool.id())
                    .with("address", label)
                    .with("holderType", holderType)
                    .with("holderId", holderId));
        }
        return new IpAllocationView(id, pool.id(), pool.name(), label, holderType, holderId, note, by, now);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IpAllocationView> allocation(UUID allocationId) {
        return jdbc.sql("""
            select a.*, p.name as pool_name from network.ip_allocations a join network.ip_pools p on p.id = a.pool_id
            where a.tenant_id = :tenant and a.id = :id
            """)
                .param("tenant", TenantContext.require())
                .param("id", allocationId)
                .query(IpAllocator::allocation)
                .optional();
    }

    @Override
    @Transactional
    public void release(UUID allocationId) {
        var found = allocation(allocationId);
        if (found.isEmpty()) {
            return;
        }
        LockedPool pool = lock(found.get().poolId());
        BigDecimal unit = jdbc.sql("""
            delete from network.ip_allocations where tenant_id = :tenant and id = :id returning unit
            """)
                .param("tenant", TenantContext.require())
                .param("id", allocationId)
                .query(BigDecimal.class)
                .optional()
                .orElse(null);
        if (unit == null) {
            return; // released meanwhile
        }
        long allocated = pool.allocated() - 1;
        BigInteger next = pool.nextUnit().min(unit.toBigIntegerExact());
        saveCounters(
                pool.id(), allocated, next, alertLevel(allocated, pool.layout().usable(), pool.threshold()));
        if (!IpAddressManagement.LEASE.equals(found.get().holderType())) {
            audit.record(AuditRecord.of("ip-allocation.released", "IpPool", pool.id())
                    .with("address", found.get().address())
                    .with("holderType", found.get().holderType())
                    .with("holderId", found.get().holderId()));
        }
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<IpAllocationView> heldBy(UUID poolId, String holderType, UUID holderId) {
        return jdbc.sql("""
            select a.*, p.name as pool_name from network.ip_allocations a join network.ip_pools p on p.id = a.pool_id
            where a.tenant_id = :tenant and a.pool_id = :pool and a.holder_type = :type and a.holder_id = :holder
            order by a.allocated_at limit 1
            """)
                .param("tenant", TenantContext.require())
                .param("pool", poolId)
                .param("type", holderType)
                .param("holder", holderId)
                .query(IpAllocator::allocation)
                .optional();
    }

    @Override
    @Transactional
    public void releaseAll(String holderType, UUID holderId) {
        jdbc.sql("""
            select id from network.ip_allocations where tenant_id = :tenant and holder_type = :type and holder_id = :holder
            """)
                .param("tenant", TenantContext.require())
                .param("type", holderType)
                .param("holder", holderId)
                .query(UUID.class)
                .list()
                .forEach(this::release);
    }

    /**
     * Releases the pool's allocations by id (staff action), checking they belong to the pool.
     *
     * @return false when the allocation is not in the pool
     */
    @Transactional
    public boolean release(UUID poolId, UUID allocationId) {
        var found = allocation(allocationId);
        if (found.isEmpty() || !found.get().poolId().equals(poolId)) {
            return false;
        }
        release(allocationId);
        return true;
    }

    @Transactional(readOnly = true)
    public Page<IpAllocationView> allocations(UUID poolId, @Nullable String query, Pageable pageable) {
        String text = query == null ? "" : query.strip().toLowerCase(java.util.Locale.ROOT);
        String filter = text.isEmpty() ? "" : " and a.address like :q";
        var statement = jdbc.sql("select a.*, p.name as pool_name, count(*) over () as total"
                        + " from network.ip_allocations a join network.ip_pools p on p.id = a.pool_id"
                        + " where a.tenant_id = :tenant and a.pool_id = :pool" + filter
                        + " order by a.unit limit :limit offset :offset")
                .param("tenant", TenantContext.require())
                .param("pool", poolId)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset());
        if (!filter.isEmpty()) {
            statement = statement.param(
                    "q", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        long[] total = {0};
        List<IpAllocationView> rows = statement
                .query((row, index) -> {
                    total[0] = row.getLong("total");
                    return allocation(row, index);
                })
                .list();
        return new PageImpl<>(rows, pageable, total[0]);
    }

    /** Locks the pool's row until the transaction ends: 404 unless it exists in the bound tenant. */
    LockedPool lock(UUID poolId) {
        return jdbc.sql("select * from network.ip_pools where tenant_id = :tenant and id = :id for update")
                .param("tenant", TenantContext.require())
                .param("id", poolId)
                .query(IpAllocator::pool)
                .optional()
                .orElseThrow(() -> ProblemException.notFound("IP pool", poolId));
    }

    /** Whether any allocation of the pool falls in the range. */
    boolean anyAllocatedIn(UUID poolId, UnitRange range) {
        return jdbc.sql("""
            select exists (select 1 from network.ip_allocations where pool_id = :pool and unit between :first and :last)
            """)
                .param("pool", poolId)
                .param("first", new BigDecimal(range.first()))
                .param("last", new BigDecimal(range.last()))
                .query(Boolean.class)
                .single();
    }

    /** After a pool's layout changed: restart the free-unit search from the beginning, recompute the alert. */
    void relayout(LockedPool pool, PoolLayout layout, int threshold) {
        saveCounters(
                pool.id(), pool.allocated(), BigInteger.ZERO, alertLevel(pool.allocated(), layout.usable(), threshold));
    }

    private @Nullable BigInteger lowestFree(LockedPool pool) {
        for (UnitRange segment : pool.layout().freeSegments(pool.nextUnit())) {
            if (!taken(pool.id(), segment.first())) {
                return segment.first();
            }
            BigDecimal gap = jdbc.sql("""
                select a.unit + 1 from network.ip_allocations a
                where a.pool_id = :pool and a.unit >= :first and a.unit < :last
                  and not exists (select 1 from network.ip_allocations b where b.pool_id = :pool and b.unit = a.unit + 1)
                order by a.unit limit 1
                """)
                    .param("pool", pool.id())
                    .param("first", new BigDecimal(segment.first()))
                    .param("last", new BigDecimal(segment.last()))
                    .query(BigDecimal.class)
                    .optional()
                    .orElse(null);
            if (gap != null) {
                return gap.toBigIntegerExact();
            }
        }
        return null;
    }

    private boolean taken(UUID poolId, BigInteger unit) {
        return jdbc.sql("select exists (select 1 from network.ip_allocations where pool_id = :pool and unit = :unit)")
                .param("pool", poolId)
                .param("unit", new BigDecimal(unit))
                .query(Boolean.class)
                .single();
    }

    private void saveCounters(UUID poolId, long allocated, BigInteger next, int level) {
        jdbc.sql("""
            update network.ip_pools set allocated_count = :allocated, next_unit = :next, alert_level = :level
            where id = :id
            """)
                .param("allocated", allocated)
                .param("next", new BigDecimal(next))
                .param("level", level)
                .param("id", poolId)
                .update();
    }

    static int alertLevel(long allocated, BigInteger usable, int threshold) {
        BigInteger count = BigInteger.valueOf(allocated);
        if (count.compareTo(usable) >= 0) {
            return 2;
        }
        return count.multiply(BigInteger.valueOf(100)).compareTo(usable.multiply(BigInteger.valueOf(threshold))) >= 0
                ? 1
                : 0;
    }

    static double percent(long allocated, BigInteger usable) {
        if (usable.signum() == 0) {
            return 100;
        }
        return new BigDecimal(allocated)
                .multiply(BigDecimal.valueOf(100))
                .divide(new BigDecimal(usable), 2, java.math.RoundingMode.HALF_UP)
                .doubleValue();
    }

    private static LockedPool pool(ResultSet row, int index) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        String name = row.getString("name");
        String prefix = row.getString("prefix");
        int length = row.getInt("assignment_length");
        var layout =
                IpPool.layout(prefix, length, row.getString("gateway"), SqlArrays.strings(row.getArray("excluded")));
        return new LockedPool(
                id,
                name,
                layout,
                row.getInt("alert_threshold"),
                row.getLong("allocated_count"),
                row.getBigDecimal("next_unit").toBigIntegerExact(),
                row.getInt("alert_level"),
                new IpPoolSummary(
                        id,
                        name,
                        "IPV6".equals(row.getString("family")),
                        prefix,
                        length,
                        io.moonknight.network.IpPoolPurpose.valueOf(row.getString("purpose"))));
    }

    private static IpAllocationView allocation(ResultSet row, int index) throws SQLException {
        return new IpAllocationView(
                row.getObject("id", UUID.class),
                row.getObject("pool_id", UUID.class),
                row.getString("pool_name"),
                row.getString("address"),
                row.getString("holder_type"),
                row.getObject("holder_id", UUID.class),
                row.getString("note"),
                row.getString("allocated_by"),
                row.getTimestamp("allocated_at").toInstant());
    }
}
