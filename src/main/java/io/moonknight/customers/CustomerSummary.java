package io.moonknight.customers;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer as other modules need it. */
public record CustomerSummary(
        UUID id,
        String accountNumber,
        String displayName,
        CustomerStatus status,
        @Nullable String area,
        @Nullable String primaryPhone,
        @Nullable String primaryEmail,
        @Nullable String installLine1,
        @Nullable String installLine2,
        @Nullable String installCity,
        @Nullable Double installLatitude,
        @Nullable Double installLongitude) {}
