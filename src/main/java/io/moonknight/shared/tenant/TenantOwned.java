package io.moonknight.shared.tenant;

import io.moonknight.shared.audit.AuditScoped;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PrePersist;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * Base class of every tenant-owned aggregate. Hibernate fills {@code tenant_id} from {@link TenantContext}
 * on insert and adds it to every query, so one tenant can never read or change another tenant's rows
 * through JPA. This is the single isolation mechanism for tenant-owned data; {@code JdbcClient} queries add
 * {@code tenant_id = :tenant} themselves, taking the value from {@link TenantContext#require()}.
 *
 * <p>Aggregates register their domain events ({@link #registerEvent}); the repository publishes them on save.
 */
@MappedSuperclass
public abstract class TenantOwned<A extends TenantOwned<A>> extends AbstractAggregateRoot<A> implements AuditScoped {

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @PrePersist
    void requireBoundTenant() {
        TenantContext.require();
    }

    public UUID tenantId() {
        return tenantId;
    }

    @Override
    public UUID auditTenantId() {
        return tenantId;
    }
}
