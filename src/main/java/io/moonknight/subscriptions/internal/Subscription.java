package io.moonknight.subscriptions.internal;

import io.moonknight.shared.tenant.TenantOwned;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.SubscriptionSummary;
import io.moonknight.subscriptions.domain.Lifecycle;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(schema = "subscriptions", name = "subscriptions")
class Subscription extends TenantOwned<Subscription> {

    @Id
    private UUID id;

    private UUID customerId;
    private UUID planId;

    @Enumerated(EnumType.STRING)
    private AccessType accessType;

    private @Nullable String username;

    /** Sealed with the application's key; RADIUS needs it in clear for CHAP. */
    @Column(name = "password_sealed")
    private @Nullable String password;

    private @Nullable String macAddress;
    private @Nullable String circuitId;

    @Enumerated(EnumType.STRING)
    @Column(name = "ipv4_mode")
    private IpMode ipv4Mode;

    @Column(name = "ipv4_pool_id")
    private @Nullable UUID ipv4PoolId;

    @Column(name = "ipv4_allocation_id")
    private @Nullable UUID ipv4AllocationId;

    @Column(name = "ipv4_address")
    private @Nullable String ipv4Address;

    @Enumerated(EnumType.STRING)
    @Column(name = "ipv6_mode")
    private IpMode ipv6Mode;

    @Column(name = "ipv6_pool_id")
    private @Nullable UUID ipv6PoolId;

    @Column(name = "ipv6_allocation_id")
    private @Nullable UUID ipv6AllocationId;

    @Column(name = "ipv6_prefix")
    private @Nullable String ipv6Prefix;

    private @Nullable UUID vlanId;
    private @Nullable UUID dedicatedVlanId;
    private @Nullable UUID nasId;

    @Column(name = "install_line1")
    private @Nullable String installLine1;

    @Column(name = "install_line2")
    private @Nullable String installLine2;

    private @Nullable String installCity;
    private @Nullable Double installLatitude;
    private @Nullable Double installLongitude;
    private LocalDate startDate;

    @Enumerated(EnumType.STRING)
    private SubscriptionStatus status;

    private @Nullable String statusReason;
    private @Nullable String statusNote;
    private Instant statusChangedAt;
    private @Nullable Instant activatedAt;
    private @Nullable Instant suspendedAt;
    private @Nullable Instant terminatedAt;
    private @Nullable LocalDate expiresOn;
    private @Nullable UUID pendingPlanId;
    private @Nullable LocalDate pendingPlanFrom;
    private @Nullable String notes;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Subscription() {}

