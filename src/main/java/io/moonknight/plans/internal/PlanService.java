package io.moonknight.plans.internal;

import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.NasVendor;
import io.moonknight.network.NetworkReferences;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanReply;
import io.moonknight.plans.PlanStatus;
import io.moonknight.plans.PlanSummary;
import io.moonknight.plans.domain.RadiusAttribute;
import io.moonknight.plans.domain.VendorProfile;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import io.moonknight.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's plan catalogue. Plans are never deleted: archiving stops sales and keeps subscriptions. */
@Service
public class PlanService implements PlanCatalog, NetworkReferences {

    private static final UUID NONE = new UUID(0, 0);

    private final PlanRepository plans;
    private final IpAddressManagement ipam;
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlanService(PlanRepository plans, IpAddressManagement ipam, TenantDirectory tenants, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.ipam = ipam;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlanSummary> find(UUID planId) {
        return plans.findById(planId).map(Plan::summary);
    }

    @Transactional(readOnly = true)
    public Page<PlanView> list(
            @Nullable PlanStatus status, @Nullable BillingType billingType, @Nullable String q, Pageable pageable) {
        var where = new StringBuilder("tenant_id = :tenant");
        if (status != null) {
            where.append(" and status = :status");
        }
        if (billingType != null) {
            where.append(" and billing_type = :type");
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q or lower(code) like :q)");
        }
        var statement = jdbc.sql("select id, count(*) over () as total from plans.plans where " + where
                        + " order by status, price, lower(name) limit :limit offset :offset")
                .param("tenant", TenantContext.require())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset());
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        if (billingType != null) {
            statement = statement.param("type", billingType.name());
        }
        if (q != null && !q.isBlank()) {
            statement = statement.param(
                    "q",
                    "%"
                            + q.strip()
                                    .toLowerCase(Locale.ROOT)
                                    .replace("\\", "\\\\")
                                    .replace("%", "\\%") + "%");
        }
        long[] total = {0};
        List<UUID> ids = statement
                .query((row, i) -> {
                    total[0] = row.getLong("total");
                    return row.getObject("id", UUID.class);
                })
                .list();
        var byId = new java.util.HashMap<UUID, PlanView>();
        plans.findAllById(ids).forEach(p -> byId.put(p.id(), p.view()));
        return new PageImpl<>(ids.stream().map(byId::get).toList(), pageable, total[0]);
    }

    @Override
    @Transactional(readOnly = true)
    public List<PlanSummary> sellable() {
        return plans.findAll().stream()
                .filter(p -> p.summary().active())
                .map(Plan::summary)
                .sorted(java.util.Comparator.comparing(PlanSummary::price).thenComparing(PlanSummary::name))
                .toList();
    }

    @Transactional(readOnly = true)
    public PlanView get(UUID id) {
        return load(id).view();
    }

    @Transactional
    public PlanView create(PlanDraft draft) {
        var checked = draft.check(tenantCurrency());
        requireUniqueCode(checked.draft().code(), NONE);
        checkPools(checked.draft());
        return plans.saveAndFlush(new Plan(checked, clock.instant())).view();
    }

    @Transactional
    public PlanView update(UUID id, PlanDraft draft) {
        Plan plan = load(id);
        var checked = draft.check(tenantCurrency());
        requireUniqueCode(checked.draft().code(), id);
        checkPools(checked.draft());
        plan.apply(checked, clock.instant());
        return plans.saveAndFlush(plan).view();
    }

    @Transactional
    public PlanView setStatus(UUID id, PlanStatus status) {
        Plan plan = load(id);
        plan.setStatus(status, clock.instant());
        return plans.saveAndFlush(plan).view();
    }

    /**
     * The reply attributes a session on this plan would get from a NAS of the given vendor, at a local time of
     * the tenant (now when null) with {@code usedBytes} used in the cycle.
     */
    @Transactional(readOnly = true)
    public List<RadiusAttribute> radiusAttributes(
            UUID id, VendorProfile vendor, @Nullable LocalDateTime at, long usedBytes) {
        Plan plan = load(id);
        LocalDateTime when = at != null ? at : LocalDateTime.now(clock.withZone(tenantZone()));
        PlanDraft draft = plan.draft();
        return vendor.render(
                plan.speed().at(when, usedBytes), draft.sessionTimeoutSeconds(), draft.idleTimeoutSeconds());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<PlanReply> reply(UUID planId, NasVendor vendor, long usedBytes) {
        return plans.findById(planId).map(plan -> {
            LocalDateTime now = LocalDateTime.now(clock.withZone(tenantZone()));
            PlanDraft draft = plan.draft();
            var speed = plan.speed().at(now, usedBytes);
            var attributes =
                    profileFor(vendor).render(speed, draft.sessionTimeoutSeconds(), draft.idleTimeoutSeconds()).stream()
                            .map(a -> new PlanReply.Attribute(a.name(), a.value()))
                            .toList();
            List<Long> steps = new ArrayList<>(plan.speed().fupRules().stream()
                    .map(io.moonknight.plans.domain.FupRule::afterBytes)
                    .toList());
            boolean blocked = speed.blocked();
            String reason = speed.reason();
            Long quotaMb = draft.quotaMb();
            if (quotaMb != null && draft.billingType() != io.moonknight.plans.BillingType.MONTHLY_POSTPAID) {
                // a data pack or voucher as the service itself: its allowance is a last step that blocks
                long quota = quotaMb * 1_000_000L;
                steps.add(quota);
                steps.sort(null);
                if (usedBytes >= quota) {
                    blocked = true;
                    reason = PlanReply.ALLOWANCE_USED;
                }
            }
            return new PlanReply(
                    blocked,
                    reason,
                    attributes,
                    List.copyOf(steps),
                    draft.simultaneousUse() == null ? 1 : draft.simultaneousUse());
        });
    }

    public static VendorProfile profileFor(NasVendor vendor) {
        return switch (vendor) {
            case MIKROTIK -> VendorProfile.MIKROTIK;
            case CISCO -> VendorProfile.CISCO;
            case JUNIPER -> VendorProfile.JUNIPER;
            case UBIQUITI, OTHER -> VendorProfile.GENERIC;
        };
    }

    @Override
    public List<String> poolUses(UUID poolId) {
        return plans.findAllByIpv4PoolIdOrIpv6PoolId(poolId, poolId).stream()
                .map(plan -> "plan " + plan.name())
                .toList();
    }

    private void checkPools(PlanDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        if (draft.ipv4PoolId() != null) {
            var pool = ipam.pool(draft.ipv4PoolId());
            if (pool.isEmpty()) {
                errors.add(new FieldError("ipv4PoolId", "no such IP pool"));
            } else if (pool.get().ipv6()) {
                errors.add(new FieldError("ipv4PoolId", pool.get().name() + " is an IPv6 pool"));
            }
        }
        if (draft.ipv6PoolId() != null) {
            var pool = ipam.pool(draft.ipv6PoolId());
            if (pool.isEmpty()) {
                errors.add(new FieldError("ipv6PoolId", "no such IP pool"));
            } else if (!pool.get().ipv6()) {
                errors.add(new FieldError("ipv6PoolId", pool.get().name() + " is an IPv4 pool"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
    }

    private void requireUniqueCode(String code, UUID except) {
        if (plans.existsByCodeIgnoreCaseAndIdNot(code, except)) {
            throw ProblemException.conflict("code-taken", "A plan with the code " + code + " already exists")
                    .with("field", "code");
        }
    }

    private Currency tenantCurrency() {
        return tenants.currency(TenantContext.require());
    }

    private ZoneId tenantZone() {
        return tenants.zone(TenantContext.require());
    }

    private Plan load(UUID id) {
        return plans.findById(id).orElseThrow(() -> ProblemException.notFound("Plan", id));
    }
}
