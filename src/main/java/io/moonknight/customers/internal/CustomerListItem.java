package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer as listed and exported. */
public record CustomerListItem(
        UUID id,
        String accountNumber,
        String displayName,
        CustomerStatus status,
        @Nullable String area,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String nationalId,
        List<String> tags,
        @Nullable String address,
        @Nullable Double latitude,
        @Nullable Double longitude,
        Instant createdAt) {}
