package io.moonknight.identity.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.identity.domain.GrantPolicy;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Applies {@link GrantPolicy}'s verdicts for the identity services: a refusal is recorded in the audit trail (in
 * its own transaction, so it survives the rollback) and answered with 403 {@code privilege-escalation}.
 */
@Component
class GrantGuard {

    private final PermissionCatalog catalog;
    private final AuditTrail audit;

    GrantGuard(PermissionCatalog catalog, AuditTrail audit) {
        this.catalog = catalog;
        this.audit = audit;
    }

    /** The effective permissions a set of roles grants. */
    Set<String> permissionsOf(Collection<Role> roles) {
        return catalog.effective(roles.stream()
                .map(role -> new PermissionCatalog.RoleGrant(role.builtInRole(), role.storedPermissions()))
                .collect(Collectors.toList()));
    }

    Set<String> permissionsOf(User user) {
        return permissionsOf(user.roles());
    }

    /** Throws 403 (and audits the attempt) unless the verdict allows the change. */
    void require(GrantPolicy.Verdict verdict, String what, String targetType, Object targetId) {
        if (verdict instanceof GrantPolicy.Verdict.Refused refused) {
            audit.recordSeparately(AuditRecord.of("identity.privilege-escalation-refused", targetType, targetId)
                    .with("attempted", what)
                    .with("reason", refused.reason().name())
                    .with("missing", String.join(", ", refused.missing())));
            throw IdentityProblems.privilegeEscalation(refused, what);
        }
    }
}
