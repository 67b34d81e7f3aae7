package io.moonknight.subscriptions.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpAllocationView;
import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.NasDirectory;
import io.moonknight.network.NasStatus;
import io.moonknight.network.NasSummary;
import io.moonknight.network.NetworkReferences;
import io.moonknight.network.VlanDirectory;
import io.moonknight.network.VlanMode;
import io.moonknight.network.VlanSummary;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.SecretBox;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.SubscriptionActivated;
import io.moonknight.subscriptions.SubscriptionCreated;
import io.moonknight.subscriptions.SubscriptionDirectory;
import io.moonknight.subscriptions.SubscriptionLifecycle;
import io.moonknight.subscriptions.SubscriptionPlanChanged;
import io.moonknight.subscriptions.SubscriptionResumed;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.SubscriptionSummary;
import io.moonknight.subscriptions.SubscriptionSuspended;
import io.moonknight.subscriptions.SubscriptionTerminated;
import io.moonknight.subscriptions.domain.Cycles;
import io.moonknight.subscriptions.domain.Lifecycle;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creating, changing and moving subscriptions through their lifecycle. Each step is one transaction: the
 * status, the addresses allocated or released, the subscription's change log, the audit record and the
 * published event (which also reaches the customer's timeline) all happen together or not at all.
 */
@Service
public class SubscriptionService implements SubscriptionDirectory, SubscriptionLifecycle, NetworkReferences {

    static final String HOLDER = "Subscription";
    private static final String PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum When {
        NOW,
        NEXT_CYCLE
    }

    /** A subscription's login, for the staff who set up the router or the subscriber's device. */
    public record Credentials(
            @Nullable String username, @Nullable String password) {}

    private final SubscriptionRepository subscriptions;
    private final ChangeLog changes;
    private final CustomerDirectory customers;
    private final PlanCatalog plans;
    private final IpAddressManagement ipam;
    private final VlanDirectory vlans;
    private final NasDirectory nas;
    private final TenantDirectory tenants;
    private final SecretBox box;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JdbcClient jdbc;

    SubscriptionService(
            SubscriptionRepository subscriptions,
            ChangeLog changes,
            CustomerDirectory customers,
            PlanCatalog plans,
            IpAddressManagement ipam,
            VlanDirectory vlans,
            NasDirectory nas,
            TenantDirectory tenants,
            SecretBox box,
            AuditTrail audit,
            ApplicationEventPublisher events,
            Clock clock,
            JdbcClient jdbc) {
        this.subscriptions = subscriptions;
        this.changes = changes;
        this.customers = customers;
        this.plans = plans;
        this.ipam = ipam;
        this.vlans = vlans;
        this.nas = nas;
        this.tenants = tenants;
        this.box = box;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.jdbc = jdbc;
    }

    @Transactional
    public SubscriptionView create(UUID customerId, UUID planId, SubscriptionDraft draft, boolean activate) {
        CustomerSummary customer = customers
                .find(customerId)
                .orElseThrow(() -> ProblemException.invalidField("customerId", "no such customer"));
        PlanSummary plan =
                plans.find(planId).orElseThrow(() -> ProblemException.invalidField("planId", "no such plan"));
        if (!plan.active()) {
            throw ProblemException.invalidField("planId", "the plan " + plan.name() + " is archived and not sold");
        }
        var checked = withCustomerAddress(draft.check(today()), customer);
        Instant now = clock.instant();
        var subscription = new Subscription(UUID.randomUUID(), customerId, planId, checked.startDate(), now);
        String password = checked.password();
        if (password == null && checked.username() != null) {
            password = generatePassword();
        }
        applyDetails(subscription, checked, password, plan, true);
        save(subscription);
        changes.add(
                subscription.id(),
                "created",
                null,
                SubscriptionStatus.PENDING,
                null,
                null,
                Map.of("plan", plan.name()));
        events.publishEvent(new SubscriptionCreated(
                tenant(), subscription.id(), customerId, planId, plan.name(), subscription.username(), now));
        if (activate) {
            return step(subscription, Lifecycle.Step.ACTIVATE, null, null);
        }
        return view(subscription);
    }

    @Transactional
    public SubscriptionView update(UUID id, SubscriptionDraft draft) {
        Subscription subscription = load(id);
        if (subscription.status() == SubscriptionStatus.TERMINATED) {
            throw ProblemException.conflict("subscription-terminated", "A terminated subscription cannot be changed");
        }
        var checked = draft.check(today());
        PlanSummary plan = plan(subscription.planId());
        String password = checked.password();
        if (password == null && checked.username() != null && subscription.sealedPassword() == null) {
            password = generatePassword();
        }
        applyDetails(subscription, checked, password, plan, false);
        save(subscription);
        changes.add(id, "updated", null, null, null, null, Map.of());
        return view(subscription);
    }

    @Transactional
    public SubscriptionView activate(UUID id) {
        return step(load(id), Lifecycle.Step.ACTIVATE, null, null);
    }

    @Transactional
    public SubscriptionView suspend(UUID id, String reason, @Nullable String note) {
        return step(load(id), Lifecycle.Step.SUSPEND, requireReason(reason), note);
    }

    @Transactional
    public SubscriptionView resume(UUID id) {
        return step(load(id), Lifecycle.Step.RESUME, null, null);
    }

    @Transactional
    public SubscriptionView terminate(UUID id, String reason, @Nullable String note) {
        return step(load(id), Lifecycle.Step.TERMINATE, requireReason(reason), note);
    }

    /** Moves to another plan now, or schedules the move for the start of the next cycle. */
    @Transactional
    public SubscriptionView changePlan(UUID id, UUID planId, When when) {
        Subscription subscription = load(id);
        if (!Lifecycle.planChangeable(subscription.status())) {
            throw illegal("A terminated subscription cannot change plans");
        }
        PlanSummary target =
                plans.find(planId).orElseThrow(() -> ProblemException.invalidField("planId", "no such plan"));
        if (!target.active()) {
            throw ProblemException.invalidField("planId", "the plan " + target.name() + " is archived and not sold");
        }
        if (target.id().equals(subscription.planId())) {
            throw ProblemException.conflict("same-plan", "The subscription is already on " + target.name())
                    .with("field", "planId");
        }
        Instant now = clock.instant();
        if (when == When.NEXT_CYCLE) {
            LocalDate from = Cycles.nextCycleStart(subscription.startDate(), today());
            subscription.schedulePlan(target.id(), from, now);
            save(subscription);
            changes.add(
                    id,
                    "plan-change-scheduled",
                    null,
                    null,
                    null,
                    null,
                    Map.of("plan", target.name(), "from", from.toString()));
            audit.record(AuditRecord.of("subscription.plan-change-scheduled", HOLDER, id)
                    .with("plan", target.name())
                    .with("from", from.toString()));
            return view(subscription);
        }
        movePlan(subscription, target, false);
        return view(subscription);
    }

    @Transactional
    public SubscriptionView cancelPlanChange(UUID id) {
        Subscription subscription = load(id);
        if (subscription.pendingPlanId() == null) {
            throw ProblemException.conflict("no-plan-change", "No plan change is scheduled");
        }
        subscription.schedulePlan(null, null, clock.instant());
        save(subscription);
        changes.add(id, "plan-change-cancelled", null, null, null, null, Map.of());
        return view(subscription);
    }

    /** Applies a scheduled plan change if it is due in the tenant's calendar; false when nothing was due. */
    @Transactional
    public boolean applyDuePlanChange(UUID id) {
        Subscription subscription = load(id);
        UUID pending = subscription.pendingPlanId();
        LocalDate from = subscription.pendingPlanFrom();
        if (pending == null || from == null || from.isAfter(today())) {
            return false;
        }
        if (subscription.status() == SubscriptionStatus.TERMINATED) {
            subscription.schedulePlan(null, null, clock.instant());
            return false;
        }
        movePlan(subscription, plan(pending), true);
        return true;
    }

    @Transactional
    public Credentials credentials(UUID id) {
        Subscription subscription = load(id);
        String sealed = subscription.sealedPassword();
        audit.record(AuditRecord.of("subscription.credentials-viewed", HOLDER, id));
        return new Credentials(subscription.username(), sealed == null ? null : box.open(sealed, passwordContext(id)));
    }

    /** What the list can be narrowed to; {@code q} matches username, MAC, IPv4 address or circuit id. */
    public record Filter(
            @Nullable SubscriptionStatus status,
            @Nullable AccessType accessType,
            @Nullable UUID customerId,
            @Nullable UUID planId,
            @Nullable UUID nasId,
            @Nullable String q) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    @Transactional(readOnly = true)
    public Page<SubscriptionView> list(Filter filter, Pageable pageable) {
        var where = new StringBuilder("tenant_id = :tenant");
        var params = new HashMap<String, Object>();
        params.put("tenant", TenantContext.require());
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.accessType() != null) {
            where.append(" and access_type = :access");
            params.put("access", filter.accessType().name());
        }
        if (filter.customerId() != null) {
            where.append(" and customer_id = :customer");
            params.put("customer", filter.customerId());
        }
        if (filter.planId() != null) {
            where.append(" and plan_id = :plan");
            params.put("plan", filter.planId());
        }
        if (filter.nasId() != null) {
            where.append(" and nas_id = :nas");
            params.put("nas", filter.nasId());
        }
        String q = filter.q();
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(username) like :q or mac_address like :q or ipv4_address like :q"
                    + " or lower(circuit_id) like :q)");
            params.put(
                    "q",
                    q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%") + "%");
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        long[] total = {0};
        List<UUID> ids = jdbc.sql("select id, count(*) over () as total from subscriptions.subscriptions where " + where
                        + " order by created_at desc, id limit :limit offset :offset")
                .params(params)
                .query((row, i) -> {
                    total[0] = row.getLong("total");
                    return row.getObject("id", UUID.class);
                })
                .list();
        Map<UUID, Subscription> byId = new HashMap<>();
        subscriptions.findAllById(ids).forEach(s -> byId.put(s.id(), s));
        List<Subscription> ordered =
                ids.stream().map(byId::get).filter(Objects::nonNull).toList();
        return new PageImpl<>(views(ordered), pageable, total[0]);
    }

    @Transactional(readOnly = true)
    public List<ChangeLog.Change> changes(UUID id) {
        load(id);
        return changes.list(id);
    }

    @Transactional(readOnly = true)
    public SubscriptionView get(UUID id) {
        return view(load(id));
    }

    @Transactional(readOnly = true)
    public List<SubscriptionView> forCustomer(UUID customerId) {
        return views(subscriptions.findAllByCustomerIdOrderByCreatedAtDesc(customerId));
    }

    @Transactional(readOnly = true)
    public List<SubscriptionView> views(List<Subscription> list) {
        Map<UUID, CustomerSummary> people = customers.findAll(
                list.stream().map(Subscription::customerId).distinct().toList());
        Map<UUID, Optional<PlanSummary>> planNames = new HashMap<>();
        Map<UUID, Optional<VlanSummary>> vlanNames = new HashMap<>();
        Map<UUID, Optional<NasSummary>> nasNames = new HashMap<>();
        List<SubscriptionView> views = new ArrayList<>(list.size());
        for (Subscription s : list) {
            views.add(s.view(names(s, people.get(s.customerId()), planNames, vlanNames, nasNames)));
        }
        return views;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SubscriptionSummary> find(UUID subscriptionId) {
        return subscriptions.findById(subscriptionId).map(Subscription::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<SubscriptionSummary> ofCustomer(UUID customerId) {
        return subscriptions.findAllByCustomerIdOrderByCreatedAtDesc(customerId).stream()
                .map(Subscription::summary)
                .toList();
    }

    @Override
    @Transactional
    public List<UUID> suspendAll(UUID customerId, String reason, String note) {
        List<UUID> done = new ArrayList<>();
        for (Subscription s : subscriptions.findAllByCustomerIdOrderByCreatedAtDesc(customerId)) {
            if (s.status() == SubscriptionStatus.ACTIVE) {
                suspend(s.id(), reason, note);
                done.add(s.id());
            }
        }
        return done;
    }

    @Override
    @Transactional
    public void setExpiry(UUID subscriptionId, LocalDate expiresOn, String why) {
        Subscription subscription = load(subscriptionId);
        LocalDate before = subscription.expiresOn();
        subscription.expiresOn(expiresOn, clock.instant());
        changes.add(
                subscriptionId,
                "expiry-set",
                null,
                null,
                why,
                null,
                Map.of("from", before == null ? "" : before.toString(), "to", expiresOn.toString()));
        audit.record(AuditRecord.of("subscription.expiry-set", HOLDER, subscriptionId)
                .with("expiresOn", expiresOn)
                .with("why", why));
    }

    @Override
    @Transactional
    public boolean suspendIfActive(UUID subscriptionId, String reason, String note) {
        if (load(subscriptionId).status() != SubscriptionStatus.ACTIVE) {
            return false;
        }
        suspend(subscriptionId, reason, note);
        return true;
    }

    @Override
    @Transactional
    public boolean resumeIfSuspendedFor(UUID subscriptionId, String reason) {
        Subscription subscription = load(subscriptionId);
        if (subscription.status() != SubscriptionStatus.SUSPENDED || !reason.equals(subscription.statusReason())) {
            return false;
        }
        resume(subscriptionId);
        return true;
    }

    @Override
    @Transactional
    public List<UUID> resumeAll(UUID customerId, String reason) {
        List<UUID> done = new ArrayList<>();
        for (Subscription s : subscriptions.findAllByCustomerIdOrderByCreatedAtDesc(customerId)) {
            if (s.status() == SubscriptionStatus.SUSPENDED && reason.equals(s.statusReason())) {
                resume(s.id());
                done.add(s.id());
            }
        }
        return done;
    }

    @Override
    @Transactional
    public List<UUID> terminateAll(UUID customerId, String reason, String note) {
        List<UUID> done = new ArrayList<>();
        for (Subscription s : subscriptions.findAllByCustomerIdOrderByCreatedAtDesc(customerId)) {
            if (s.status() != SubscriptionStatus.TERMINATED) {
                terminate(s.id(), reason, note);
                done.add(s.id());
            }
        }
        return done;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SubscriptionSummary> billable() {
        return subscriptions
                .findAllByStatusInOrderByCreatedAt(List.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.SUSPENDED))
                .stream()
                .map(Subscription::summary)
                .toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<SubscriptionSummary> billable(Instant endedSince) {
        List<SubscriptionSummary> all = new java.util.ArrayList<>(billable());
        subscriptions
                .findAllByStatusAndStatusChangedAtGreaterThanEqualOrderByCreatedAt(
                        SubscriptionStatus.TERMINATED, endedSince)
                .forEach(s -> all.add(s.summary()));
        return all;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, List<io.moonknight.subscriptions.BillingChange>> billingChanges(Instant since) {
        return changes.billingChanges(since);
    }

    @Override
    public List<String> poolUses(UUID poolId) {
        return changes.uses("ipv4_pool_id = :id or ipv6_pool_id = :id", poolId);
    }

    @Override
    public List<String> vlanUses(UUID vlanId) {
        return changes.uses("vlan_id = :id", vlanId);
    }

    @Override
    public List<String> nasUses(UUID nasId) {
        return changes.uses("nas_id = :id", nasId);
    }

    private SubscriptionView step(
            Subscription subscription, Lifecycle.Step step, @Nullable String reason, @Nullable String note) {
        Instant now = clock.instant();
        SubscriptionStatus from;
        try {
            from = subscription.step(step, reason, note == null || note.isBlank() ? null : note.strip(), now);
        } catch (Lifecycle.IllegalTransition e) {
            throw illegal(String.valueOf(e.getMessage()))
                    .with("currentStatus", e.from().name())
                    .with(
                            "allowed",
                            Lifecycle.stepsFrom(e.from()).stream()
                                    .map(Enum::name)
                                    .toList());
        }
        PlanSummary plan = plan(subscription.planId());
        UUID id = subscription.id();
        switch (step) {
            case ACTIVATE -> {
                events.publishEvent(new SubscriptionActivated(
                        tenant(), id, subscription.customerId(), plan.id(), plan.name(), subscription.username(), now));
            }
            case SUSPEND ->
                events.publishEvent(new SubscriptionSuspended(
                        tenant(),
                        id,
                        subscription.customerId(),
                        plan.id(),
                        plan.name(),
                        subscription.username(),
                        Objects.requireNonNull(reason),
                        note,
                        now));
            case RESUME ->
                events.publishEvent(new SubscriptionResumed(
                        tenant(), id, subscription.customerId(), plan.id(), plan.name(), subscription.username(), now));
            case TERMINATE -> {
                releaseIpv4(subscription);
                releaseIpv6(subscription);
                events.publishEvent(new SubscriptionTerminated(
                        tenant(),
                        id,
                        subscription.customerId(),
                        plan.id(),
                        plan.name(),
                        subscription.username(),
                        Objects.requireNonNull(reason),
                        note,
                        now));
            }
        }
        save(subscription);
        changes.add(
                id,
                step.name().toLowerCase(java.util.Locale.ROOT),
                from,
                subscription.status(),
                reason,
                note,
                Map.of());
        return view(subscription);
    }

    private void movePlan(Subscription subscription, PlanSummary target, boolean scheduled) {
        PlanSummary current = plan(subscription.planId());
        Instant now = clock.instant();
        subscription.changePlan(target.id(), now);
        if (subscription.ipv4Mode() == IpMode.DYNAMIC
                && Objects.equals(subscription.ipv4PoolId(), current.ipv4PoolId())
                && target.ipv4PoolId() != null) {
            subscription.assignIpv4(IpMode.DYNAMIC, target.ipv4PoolId(), null, null);
        }
        save(subscription);
        changes.add(
                subscription.id(),
                scheduled ? "plan-changed-scheduled" : "plan-changed",
                null,
                null,
                null,
                null,
                Map.of(
                        "from",
                        current.name(),
                        "to",
                        target.name(),
                        "fromPlanId",
                        current.id(),
                        "toPlanId",
                        target.id()));
        events.publishEvent(new SubscriptionPlanChanged(
                tenant(),
                subscription.id(),
                subscription.customerId(),
                current.id(),
                current.name(),
                target.id(),
                target.name(),
                subscription.username(),
                scheduled,
                now));
    }

    /** Credentials, VLAN, NAS and addresses, checked against the other modules; allocates static addresses. */
    private void applyDetails(
            Subscription subscription,
            SubscriptionDraft.Checked draft,
            @Nullable String password,
            PlanSummary plan,
            boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        VlanSummary vlan = null;
        if (draft.vlanId() != null) {
            vlan = vlans.vlan(draft.vlanId()).orElse(null);
            if (vlan == null) {
                errors.add(new FieldError("vlanId", "no such VLAN"));
            }
        }
        if (draft.nasId() != null) {
            var found = nas.nas(draft.nasId());
            if (found.isEmpty()) {
                errors.add(new FieldError("nasId", "no such NAS"));
            } else if (found.get().status() != NasStatus.ACTIVE
                    && (creating || !draft.nasId().equals(subscription.summary().nasId()))) {
                errors.add(new FieldError("nasId", found.get().name() + " is disabled"));
            }
        }
        IpPoolSummary v4Pool =
                pool(errors, "ipv4PoolId", draft.ipv4Mode(), draft.ipv4PoolId(), plan.ipv4PoolId(), false);
        IpPoolSummary v6Pool =
                pool(errors, "ipv6PoolId", draft.ipv6Mode(), draft.ipv6PoolId(), plan.ipv6PoolId(), true);
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        requireUnique(subscription.id(), draft);
        subscription.apply(
                draft,
                password == null ? null : box.seal(password, passwordContext(subscription.id())),
                clock.instant());
        subscription.holdDedicatedVlan(vlan != null && vlan.mode() == VlanMode.DEDICATED ? vlan.id() : null);

        // IPv4
        if (draft.ipv4Mode() != IpMode.STATIC) {
            releaseIpv4(subscription);
            subscription.assignIpv4(draft.ipv4Mode(), v4Pool == null ? null : v4Pool.id(), null, null);
        } else if (v4Pool != null
                && !keeps(
                        subscription.ipv4Mode(),
                        subscription.ipv4PoolId(),
                        subscription.ipv4Address(),
                        v4Pool,
                        draft.ipv4Address())) {
            releaseIpv4(subscription);
            IpAllocationView allocation = allocate(v4Pool, draft.ipv4Address(), subscription.id(), "ipv4Address");
            subscription.assignIpv4(IpMode.STATIC, v4Pool.id(), allocation.id(), allocation.address());
        }
        // IPv6
        if (draft.ipv6Mode() != IpMode.STATIC) {
            releaseIpv6(subscription);
            subscription.assignIpv6(draft.ipv6Mode(), v6Pool == null ? null : v6Pool.id(), null, null);
        } else if (v6Pool != null
                && !keeps(
                        subscription.ipv6Mode(),
                        subscription.ipv6PoolId(),
                        subscription.ipv6Prefix(),
                        v6Pool,
                        draft.ipv6Prefix())) {
            releaseIpv6(subscription);
            IpAllocationView allocation = allocate(v6Pool, draft.ipv6Prefix(), subscription.id(), "ipv6Prefix");
            subscription.assignIpv6(IpMode.STATIC, v6Pool.id(), allocation.id(), allocation.address());
        }
    }

    /** The pool for a mode, checked: it exists, is of the right family and purpose. */
    private @Nullable IpPoolSummary pool(
            List<FieldError> errors,
            String field,
            IpMode mode,
            @Nullable UUID given,
            @Nullable UUID planDefault,
            boolean ipv6) {
        if (mode == IpMode.NONE) {
            return null;
        }
        UUID id = given != null ? given : mode == IpMode.DYNAMIC ? planDefault : null;
        String family = ipv6 ? "IPv6" : "IPv4";
        if (id == null) {
            errors.add(new FieldError(field, "choose a " + family + " pool (the plan names none)"));
            return null;
        }
        IpPoolSummary pool = ipam.pool(id).orElse(null);
        if (pool == null) {
            errors.add(new FieldError(field, "no such IP pool"));
            return null;
        }
        if (pool.ipv6() != ipv6) {
            errors.add(new FieldError(field, pool.name() + " is not an " + family + " pool"));
            return null;
        }
        IpPoolPurpose wanted = mode == IpMode.STATIC ? IpPoolPurpose.STATIC : IpPoolPurpose.DYNAMIC;
        if (pool.purpose() != wanted) {
            errors.add(new FieldError(
                    field,
                    pool.name() + " is a " + pool.purpose().name().toLowerCase(java.util.Locale.ROOT) + " pool;"
                            + " a " + mode.name().toLowerCase(java.util.Locale.ROOT) + " assignment needs a "
                            + wanted.name().toLowerCase(java.util.Locale.ROOT) + " one"));
            return null;
        }
        return pool;
    }

    /** Whether the current static allocation already satisfies the request. */
    private static boolean keeps(
            IpMode mode,
            @Nullable UUID pool,
            @Nullable String current,
            IpPoolSummary wanted,
            @Nullable String address) {
        return mode == IpMode.STATIC
                && wanted.id().equals(pool)
                && current != null
                && (address == null || address.equalsIgnoreCase(current));
    }

    private IpAllocationView allocate(IpPoolSummary pool, @Nullable String address, UUID holder, String field) {
        try {
            return ipam.allocate(pool.id(), address, HOLDER, holder, null);
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw ProblemException.invalidField(
                        field.startsWith("ipv4") ? "ipv4PoolId" : "ipv6PoolId", "no such IP pool");
            }
            if (problem.status().is4xxClientError() && problem.status().value() != 409) {
                throw ProblemException.invalidField(field, problem.summary());
            }
            throw ProblemException.conflict(problem.type(), problem.detail()).with("field", field);
        }
    }

    private void releaseIpv4(Subscription subscription) {
        if (subscription.ipv4AllocationId() != null) {
            ipam.release(subscription.ipv4AllocationId());
            subscription.assignIpv4(subscription.ipv4Mode(), subscription.ipv4PoolId(), null, null);
        }
    }

    private void releaseIpv6(Subscription subscription) {
        if (subscription.ipv6AllocationId() != null) {
            ipam.release(subscription.ipv6AllocationId());
            subscription.assignIpv6(subscription.ipv6Mode(), subscription.ipv6PoolId(), null, null);
        }
    }

    private void requireUnique(UUID id, SubscriptionDraft.Checked draft) {
        if (draft.username() != null && changes.taken("lower(username) = lower(:value)", draft.username(), id)) {
            throw ProblemException.conflict("username-taken", "The username " + draft.username() + " is in use")
                    .with("field", "username");
        }
        if (draft.macAddress() != null && changes.taken("mac_address = :value", draft.macAddress(), id)) {
            throw ProblemException.conflict(
                            "mac-address-taken",
                            "The MAC address " + draft.macAddress() + " belongs to another subscription")
                    .with("field", "macAddress");
        }
        if (draft.vlanId() != null && changes.taken("dedicated_vlan_id = :value", draft.vlanId(), id)) {
            throw ProblemException.conflict(
                            "vlan-taken", "The VLAN is dedicated and already serves another subscription")
                    .with("field", "vlanId");
        }
    }

    /** Saves now, so a race lost on a unique credential or dedicated VLAN is a clear 409, not a failed commit. */
    private void save(Subscription subscription) {
        try {
            subscriptions.saveAndFlush(subscription);
        } catch (DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            String field =
                    message.contains("username") ? "username" : message.contains("mac") ? "macAddress" : "vlanId";
            throw ProblemException.conflict(field + "-taken", "Another subscription took this " + field + " meanwhile")
                    .with("field", field);
        }
    }

    private SubscriptionDraft.Checked withCustomerAddress(SubscriptionDraft.Checked draft, CustomerSummary customer) {
        if (draft.installLine1() != null
                || draft.installLine2() != null
                || draft.installCity() != null
                || draft.installLatitude() != null) {
            return draft;
        }
        return new SubscriptionDraft.Checked(
                draft.accessType(),
                draft.username(),
                draft.password(),
                draft.macAddress(),
                draft.circuitId(),
                draft.ipv4Mode(),
                draft.ipv4PoolId(),
                draft.ipv4Address(),
                draft.ipv6Mode(),
                draft.ipv6PoolId(),
                draft.ipv6Prefix(),
                draft.vlanId(),
                draft.nasId(),
                customer.installLine1(),
                customer.installLine2(),
                customer.installCity(),
                customer.installLatitude(),
                customer.installLongitude(),
                draft.startDate(),
                draft.notes());
    }

    private SubscriptionView view(Subscription subscription) {
        return views(List.of(subscription)).getFirst();
    }

    private SubscriptionView.Names names(
            Subscription s,
            @Nullable CustomerSummary customer,
            Map<UUID, Optional<PlanSummary>> planCache,
            Map<UUID, Optional<VlanSummary>> vlanCache,
            Map<UUID, Optional<NasSummary>> nasCache) {
        var summary = s.summary();
        String planName = planCache
                .computeIfAbsent(s.planId(), plans::find)
                .map(PlanSummary::name)
                .orElse(null);
        String pendingName = s.pendingPlanId() == null
                ? null
                : planCache
                        .computeIfAbsent(s.pendingPlanId(), plans::find)
                        .map(PlanSummary::name)
                        .orElse(null);
        String vlanName = s.vlanId() == null
                ? null
                : vlanCache
                        .computeIfAbsent(s.vlanId(), vlans::vlan)
                        .map(v -> v.name() + " (" + v.tag() + ")")
                        .orElse(null);
        String nasName = summary.nasId() == null
                ? null
                : nasCache.computeIfAbsent(summary.nasId(), nas::nas)
                        .map(NasSummary::name)
                        .orElse(null);
        return new SubscriptionView.Names(
                customer == null ? null : customer.displayName(),
                customer == null ? null : customer.accountNumber(),
                planName,
                pendingName,
                vlanName,
                nasName);
    }

    private PlanSummary plan(UUID id) {
        return plans.find(id).orElseThrow(() -> new IllegalStateException("Plan " + id + " is gone"));
    }

    private static String requireReason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalidField("reason", "say why");
        }
        if (reason.length() > 200) {
            throw ProblemException.invalidField("reason", "must be at most 200 characters");
        }
        return reason.strip();
    }

    private static ProblemException illegal(String detail) {
        return ProblemException.conflict("illegal-transition", detail);
    }

    static String passwordContext(UUID id) {
        return "subscription-password:" + id;
    }

    private static String generatePassword() {
        var out = new StringBuilder(10);
        for (int i = 0; i < 10; i++) {
            out.append(PASSWORD_ALPHABET.charAt(RANDOM.nextInt(PASSWORD_ALPHABET.length())));
        }
        return out.toString();
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(zone()));
    }

    private ZoneId zone() {
        return tenants.find(TenantContext.require())
                .map(TenantView::timezone)
                .map(ZoneId::of)
                .orElse(ZoneId.of("UTC"));
    }

    private static UUID tenant() {
        return TenantContext.require();
    }

    private Subscription load(UUID id) {
        return subscriptions.findById(id).orElseThrow(() -> ProblemException.notFound("Subscription", id));
    }

    static String actorName() {
        return Actor.current().map(Actor::displayName).orElse("system");
    }
}
