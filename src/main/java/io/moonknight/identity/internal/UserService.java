package io.moonknight.identity.internal;

import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.tenant.TenantContext;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant admin's use cases on staff users. Every method works in the bound tenant only. */
@Service
public class UserService {

    static final String USERS_MANAGE = "users:manage";

    private final UserRepository users;
    private final RoleRepository roles;
    private final PermissionCatalog catalog;
    private final PasswordService passwords;
    private final SessionStore sessions;
    private final ActorResolver actors;
    private final LoginThrottle throttle;
    private final Clock clock;

    UserService(
            UserRepository users,
            RoleRepository roles,
            PermissionCatalog catalog,
            PasswordService passwords,
            SessionStore sessions,
            ActorResolver actors,
            LoginThrottle throttle,
            Clock clock) {
        this.users = users;
        this.roles = roles;
        this.catalog = catalog;
        this.passwords = passwords;
        this.sessions = sessions;
        this.actors = actors;
        this.throttle = throttle;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserView> search(
            @Nullable String query, @Nullable UserStatus status, @Nullable UUID roleId, Pageable pageable) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return users.search(q, status, roleId, pageable).map(UserView::of);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return UserView.of(load(id));
    }

    @Transactional
    public UserView create(NewUser command) {
        if (users.existsByUsername(command.username().value())) {
            throw IdentityProblems.usernameTaken(command.username().value());
        }
        String hash = passwords.hash(
                "password", command.password(), command.username().value());
        var user = new User(command.username(), command.profile(), hash, loadRoles(command.roleIds()), clock.instant());
        return UserView.of(users.save(user));
    }

    @Transactional
    public UserView changeProfile(UUID id, UserProfile profile) {
        User user = load(id);
        user.changeProfile(profile, clock.instant());
        return UserView.of(users.save(user));
    }

    @Transactional
    public UserView disable(UUID id, Actor by) {
        User user = load(id);
        if (user.id().equals(by.id())) {
            throw IdentityProblems.cannotChangeSelf("disable");
        }
        user.disable(clock.instant());
        users.saveAndFlush(user);
        requireAnAdministrator();
        sessions.revokeAll(ActorType.STAFF, user.id(), TenantContext.require(), null, "account disabled");
        actors.evictUser(user.id());
        return UserView.of(user);
    }

    @Transactional
    public UserView enable(UUID id) {
        User user = load(id);
        user.enable(clock.instant());
        actors.evictUser(user.id());
        return UserView.of(users.save(user));
    }

    /** An administrator sets a new password; the user's sessions end. */
    @Transactional
    public void resetPassword(UUID id, String password) {
        User user = load(id);
        user.changePassword(passwords.hash("password", password, user.username()), clock.instant());
        users.save(user);
        sessions.revokeAll(
                ActorType.STAFF, user.id(), TenantContext.require(), null, "password reset by an administrator");
        actors.evictUser(user.id());
    }

    /** A user changes their own password; their other sessions end. Wrong current passwords are throttled. */
    @Transactional
    public void changeOwnPassword(Actor me, String currentPassword, String newPassword, ClientInfo client) {
        User user = load(me.id());
        String account = LoginThrottle.account(user.tenantId(), user.username());
        throttle.acquire(account, client.address());
        if (!passwords.matches(currentPassword, user.passwordHash())) {
            throw IdentityProblems.wrongCurrentPassword();
        }
        throttle.succeeded(account, client.address());
        user.changePassword(passwords.hash("newPassword", newPassword, user.username()), clock.instant());
        users.save(user);
        sessions.revokeAll(ActorType.STAFF, user.id(), TenantContext.require(), me.sessionId(), "password changed");
        actors.evictUser(user.id());
    }

    @Transactional
    public UserView assignRoles(UUID id, Set<UUID> roleIds) {
        User user = load(id);
        user.assignRoles(loadRoles(roleIds), clock.instant());
        users.saveAndFlush(user);
        requireAnAdministrator();
        actors.evictUser(user.id());
        return UserView.of(user);
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    /** Refuses a change that leaves no active user able to manage users (the tenant would be locked out). */
    void requireAnAdministrator() {
        List<UUID> managing = roles.findAll().stream()
                .filter(role -> catalog.effective(
                                List.of(new PermissionCatalog.RoleGrant(role.builtInRole(), role.storedPermissions())))
                        .contains(USERS_MANAGE))
                .map(Role::id)
                .toList();
        if (managing.isEmpty() || users.countActiveWithAnyRole(managing) == 0) {
            throw IdentityProblems.lastAdmin();
        }
    }

    Set<Role> loadRoles(Set<UUID> ids) {
        var found = new HashSet<>(roles.findAllById(ids));
        if (found.size() != ids.size()) {
            var missing = new HashSet<>(ids);
            found.forEach(role -> missing.remove(role.id()));
            throw io.moonknight.shared.web.ProblemException.invalidField(
                    "roleIds",
                    "unknown role(s): "
                            + missing.stream().map(UUID::toString).sorted().toList());
        }
        return found;
    }

    Role builtInRole(BuiltInRole role) {
        return roles.findByBuiltin(role)
                .orElseThrow(() -> new IllegalStateException("Built-in role " + role + " missing"));
    }

    private User load(UUID id) {
        return users.findWithRolesById(id).orElseThrow(() -> IdentityProblems.userNotFound(id));
    }
}
