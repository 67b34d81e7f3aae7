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
        Instant updatedAt,
        @Nullable Instant lockedUntil) {

    public record RoleRef(UUID id, String name) {}

    /** Whether too many failed logins keep the user out now (until {@link #lockedUntil}, or an admin's unlock). */
    public boolean locked() {
        return lockedUntil != null;
    }

    static UserView of(User user) {
        return of(user, null);
    }

    static UserView of(User user, @Nullable Instant lockedUntil) {
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
                user.updatedAt(),
                lockedUntil);
    }
}
