package io.moonknight.identity.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.identity.domain.GrantPolicy;
import io.moonknight.identity.domain.GrantPolicy.UserOperation;
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
    private final PasswordService passwords;
    private final SessionStore sessions;
    private final ActorResolver actors;
    private final LoginThrottle throttle;
    private final GrantGuard guard;
    private final ApiKeyService apiKeys;
    private final AuditTrail audit;
    private final Clock clock;

    UserService(
            UserRepository users,
            RoleRepository roles,
            PasswordService passwords,
            SessionStore sessions,
            ActorResolver actors,
            LoginThrottle throttle,
            GrantGuard guard,
            ApiKeyService apiKeys,
            AuditTrail audit,
            Clock clock) {
        this.users = users;
        this.roles = roles;
        this.passwords = passwords;
        this.sessions = sessions;
        this.actors = actors;
        this.throttle = throttle;
        this.guard = guard;
        this.apiKeys = apiKeys;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<UserView> search(
            @Nullable String query, @Nullable UserStatus status, @Nullable UUID roleId, Pageable pageable) {
        String q = query == null || query.isBlank() ? null : query.strip();
        return users.search(q, status, roleId, pageable).map(this::view);
    }

    @Transactional(readOnly = true)
    public UserView get(UUID id) {
        return view(load(id));
    }

    /** An administrator creates a user; the roles may grant nothing {@code by} does not hold. */
    @Transactional
    public UserView create(Actor by, NewUser command) {
        Set<Role> granted = loadRoles(command.roleIds());
        guard.require(
                GrantPolicy.grant(by.permissions(), guard.permissionsOf(granted)),
                "create this user",
                "User",
                command.username().value());
        return create(command);
    }

    /** Creates a user for the system (the tenant's first admin, demo data), without comparing to a person's permissions. */
    @Transactional
    UserView create(NewUser command) {
        if (users.existsByUsername(command.username().value())) {
            throw IdentityProblems.usernameTaken(command.username().value());
        }
        String hash = passwords.hash(
                "password", command.password(), command.username().value());
        var user = new User(command.username(), command.profile(), hash, loadRoles(command.roleIds()), clock.instant());
        return view(users.save(user));
    }

    @Transactional
    public UserView changeProfile(Actor by, UUID id, UserProfile profile) {
        User user = authorized(by, id, UserOperation.CHANGE_PROFILE);
        user.changeProfile(profile, clock.instant());
        return view(users.save(user));
    }

    /** Disables a user: their sessions end and the API keys they created are revoked. */
    @Transactional
    public UserView disable(UUID id, Actor by) {
        User user = load(id);
        if (user.id().equals(by.id())) {
            throw IdentityProblems.cannotChangeSelf("disable");
        }
        authorize(by, user, UserOperation.DISABLE);
        user.disable(clock.instant());
        users.saveAndFlush(user);
        requireAnAdministrator();
        sessions.revokeAll(ActorType.STAFF, user.id(), TenantContext.require(), null, "account disabled");
        apiKeys.revokeCreatedBy(user.id(), "creator disabled");
        actors.evictUser(user.id());
        return view(user);
    }

    @Transactional
    public UserView enable(Actor by, UUID id) {
        User user = authorized(by, id, UserOperation.ENABLE);
        user.enable(clock.instant());
        actors.evictUser(user.id());
        return view(users.save(user));
    }

    /** An administrator sets a new password; the user's sessions end. */
    @Transactional
    public void resetPassword(Actor by, UUID id, String password) {
        User user = authorized(by, id, UserOperation.RESET_PASSWORD);
        user.changePassword(passwords.hash("password", password, user.username()), clock.instant());
        users.save(user);
        sessions.revokeAll(
                ActorType.STAFF, user.id(), TenantContext.require(), null, "password reset by an administrator");
        actors.evictUser(user.id());
    }

    /**
     * A user changes their own password; their other sessions end. Wrong current passwords are throttled (an empty
     * one is refused before it counts).
     */
    @Transactional
    public void changeOwnPassword(Actor me, String currentPassword, String newPassword, ClientInfo client) {
        if (currentPassword.isEmpty()) {
            throw io.moonknight.shared.web.ProblemException.invalidField(
                    "currentPassword", "enter your current password");
        }
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

    /**
     * Replaces a user's roles. Not one's own; {@code by} must hold every permission the user holds now and every
     * permission the new roles grant; the tenant keeps an active Admin.
     */
    @Transactional
    public UserView assignRoles(Actor by, UUID id, Set<UUID> roleIds) {
        User user = load(id);
        Set<Role> newRoles = loadRoles(roleIds);
        guard.require(
                GrantPolicy.assignRoles(
                        by.id(), by.permissions(), user.id(), guard.permissionsOf(user), guard.permissionsOf(newRoles)),
                UserOperation.ASSIGN_ROLES.verb() + " " + user.username(),
                "User",
                user.id());
        user.assignRoles(newRoles, clock.instant());
        users.saveAndFlush(user);
        requireAnAdministrator();
        actors.evictUser(user.id());
        return view(user);
    }

    /** Lifts a login lockout (too many failed attempts) from every address at once; audited. */
    @Transactional
    public UserView unlock(Actor by, UUID id) {
        User user = authorized(by, id, UserOperation.UNLOCK);
        throttle.unlock(LoginThrottle.account(user.tenantId(), user.username()));
        audit.record(AuditRecord.of("user.unlocked", "User", user.id()).with("username", user.username()));
        return view(user);
    }

    /**
     * Loads a user of the bound tenant and checks that {@code by} may do {@code operation} to them (holds every
     * permission they hold); 403 otherwise. For the other identity services (two-factor reset, force logout).
     */
    User authorized(Actor by, UUID id, UserOperation operation) {
        User user = load(id);
        authorize(by, user, operation);
        return user;
    }

    private void authorize(Actor by, User user, UserOperation operation) {
        guard.require(
                GrantPolicy.actOn(by.id(), by.permissions(), user.id(), guard.permissionsOf(user), operation),
                operation.verb() + " " + user.username(),
                "User",
                user.id());
    }

    @Transactional(readOnly = true)
    public long count() {
        return users.count();
    }

    /**
     * Refuses a change that leaves the tenant without an active user holding the built-in Admin role (the only
     * role that holds every permission, so the only one that can always repair the others). Taken on the locked
     * Admin role row, after the change is flushed, so two concurrent demotions cannot both pass.
     */
    void requireAnAdministrator() {
        Role admin = roles.findWithLockByBuiltin(BuiltInRole.ADMIN)
                .orElseThrow(() -> new IllegalStateException("Built-in role ADMIN missing"));
        if (users.countActiveWithAnyRole(List.of(admin.id())) == 0) {
            throw IdentityProblems.lastAdmin();
        }
    }

    private UserView view(User user) {
        return UserView.of(user, throttle.lockedUntil(LoginThrottle.account(user.tenantId(), user.username())));
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
