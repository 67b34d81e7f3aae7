package io.moonknight.customers.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** One entry of a customer's service history. */
public record HistoryEntryView(
        UUID id,
        Instant occurredAt,
        String kind,
        String title,
        JsonNode details,
        @Nullable String actorName,
        @Nullable String referenceType,
        @Nullable String referenceId) {}
