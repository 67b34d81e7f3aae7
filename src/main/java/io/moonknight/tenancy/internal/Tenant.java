package io.moonknight.tenancy.internal;

import io.moonknight.shared.audit.AuditScoped;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.TenantCreated;
import io.moonknight.tenancy.TenantReactivated;
import io.moonknight.tenancy.TenantSettings;
import io.moonknight.tenancy.TenantSettingsChanged;
import io.moonknight.tenancy.TenantSlug;
import io.moonknight.tenancy.TenantStatus;
import io.moonknight.tenancy.TenantSuspended;
import io.moonknight.tenancy.TenantView;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

@Entity
@Table(schema = "tenancy", name = "tenants")
class Tenant extends AbstractAggregateRoot<Tenant> implements AuditScoped {

    @Id
    private UUID id;

    private String slug;
    private String name;

    @Enumerated(EnumType.STRING)
    private TenantStatus status;

    private @Nullable String suspendedReason;
    private @Nullable Instant suspendedAt;
    private String timezone;
    private String currency;
    private String locale;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Tenant() {}

    Tenant(UUID id, TenantSlug slug, TenantSettings settings, Instant now) {
        this.id = id;
        this.slug = slug.value();
        this.status = TenantStatus.ACTIVE;
        this.createdAt = now;
        apply(settings, now);
        registerEvent(new TenantCreated(id, this.slug, this.name));
    }

    void changeSettings(TenantSettings settings, Instant now) {
        apply(settings, now);
        registerEvent(new TenantSettingsChanged(id, name, timezone, currency, locale));
    }

    void suspend(String reason, Instant now) {
        if (status == TenantStatus.SUSPENDED) {
            throw ProblemException.conflict("tenant-already-suspended", "Tenant " + slug + " is already suspended");
        }
        status = TenantStatus.SUSPENDED;
        suspendedReason = reason;
        suspendedAt = now;
        updatedAt = now;
        registerEvent(new TenantSuspended(id, reason));
    }

    void reactivate(Instant now) {
        if (status == TenantStatus.ACTIVE) {
            throw ProblemException.conflict("tenant-already-active", "Tenant " + slug + " is already active");
        }
        status = TenantStatus.ACTIVE;
        suspendedReason = null;
        suspendedAt = null;
        updatedAt = now;
        registerEvent(new TenantReactivated(id));
    }

    TenantView view() {
        return new TenantView(
                id, slug, name, status, suspendedReason, suspendedAt, timezone, currency, locale, createdAt, updatedAt);
    }

    UUID id() {
        return id;
    }

    /** Changes to a tenant belong to that tenant's audit trail (and the platform's, when an operator makes them). */
    @Override
    public UUID auditTenantId() {
        return id;
    }

    private void apply(TenantSettings settings, Instant now) {
        this.name = settings.name();
        this.timezone = settings.timezone().getId();
        this.currency = settings.currency().getCurrencyCode();
        this.locale = settings.locale().toLanguageTag();
        this.updatedAt = now;
    }
}
