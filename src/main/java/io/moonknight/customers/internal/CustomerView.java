package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A customer profile as shown and returned by the API. */
public record CustomerView(
        UUID id,
        String accountNumber,
        CustomerType type,
        @Nullable String firstName,
        @Nullable String lastName,
        @Nullable String companyName,
        String displayName,
        List<String> phones,
        List<String> emails,
        @Nullable String nationalId,
        @Nullable String taxId,
        CustomerStatus status,
        @Nullable String area,
        List<String> tags,
        @Nullable String notes,
        Map<String, String> customFields,
        Address installationAddress,
        boolean billingSameAsInstallation,
        Address billingAddress,
        Instant createdAt,
        Instant updatedAt) {}
