package io.moonknight.audit;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One entry of the audit trail. */
public record AuditEventView(
        long id,
        Instant occurredAt,
        @Nullable UUID tenantId,
        String actorType,
        @Nullable UUID actorId,
        String actorName,
        String action,
        @Nullable String targetType,
        @Nullable String targetId,
        JsonNode details,
        @Nullable String operation,
        @Nullable String sourceAddress,
        @Nullable String userAgent) {}