    Subscription(UUID id, UUID customerId, UUID planId, LocalDate startDate, Instant now) {
        this.id = id;
        this.customerId = customerId;
        this.planId = planId;
        this.accessType = AccessType.PPPOE;
        this.ipv4Mode = IpMode.NONE;
        this.ipv6Mode = IpMode.NONE;
        this.startDate = startDate;
        this.status = SubscriptionStatus.PENDING;
        this.statusChangedAt = now;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Technical details (everything but customer, plan and status); addresses are set by the service. */
    void apply(SubscriptionDraft.Checked draft, @Nullable String sealedPassword, Instant now) {
        this.accessType = draft.accessType();
        this.username = draft.username();
        if (sealedPassword != null || draft.username() == null) {
            this.password = sealedPassword;
        }
        this.macAddress = draft.macAddress();
        this.circuitId = draft.circuitId();
        this.vlanId = draft.vlanId();
        this.nasId = draft.nasId();
        this.installLine1 = draft.installLine1();
        this.installLine2 = draft.installLine2();
        this.installCity = draft.installCity();
        this.installLatitude = draft.installLatitude();
        this.installLongitude = draft.installLongitude();
        this.startDate = draft.startDate();
        this.notes = draft.notes();
        this.updatedAt = now;
    }

    void assignIpv4(IpMode mode, @Nullable UUID pool, @Nullable UUID allocation, @Nullable String address) {
        this.ipv4Mode = mode;
        this.ipv4PoolId = pool;
        this.ipv4AllocationId = allocation;
        this.ipv4Address = address;
    }

    void assignIpv6(IpMode mode, @Nullable UUID pool, @Nullable UUID allocation, @Nullable String prefix) {
        this.ipv6Mode = mode;
        this.ipv6PoolId = pool;
        this.ipv6AllocationId = allocation;
        this.ipv6Prefix = prefix;
    }

    void holdDedicatedVlan(@Nullable UUID vlan) {
        this.dedicatedVlanId = vlan;
    }

    /** Moves along the lifecycle; an illegal step throws {@link Lifecycle.IllegalTransition}. */
    SubscriptionStatus step(Lifecycle.Step step, @Nullable String reason, @Nullable String note, Instant now) {
        SubscriptionStatus from = status;
        this.status = Lifecycle.next(from, step);
        this.statusReason = reason;
        this.statusNote = note;
        this.statusChangedAt = now;
        this.updatedAt = now;
        switch (step) {
            case ACTIVATE -> this.activatedAt = now;
            case SUSPEND -> this.suspendedAt = now;
            case RESUME -> this.suspendedAt = null;
            case TERMINATE -> {
                this.terminatedAt = now;
                this.pendingPlanId = null;
                this.pendingPlanFrom = null;
                this.dedicatedVlanId = null;
            }
        }
        return from;
    }

    void expiresOn(@Nullable LocalDate date, Instant now) {
        this.expiresOn = date;
        this.updatedAt = now;
    }

    void changePlan(UUID plan, Instant now) {
        this.planId = plan;
        this.pendingPlanId = null;
        this.pendingPlanFrom = null;
        this.updatedAt = now;
    }

    void schedulePlan(@Nullable UUID plan, @Nullable LocalDate from, Instant now) {
        this.pendingPlanId = plan;
        this.pendingPlanFrom = from;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    UUID planId() {
        return planId;
    }

    SubscriptionStatus status() {
        return status;
    }

    @Nullable
    String statusReason() {
        return statusReason;
    }

    @Nullable
    String username() {
        return username;
    }

    @Nullable
    String sealedPassword() {
        return password;
    }

    IpMode ipv4Mode() {
        return ipv4Mode;
    }

    @Nullable
    UUID ipv4PoolId() {
        return ipv4PoolId;
    }

    @Nullable
    UUID ipv4AllocationId() {
        return ipv4AllocationId;
    }

    @Nullable
    String ipv4Address() {
        return ipv4Address;
    }

    IpMode ipv6Mode() {
        return ipv6Mode;
    }

    @Nullable
    UUID ipv6PoolId() {
        return ipv6PoolId;
    }

    @Nullable
    UUID ipv6AllocationId() {
        return ipv6AllocationId;
    }

    @Nullable
    String ipv6Prefix() {
        return ipv6Prefix;
    }

    @Nullable
    UUID vlanId() {
        return vlanId;
    }

    @Nullable
    UUID pendingPlanId() {
        return pendingPlanId;
    }

    @Nullable
    LocalDate pendingPlanFrom() {
        return pendingPlanFrom;
    }

    LocalDate startDate() {
        return startDate;
    }

    @Nullable
    LocalDate expiresOn() {
        return expiresOn;
    }

    SubscriptionSummary summary() {
        return new SubscriptionSummary(
                id,
                customerId,
                planId,
                status,
                accessType,
                username,
                macAddress,
                ipv4Address,
                ipv6Prefix,
                nasId,
                startDate,
                expiresOn);
    }

    SubscriptionView view(SubscriptionView.Names names) {
        return new SubscriptionView(
                id,
                customerId,
                names.customerName(),
                names.customerAccount(),
                planId,
                names.planName(),
                accessType,
                username,
                password != null,
                macAddress,
                circuitId,
                ipv4Mode,
                ipv4PoolId,
                ipv4Address,
                ipv6Mode,
                ipv6PoolId,
                ipv6Prefix,
                vlanId,
                names.vlanName(),
                dedicatedVlanId != null,
                nasId,
                names.nasName(),
                installLine1,
                installLine2,
                installCity,
                installLatitude,
                installLongitude,
                startDate,
                status,
                statusReason,
                statusNote,
                statusChangedAt,
                activatedAt,
                suspendedAt,
                terminatedAt,
                expiresOn,
                pendingPlanId,
                names.pendingPlanName(),
                pendingPlanFrom,
                notes,
                createdAt,
                updatedAt);
    }
}
