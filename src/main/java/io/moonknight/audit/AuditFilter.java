package io.moonknight.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to show. {@code action} matches a prefix ({@code user.} finds every user action);
 * {@code q} searches the actor's name, the action and the target id.
 */
public record AuditFilter(
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable UUID actorId,
        @Nullable String actorType,
        @Nullable String action,
        @Nullable String targetType,
        @Nullable String targetId,
        @Nullable String q) {

    public static AuditFilter none() {
        return new AuditFilter(null, null, null, null, null, null, null, null);
    }
}
