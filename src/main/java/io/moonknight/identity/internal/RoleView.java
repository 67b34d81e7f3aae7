package io.moonknight.identity.internal;

import io.moonknight.shared.security.BuiltInRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A role with its effective permissions. */
public record RoleView(
        UUID id,
        String name,
        @Nullable String description,
        @Nullable BuiltInRole builtIn,
        List<String> permissions,
        boolean requireTwoFactor,
        long users,
        Instant createdAt,
        Instant updatedAt) {}
