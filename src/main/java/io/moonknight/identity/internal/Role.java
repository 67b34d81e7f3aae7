package io.moonknight.identity.internal;

import io.moonknight.shared.audit.AuditLabelled;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A named set of permissions. Built-in roles store no permissions: theirs come from the modules'
 * declarations, so a module added later extends them. Custom roles store the permissions a tenant admin
 * picked.
 */
@Entity
@Table(schema = "identity", name = "roles")
class Role extends TenantOwned<Role> implements AuditLabelled {

    @Id
    private UUID id;

    private String name;
    private @Nullable String description;

    @Enumerated(EnumType.STRING)
    @Column(name = "built_in")
    private @Nullable BuiltInRole builtin;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> permissions = new ArrayList<>();

    private boolean requireTwoFactor;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Role() {}

    private Role(
            UUID id,
            String name,
            @Nullable String description,
            @Nullable BuiltInRole builtin,
            Set<String> permissions,
            Instant now) {
        this.id = id;
        this.name = name;
        this.description = description;
        this.builtin = builtin;
        this.permissions = new ArrayList<>(permissions.stream().sorted().toList());
        this.createdAt = now;
        this.updatedAt = now;
    }

    static Role builtIn(BuiltInRole role, Instant now) {
        return new Role(UUID.randomUUID(), role.displayName(), role.description(), role, Set.of(), now);
    }

    static Role custom(String name, @Nullable String description, Set<String> permissions, Instant now) {
        return new Role(UUID.randomUUID(), name, description, null, permissions, now);
    }

    void redefine(String name, @Nullable String description, Set<String> permissions, Instant now) {
        if (builtin != null) {
            throw IdentityProblems.builtInRoleImmutable(this.name);
        }
        this.name = name;
        this.description = description;
        this.permissions = new ArrayList<>(permissions.stream().sorted().toList());
        this.updatedAt = now;
    }

    /** Built-in roles too: an admin may demand two-factor authentication of any role. */
    void requireTwoFactor(boolean required, Instant now) {
        this.requireTwoFactor = required;
        this.updatedAt = now;
    }

    boolean requiresTwoFactor() {
        return requireTwoFactor;
    }

    @Override
    public String auditLabel() {
        return name;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    @Nullable
    String description() {
        return description;
    }

    @Nullable
    BuiltInRole builtInRole() {
        return builtin;
    }

    boolean isBuiltIn() {
        return builtin != null;
    }

    List<String> storedPermissions() {
        return List.copyOf(permissions);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
