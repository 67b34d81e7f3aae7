package io.moonknight.network.internal;

import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.domain.AddressRange;
import io.moonknight.network.domain.IpAddress;
import io.moonknight.network.domain.IpFamily;
import io.moonknight.network.domain.IpPrefix;
import io.moonknight.network.domain.PoolLayout;
import io.moonknight.shared.audit.NotAudited;
import io.moonknight.shared.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * An IP pool's definition. Its counters (allocated, next free unit, alert level) belong to {@link IpAllocator},
 * which keeps them under the pool's row lock; this entity only reads them.
 */
@Entity
@Table(schema = "network", name = "ip_pools")
class IpPool extends TenantOwned<IpPool> {

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private IpFamily family;

    private String prefix;
    private int assignmentLength;

    @Enumerated(EnumType.STRING)
    private IpPoolPurpose purpose;

    private @Nullable String gateway;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> dnsServers = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> excluded = new ArrayList<>();

    private int alertThreshold;
    private @Nullable String description;

    @NotAudited
    @Column(name = "allocated_count", insertable = false, updatable = false)
    private long allocatedCount;

    @NotAudited
    @Column(name = "next_unit", insertable = false, updatable = false)
    private @Nullable BigDecimal nextUnit;

    @NotAudited
    @Column(name = "alert_level", insertable = false, updatable = false)
    private int alertLevel;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected IpPool() {}

    IpPool(IpPoolDraft.Checked checked, Instant now) {
        this.id = UUID.randomUUID();
        this.family = checked.layout().prefix().family();
        this.createdAt = now;
        apply(checked, now);
    }

    void apply(IpPoolDraft.Checked checked, Instant now) {
        IpPoolDraft draft = checked.draft();
        this.name = draft.name();
        this.prefix = draft.prefix();
        this.assignmentLength = checked.layout().assignmentLength();
        this.purpose = draft.purpose();
        this.gateway = draft.gateway();
        this.dnsServers = new ArrayList<>(draft.dnsServers());
        this.excluded = new ArrayList<>(draft.excluded());
        this.alertThreshold = draft.alertThreshold();
        this.description = draft.description();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    int assignmentLength() {
        return assignmentLength;
    }

    long allocatedCount() {
        return allocatedCount;
    }

    PoolLayout layout() {
        return layout(prefix, assignmentLength, gateway, excluded);
    }

    static PoolLayout layout(String prefix, int assignmentLength, @Nullable String gateway, List<String> excluded) {
        return new PoolLayout(
                IpPrefix.parse(prefix),
                assignmentLength,
                gateway == null ? null : IpAddress.parse(gateway),
                excluded.stream().map(AddressRange::parse).toList());
    }

    IpPoolSummary summary() {
        return new IpPoolSummary(id, name, family == IpFamily.IPV6, prefix, assignmentLength, purpose);
    }

    IpPoolView view() {
        PoolLayout layout = layout();
        var usable = layout.usable();
        double percent = usable.signum() == 0
                ? 100
                : new BigDecimal(allocatedCount)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(new BigDecimal(usable), 2, java.math.RoundingMode.HALF_UP)
                        .doubleValue();
        return new IpPoolView(
                id,
                name,
                family,
                prefix,
                assignmentLength,
                purpose,
                gateway,
                List.copyOf(dnsServers),
                List.copyOf(excluded),
                alertThreshold,
                description,
                layout.units().toString(),
                usable.toString(),
                allocatedCount,
                percent,
                alertLevel == 2 ? IpPoolView.Alert.EXHAUSTED : alertLevel == 1 ? IpPoolView.Alert.THRESHOLD : null,
                createdAt,
                updatedAt);
    }
}
