package io.moonknight.customers.internal;

import io.moonknight.customers.domain.CustomFieldType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record CustomFieldView(
        UUID id,
        String key,
        String label,
        CustomFieldType type,
        boolean required,
        List<String> choices,
        int position,
        boolean active,
        Instant createdAt,
        Instant updatedAt) {}
