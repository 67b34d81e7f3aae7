package io.moonknight.identity.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record UserView(
        UUID id,
        String username,
        String email,
        String fullName,
        @Nullable String phone,
        UserStatus status,
        boolean twoFactorEnabled,
        List<RoleRef> roles,
        @Nullable Instant lastLoginAt,
        Instant passwordChangedAt,
        Instant createdAt,
        Instant updatedAt) {

    public record RoleRef(UUID id, String name) {}

    static UserView of(User user) {
        return new UserView(
                user.id(),
                user.username(),
                user.email(),
                user.fullName(),
                user.phone(),
                user.status(),
                user.twoFactorEnabled(),
                user.roles().stream()
                        .map(r -> new RoleRef(r.id(), r.name()))
                        .sorted(java.util.Comparator.comparing(RoleRef::name))
                        .toList(),
                user.lastLoginAt(),
                user.passwordChangedAt(),
                user.createdAt(),
                user.updatedAt());
    }
}
