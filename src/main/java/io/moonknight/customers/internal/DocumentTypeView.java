package io.moonknight.customers.internal;

import java.time.Instant;
import java.util.UUID;

public record DocumentTypeView(
        UUID id, String code, String name, boolean active, int position, Instant createdAt, Instant updatedAt) {}
