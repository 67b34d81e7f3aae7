package io.moonknight.audit;

import io.moonknight.shared.security.Actor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An action to record. The actor, tenant, source address and user agent are taken from the current request
 * and principal unless given.
 *
 * @param action dotted and past-tense, e.g. {@code auth.login-failed}, {@code session.revoked}
 * @param details a summary without secrets
 */
public record AuditRecord(
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        Map<String, @Nullable Object> details,
        @Nullable UUID tenantId,
        @Nullable Actor actor,
        @Nullable String actorName) {

    public static AuditRecord of(String action, @Nullable String targetType, @Nullable Object targetId) {
        return new AuditRecord(
                action,
                targetType,
                targetId == null ? null : targetId.toString(),
                new LinkedHashMap<String, @Nullable Object>(),
                null,
                null,
                null);
    }

    public AuditRecord with(String key, @Nullable Object value) {
        Map<String, @Nullable Object> copy = new LinkedHashMap<String, @Nullable Object>(details);
        copy.put(key, value);
        return new AuditRecord(action, targetType, targetId, copy, tenantId, actor, actorName);
    }

    /** The tenant whose trail gets the record (default: the bound tenant). */
    public AuditRecord inTenant(@Nullable UUID tenant) {
        return new AuditRecord(action, targetType, targetId, details, tenant, actor, actorName);
    }

    /** Who acted, when it is not the authenticated principal (e.g. the user who just logged in). */
    public AuditRecord by(Actor who) {
        return new AuditRecord(action, targetType, targetId, details, tenantId, who, actorName);
    }

    /** Names an unauthenticated actor (e.g. the username typed in a failed login). */
    public AuditRecord byAnonymous(String name) {
        return new AuditRecord(action, targetType, targetId, details, tenantId, null, name);
    }
}
