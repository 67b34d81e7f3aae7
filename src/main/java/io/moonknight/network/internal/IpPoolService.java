package io.moonknight.network.internal;

import io.moonknight.network.NetworkReferences;
import io.moonknight.network.domain.IpPrefix;
import io.moonknight.network.domain.PoolLayout;
import io.moonknight.network.domain.UnitRange;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Defining, changing and removing IP pools; pools of one tenant never overlap. */
@Service
public class IpPoolService {

    private final IpPoolRepository pools;
    private final IpAllocator allocator;
    private final ObjectProvider<NetworkReferences> references;
    private final JdbcClient jdbc;
    private final EntityManager entities;
    private final Clock clock;

    IpPoolService(
            IpPoolRepository pools,
            IpAllocator allocator,
            ObjectProvider<NetworkReferences> references,
            JdbcClient jdbc,
            EntityManager entities,
            Clock clock) {
        this.pools = pools;
        this.allocator = allocator;
        this.references = references;
        this.jdbc = jdbc;
        this.entities = entities;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<IpPoolView> list() {
        return pools.findAllByOrderByNameAsc().stream().map(IpPool::view).toList();
    }

    @Transactional(readOnly = true)
    public Page<IpPoolView> list(Pageable page) {
        return pools.findAll(page).map(IpPool::view);
    }

    @Transactional(readOnly = true)
    public IpPoolView get(UUID id) {
        return load(id).view();
    }

    @Transactional
    public IpPoolView create(IpPoolDraft draft) {
        var checked = draft.check();
        lockTenantPools();
        if (pools.existsByNameIgnoreCase(checked.draft().name())) {
            throw nameTaken(checked.draft().name());
        }
        requireNoOverlap(checked.layout().prefix(), null);
        IpPool pool = pools.saveAndFlush(new IpPool(checked, clock.instant()));
        return pool.view();
    }

    @Transactional
    public IpPoolView update(UUID id, IpPoolDraft draft) {
        var checked = draft.check();
        lockTenantPools();
        var locked = allocator.lock(id);
        IpPool pool = load(id);
        if (pools.existsByNameIgnoreCaseAndIdNot(checked.draft().name(), id)) {
            throw nameTaken(checked.draft().name());
        }
        PoolLayout layout = checked.layout();
        boolean reshaped = !layout.prefix().toString().equals(pool.prefix())
                || layout.assignmentLength() != pool.assignmentLength();
        if (reshaped && locked.allocated() > 0) {
            throw ProblemException.conflict(
                            "pool-in-use",
                            "The prefix and assignment length cannot change while " + locked.allocated()
                                    + " allocation(s) exist; release them or create a new pool")
                    .with("field", "prefix");
        }
        if (reshaped) {
            requireNoOverlap(layout.prefix(), id);
        }
        for (UnitRange range : layout.blocked()) {
            if (allocator.anyAllocatedIn(id, range)) {
                throw ProblemException.invalidField(
                        "excluded",
                        layout.label(range.first())
                                + (range.size().equals(java.math.BigInteger.ONE)
                                        ? ""
                                        : " - " + layout.label(range.last()))
                                + " is allocated and cannot be excluded or used as the gateway");
            }
        }
        pool.apply(checked, clock.instant());
        pools.saveAndFlush(pool);
        allocator.relayout(locked, layout, checked.draft().alertThreshold());
        entities.refresh(pool);
        return pool.view();
    }

    @Transactional
    public void delete(UUID id) {
        var locked = allocator.lock(id);
        if (locked.allocated() > 0) {
            throw ProblemException.conflict(
                    "pool-in-use", "The pool still has " + locked.allocated() + " allocation(s); release them first");
        }
        List<String> uses = new ArrayList<>();
        references.orderedStream().forEach(r -> uses.addAll(r.poolUses(id)));
        if (!uses.isEmpty()) {
            throw ProblemException.conflict("pool-in-use", "The pool is used by " + String.join(", ", uses));
        }
        pools.delete(load(id));
    }

    private void requireNoOverlap(IpPrefix prefix, @org.jspecify.annotations.Nullable UUID except) {
        for (IpPool other : pools.findAll()) {
            if (!other.id().equals(except) && IpPrefix.parse(other.prefix()).overlaps(prefix)) {
                throw ProblemException.conflict(
                                "pool-overlaps",
                                prefix + " overlaps the pool " + other.name() + " (" + other.prefix() + ")")
                        .with("field", "prefix");
            }
        }
    }

    /** Pool definitions of a tenant change one at a time, so two overlapping pools cannot both pass the check. */
    private void lockTenantPools() {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('network.ip_pools:' || :tenant, 0))")
                .param("tenant", TenantContext.require().toString())
                .query((row, i) -> 1)
                .single();
    }

    private static ProblemException nameTaken(String name) {
        return ProblemException.conflict("name-taken", "A pool named " + name + " already exists")
                .with("field", "name");
    }

    private IpPool load(UUID id) {
        return pools.findById(id).orElseThrow(() -> ProblemException.notFound("IP pool", id));
    }
}
