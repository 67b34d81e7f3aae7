package io.moonknight.network.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.network.AddressHolders;
import io.moonknight.network.AddressObservation;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
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

    private static final Logger log = LoggerFactory.getLogger(IpAllocator.class);
    static final String OBSERVED_NOTE = "Reported in use by the NAS (accounting)";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<AddressHolders> holders;
    private final Clock clock;

    IpAllocator(
            JdbcClient jdbc,
            AuditTrail audit,
            ApplicationEventPublisher events,
            ObjectProvider<AddressHolders> holders,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.holders = holders;
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
        String wanted = address == null || address.isBlank() ? null : address;
        if (IpAddressManagement.LEASE.equals(holderType) && holderId != null && wanted == null) {
            return lease(poolId, holderId);
        }
        LockedPool pool = lock(poolId);
        PoolLayout layout = pool.layout();
        BigInteger unit;
        if (wanted != null) {
            try {
                unit = layout.unitOf(wanted);
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
            if (IpAddressManagement.LEASE.equals(holderType)
                    && holderId != null
                    && heldLease(pool.id(), holderId).isPresent()) {
                throw ProblemException.conflict("lease-held", "The holder already has a lease from " + pool.name())
                        .with("field", "holderId");
            }
        } else {
            unit = lowestFreeOrExhausted(pool);
        }
        return insert(pool, unit, holderType, holderId, note, false);
    }

    /**
     * An allocation staff asked for (API): a holder named by id must exist in the tenant, as the module that owns
     * such holders says ({@link AddressHolders}); leases are RADIUS's to hand out.
     */
    @Transactional
    public IpAllocationView allocateForStaff(
            UUID poolId,
            @Nullable String address,
            @Nullable String holderType,
            @Nullable UUID holderId,
            @Nullable String note) {
        String type = holderType == null || holderType.isBlank() ? null : holderType.strip();
        if (IpAddressManagement.LEASE.equals(type)) {
            throw ProblemException.invalidField("holderType", "leases are handed out by RADIUS");
        }
        var owner = type == null
                ? Optional.<AddressHolders>empty()
                : holders.orderedStream()
                        .filter(h -> h.holderType().equalsIgnoreCase(type))
                        .findFirst();
        if (holderId == null) {
            if (owner.isPresent()) {
                throw ProblemException.invalidField(
                        "holderId", "is required for a " + owner.get().holderType());
            }
        } else if (owner.isEmpty()) {
            throw ProblemException.invalidField(
                    "holderId",
                    type == null
                            ? "needs a holderType saying what it is"
                            : "no " + type + " can be checked; leave holderId out and describe the holder in the note");
        } else if (!owner.get().exists(holderId)) {
            throw ProblemException.invalidField("holderId", "no " + owner.get().holderType() + " with this id");
        }
        return allocate(poolId, address, owner.map(AddressHolders::holderType).orElse(type), holderId, note);
    }

    /**
     * One dynamic lease per holder and pool: the one it has, or the lowest free address. Concurrent calls for
     * the same holder queue on the pool's lock and the later ones find the first one's lease (a partial unique
     * index refuses a second one anyway). A holder that has its lease costs one index look-up and no lock.
     */
    @Override
    @Transactional
    public IpAllocationView lease(UUID poolId, UUID holderId) {
        var held = heldLease(poolId, holderId);
        if (held.isPresent()) {
            return held.get();
        }
        LockedPool pool = lock(poolId);
        held = heldLease(poolId, holderId); // a new statement: sees what committed while we waited for the lock
        if (held.isPresent()) {
            return held.get();
        }
        return insert(pool, lowestFreeOrExhausted(pool), IpAddressManagement.LEASE, holderId, null, false);
    }

    /**
     * Records an address a NAS reports in use by {@code holderId} (a subscription), so it is never handed out to
     * anyone else. Free: it becomes the holder's observed lease (released with its other leases). Allocated to
     * another holder: a conflict, kept for the pool's page and logged.
     */
    @Override
    @Transactional
    public AddressObservation observe(String address, UUID holderId) {
        for (LockedPool candidate : poolsUnlocked()) {
            BigInteger unit;
            try {
                unit = candidate.layout().unitOf(address);
            } catch (IllegalArgumentException notInThisPool) {
                continue;
            }
            if (candidate.layout().isBlocked(unit)) {
                log.warn(
                        "A NAS reports subscription {} using {}, which is reserved in the pool {}",
                        holderId,
                        address,
                        candidate.name());
                return AddressObservation.RESERVED;
            }
            var holder = holderAt(candidate.id(), unit);
            if (holder.isEmpty()) {
                LockedPool pool = lock(candidate.id());
                holder = holderAt(pool.id(), unit);
                if (holder.isEmpty()) {
                    insert(pool, unit, IpAddressManagement.LEASE, holderId, OBSERVED_NOTE, true);
                    return AddressObservation.RECORDED;
                }
            }
            if (holderId.equals(holder.get().holderId())) {
                return AddressObservation.KNOWN;
            }
            recordConflict(candidate, candidate.layout().label(unit), holderId, holder.get());
            return AddressObservation.CONFLICT;
        }
        return AddressObservation.OUTSIDE_POOLS;
    }

    /** What the pool's page flags: addresses a NAS reports in use by one subscription but allocated to another. */
    @Transactional(readOnly = true)
    public List<IpConflictView> conflicts(UUID poolId) {
        return jdbc.sql("""
            select c.address, c.reported_for, c.first_seen, c.last_seen, a.holder_type, a.holder_id
            from network.ip_conflicts c join network.ip_allocations a on a.id = c.allocation_id
            where c.tenant_id = :tenant and c.pool_id = :pool
            order by c.last_seen desc limit 100
            """)
                .param("tenant", TenantContext.require())
                .param("pool", poolId)
                .query((row, i) -> new IpConflictView(
                        row.getString("address"),
                        row.getObject("reported_for", UUID.class),
                        row.getString("holder_type"),
                        row.getObject("holder_id", UUID.class),
                        row.getTimestamp("first_seen").toInstant(),
                        row.getTimestamp("last_seen").toInstant()))
                .list();
    }

    private void recordConflict(LockedPool pool, String address, UUID reportedFor, Holder holder) {
        log.warn(
                "A NAS reports subscription {} using {} of the pool {}, which is allocated to {} {}",
                reportedFor,
                address,
                pool.name(),
                holder.holderType(),
                holder.holderId());
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
            insert into network.ip_conflicts as c
                (tenant_id, pool_id, address, reported_for, allocation_id, first_seen, last_seen)
            values (:tenant, :pool, :address, :reported, :allocation, :now, :now)
            on conflict (tenant_id, pool_id, address, reported_for) do update set
                allocation_id = excluded.allocation_id, last_seen = excluded.last_seen
            """)
                .param("tenant", TenantContext.require())
                .param("pool", pool.id())
                .param("address", address)
                .param("reported", reportedFor)
                .param("allocation", holder.allocationId())
                .param("now", now)
                .update();
    }

    private IpAllocationView insert(
            LockedPool pool,
            BigInteger unit,
            @Nullable String holderType,
            @Nullable UUID holderId,
            @Nullable String note,
            boolean observed) {
        PoolLayout layout = pool.layout();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        String label = layout.label(unit);
        String by = Actor.current().map(Actor::displayName).orElse("system");
        UUID tenant = TenantContext.require();
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        jdbc.sql("""
            insert into network.ip_allocations (id, tenant_id, pool_id, unit, address, holder_type, holder_id, note,
                allocated_by, allocated_at, observed)
            values (:id, :tenant, :pool, :unit, :address, :holderType, :holderId, :note, :by, :at, :observed)
            """)
                .param("id", id)
                .param("tenant", tenant)
                .param("pool", pool.id())
                .param("unit", new BigDecimal(unit))
                .param("address", label)
                .param("holderType", holderType)
                .param("holderId", holderId)
                .param("note", cleanNote)
                .param("by", by)
                .param("at", Timestamp.from(now))
                .param("observed", observed)
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
        return new IpAllocationView(
                id, pool.id(), pool.name(), label, holderType, holderId, cleanNote, by, now, observed);
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
        jdbc.sql("delete from network.ip_conflicts where tenant_id = :tenant and allocation_id = :id")
                .param("tenant", TenantContext.require())
                .param("id", allocationId)
                .update();
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
            order by a.observed, a.allocated_at limit 1
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
        jdbc.sql("delete from network.ip_conflicts where tenant_id = :tenant and reported_for = :holder")
                .param("tenant", TenantContext.require())
                .param("holder", holderId)
                .update();
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

    /** A holder's (not observed) lease in the pool. */
    private Optional<IpAllocationView> heldLease(UUID poolId, UUID holderId) {
        return jdbc.sql("""
            select a.*, p.name as pool_name from network.ip_allocations a join network.ip_pools p on p.id = a.pool_id
            where a.tenant_id = :tenant and a.pool_id = :pool and a.holder_type = :type and a.holder_id = :holder
              and not a.observed
            """)
                .param("tenant", TenantContext.require())
                .param("pool", poolId)
                .param("type", IpAddressManagement.LEASE)
                .param("holder", holderId)
                .query(IpAllocator::allocation)
                .optional();
    }

    record Holder(
            UUID allocationId,
            @Nullable String holderType,
            @Nullable UUID holderId) {}

    private Optional<Holder> holderAt(UUID poolId, BigInteger unit) {
        return jdbc.sql("""
            select id, holder_type, holder_id from network.ip_allocations where pool_id = :pool and unit = :unit
            """)
                .param("pool", poolId)
                .param("unit", new BigDecimal(unit))
                .query((row, i) -> new Holder(
                        row.getObject("id", UUID.class),
                        row.getString("holder_type"),
                        row.getObject("holder_id", UUID.class)))
                .optional();
    }

    private List<LockedPool> poolsUnlocked() {
        return jdbc.sql("select * from network.ip_pools where tenant_id = :tenant")
                .param("tenant", TenantContext.require())
                .query(IpAllocator::pool)
                .list();
    }

    private BigInteger lowestFreeOrExhausted(LockedPool pool) {
        BigInteger free = lowestFree(pool);
        if (free == null) {
            throw ProblemException.conflict("pool-exhausted", "The pool " + pool.name() + " has no free address left");
        }
        return free;
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
                row.getTimestamp("allocated_at").toInstant(),
                row.getBoolean("observed"));
    }
}
