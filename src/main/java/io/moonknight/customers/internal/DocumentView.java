package io.moonknight.customers.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record DocumentView(
        UUID id,
        UUID customerId,
        String typeCode,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        DocumentStatus status,
        String uploadedBy,
        Instant uploadedAt,
        @Nullable String reviewedBy,
        @Nullable Instant reviewedAt,
        @Nullable String reviewReason,
        @Nullable String removedBy,
        @Nullable Instant removedAt,
        @Nullable String removalReason) {}
