package io.moonknight.shared.audit;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An entity that says which tenant's audit trail its changes belong to (null: the platform's). */
public interface AuditScoped {

    @Nullable
    UUID auditTenantId();
}
