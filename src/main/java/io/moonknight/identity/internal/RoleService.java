package io.moonknight.identity.internal;

import io.moonknight.identity.domain.GrantPolicy;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.BuiltInRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant admin's use cases on roles. Built-in roles are read-only. */
@Service
public class RoleService {

    private final RoleRepository roles;
    private final UserRepository users;
    private final PermissionCatalog catalog;
    private final GrantGuard guard;
    private final ActorResolver actors;
    private final Clock clock;

    RoleService(
            RoleRepository roles,
            UserRepository users,
            PermissionCatalog catalog,
            GrantGuard guard,
            ActorResolver actors,
            Clock clock) {
        this.roles = roles;
        this.users = users;
        this.catalog = catalog;
        this.guard = guard;
        this.actors = actors;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<RoleView> list() {
        return roles.findAllByOrderByBuiltinAscNameAsc().stream()
                .map(this::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public Page<RoleView> list(Pageable page) {
        return roles.findAll(page).map(this::view);
    }

    @Transactional(readOnly = true)
    public RoleView get(UUID id) {
        return view(load(id));
    }

    /** An administrator creates a role; it may grant nothing {@code by} does not hold. */
    @Transactional
    public RoleView create(Actor by, String name, @Nullable String description, Set<String> permissions) {
        checkPermissions(permissions);
        guard.require(GrantPolicy.grant(by.permissions(), permissions), "create this role", "Role", name.strip());
        return create(name, description, permissions);
    }

    /** Creates a role for the system (demo data), without comparing to a person's permissions. */
    @Transactional
    RoleView create(String name, @Nullable String description, Set<String> permissions) {
        String trimmed = name(name);
        if (roles.existsByNameIgnoreCase(trimmed)) {
            throw IdentityProblems.roleNameTaken(trimmed);
        }
        checkPermissions(permissions);
        return view(roles.save(Role.custom(trimmed, description(description), permissions, clock.instant())));
    }

    /**
     * Redefines a custom role. {@code by} must hold what the role grants now and what it will grant, so nobody
     * widens a role (their own included) beyond themselves or strips permissions they do not hold from others.
     */
    @Transactional
    public RoleView update(Actor by, UUID id, String name, @Nullable String description, Set<String> permissions) {
        Role role = load(id);
        if (role.isBuiltIn()) {
            throw IdentityProblems.builtInRoleImmutable(role.name());
        }
        checkPermissions(permissions);
        guard.require(
                GrantPolicy.redefineRole(by.permissions(), guard.permissionsOf(List.of(role)), permissions),
                "change the role " + role.name(),
                "Role",
                role.id());
        String trimmed = name(name);
        if (!role.name().equalsIgnoreCase(trimmed) && roles.existsByNameIgnoreCase(trimmed)) {
            throw IdentityProblems.roleNameTaken(trimmed);
        }
        checkPermissions(permissions);
        role.redefine(trimmed, description(description), permissions, clock.instant());
        roles.saveAndFlush(role);
        actors.evictAll();
        return view(role);
    }

    /**
     * Requires (or stops requiring) two-factor authentication of the role's users, built-in roles included; only
     * by someone holding every permission of the role, so nobody loosens (or imposes) the Admins' second factor.
     */
    @Transactional
    public RoleView requireTwoFactor(Actor by, UUID id, boolean required) {
        Role role = load(id);
        guard.require(
                GrantPolicy.actOnGrant(by.permissions(), guard.permissionsOf(List.of(role))),
                "change two-factor for the role " + role.name(),
                "Role",
                role.id());
        role.requireTwoFactor(required, clock.instant());
        return view(roles.save(role));
    }

    @Transactional
    public void delete(Actor by, UUID id) {
        Role role = load(id);
        guard.require(
                GrantPolicy.redefineRole(by.permissions(), guard.permissionsOf(List.of(role)), Set.of()),
                "delete the role " + role.name(),
                "Role",
                role.id());
        if (role.isBuiltIn()) {
            throw IdentityProblems.builtInRoleImmutable(role.name());
        }
        long assigned = users.countByRole(id);
        if (assigned > 0) {
            throw IdentityProblems.roleInUse(role.name(), assigned);
        }
        roles.delete(role);
    }

    /** Creates the built-in roles a tenant does not have yet (all of them for a new tenant). */
    @Transactional
    public void ensureBuiltInRoles() {
        for (BuiltInRole builtIn : BuiltInRole.values()) {
            if (roles.findByBuiltin(builtIn).isEmpty()) {
                roles.save(Role.builtIn(builtIn, clock.instant()));
            }
        }
    }

    private RoleView view(Role role) {
        var permissions = new ArrayList<>(catalog.effective(
                List.of(new PermissionCatalog.RoleGrant(role.builtInRole(), role.storedPermissions()))));
        permissions.sort(null);
        return new RoleView(
                role.id(),
                role.name(),
                role.description(),
                role.builtInRole(),
                permissions,
                role.requiresTwoFactor(),
                users.countByRole(role.id()),
                role.createdAt(),
                role.updatedAt());
    }

    private void checkPermissions(Set<String> permissions) {
        var unknown =
                permissions.stream().filter(p -> !catalog.exists(p)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw IdentityProblems.unknownPermissions(unknown);
        }
    }

    private Role load(UUID id) {
        return roles.findById(id).orElseThrow(() -> IdentityProblems.roleNotFound(id));
    }

    private static String name(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 60) {
            throw io.moonknight.shared.web.ProblemException.invalidField("name", "must be 1-60 characters");
        }
        return trimmed;
    }

    /** A description: optional, at most 300 characters after trimming. */
    private static @Nullable String description(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > 300) {
            throw io.moonknight.shared.web.ProblemException.invalidField(
                    "description", "must be at most 300 characters");
        }
        return trimmed;
    }
}
