package io.moonknight.plans.internal;

import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanStatus;
import io.moonknight.plans.PlanSummary;
import io.moonknight.plans.domain.SpeedProfile;
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
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

@Entity
@Table(schema = "plans", name = "plans")
class Plan extends TenantOwned<Plan> {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Id
    private UUID id;

    private String code;
    private String name;
    private @Nullable String description;

    @Enumerated(EnumType.STRING)
    private BillingType billingType;

    private BigDecimal price;
    private String currency;
    private String taxClass;
    private BigDecimal setupFee;
    private @Nullable Integer validityDays;
    private @Nullable Long quotaMb;

    @Column(name = "overage_price")
    private @Nullable BigDecimal overagePricePerGb;

    private @Nullable Integer timeLimitMinutes;
    private long downloadKbps;
    private long uploadKbps;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private @Nullable String downloadBurst;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private @Nullable String uploadBurst;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String fupRules;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private String timeRules;

    private int simultaneousUse;

    @Column(name = "idle_timeout")
    private @Nullable Integer idleTimeoutSeconds;

    @Column(name = "session_timeout")
    private @Nullable Integer sessionTimeoutSeconds;

    private @Nullable UUID ipv4PoolId;
    private @Nullable UUID ipv6PoolId;

    @Enumerated(EnumType.STRING)
    private PlanStatus status;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Plan() {}

    Plan(PlanDraft.Checked checked, Instant now) {
        this.id = UUID.randomUUID();
        this.status = PlanStatus.ACTIVE;
        this.createdAt = now;
        this.fupRules = "[]";
        this.timeRules = "[]";
        apply(checked, now);
    }

    void apply(PlanDraft.Checked checked, Instant now) {
        PlanDraft draft = checked.draft();
        this.code = draft.code();
        this.name = draft.name();
        this.description = draft.description();
        this.billingType = draft.billingType();
        this.price = draft.price();
        this.currency = checked.currency().getCurrencyCode();
        this.taxClass = java.util.Objects.requireNonNull(draft.taxClass());
        this.setupFee = java.util.Objects.requireNonNull(draft.setupFee());
        this.validityDays = draft.validityDays();
        this.quotaMb = draft.quotaMb();
        this.overagePricePerGb = draft.overagePricePerGb();
        this.timeLimitMinutes = draft.timeLimitMinutes();
        this.downloadKbps = draft.downloadKbps();
        this.uploadKbps = draft.uploadKbps();
        this.downloadBurst = draft.downloadBurst() == null ? null : JSON.writeValueAsString(draft.downloadBurst());
        this.uploadBurst = draft.uploadBurst() == null ? null : JSON.writeValueAsString(draft.uploadBurst());
        this.fupRules = JSON.writeValueAsString(draft.fupRules() == null ? List.of() : draft.fupRules());
        this.timeRules = JSON.writeValueAsString(draft.timeRules() == null ? List.of() : draft.timeRules());
        this.simultaneousUse = draft.simultaneousUse() == null ? 1 : draft.simultaneousUse();
        this.idleTimeoutSeconds = draft.idleTimeoutSeconds();
        this.sessionTimeoutSeconds = draft.sessionTimeoutSeconds();
        this.ipv4PoolId = draft.ipv4PoolId();
        this.ipv6PoolId = draft.ipv6PoolId();
        this.updatedAt = now;
    }

    void setStatus(PlanStatus status, Instant now) {
        this.status = status;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    @Nullable
    UUID ipv4PoolId() {
        return ipv4PoolId;
    }

    @Nullable
    UUID ipv6PoolId() {
        return ipv6PoolId;
    }

    /** The plan as entered, which is also what the API shows. */
    PlanDraft draft() {
        return new PlanDraft(
                code,
                name,
                description,
                billingType,
                price,
                currency,
                taxClass,
                setupFee,
                validityDays,
                quotaMb,
                overagePricePerGb,
                timeLimitMinutes,
                downloadKbps,
                uploadKbps,
                downloadBurst == null ? null : JSON.readValue(downloadBurst, PlanDraft.BurstInput.class),
                uploadBurst == null ? null : JSON.readValue(uploadBurst, PlanDraft.BurstInput.class),
                JSON.readValue(fupRules, new TypeReference<List<PlanDraft.FupInput>>() {}),
                JSON.readValue(timeRules, new TypeReference<List<PlanDraft.TimeInput>>() {}),
                simultaneousUse,
                idleTimeoutSeconds,
                sessionTimeoutSeconds,
                ipv4PoolId,
                ipv6PoolId);
    }

    SpeedProfile speed() {
        return draft().check(java.util.Currency.getInstance(currency)).speed();
    }

    PlanSummary summary() {
        return new PlanSummary(
                id,
                code,
                name,
                billingType,
                status,
                price,
                currency,
                taxClass,
                setupFee,
                validityDays,
                quotaMb,
                overagePricePerGb,
                timeLimitMinutes,
                downloadKbps,
                uploadKbps,
                simultaneousUse,
                ipv4PoolId,
                ipv6PoolId);
    }

    PlanView view() {
        return new PlanView(id, status, draft(), createdAt, updatedAt);
    }
}
