package io.moonknight.identity.internal;

import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantSlug;
import io.moonknight.tenancy.TenantView;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logging in, refreshing and logging out. An unknown tenant, an unknown user and a wrong password get the
 * same answer and take the same time; a suspended tenant or disabled account is only reported once the
 * password is proven.
 */
@Service
public class AuthService {

    private final TenantDirectory tenants;
    private final UserRepository users;
    private final OperatorRepository operators;
    private final PermissionCatalog catalog;
    private final PasswordEncoder passwords;
    private final SessionStore sessions;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final ActorResolver actors;
    private final TransactionTemplate transaction;
    private final MoonKnightProperties.Security settings;
    private final Clock clock;
    private final String timingDummyHash;

    AuthService(
            TenantDirectory tenants,
            UserRepository users,
            OperatorRepository operators,
            PermissionCatalog catalog,
            PasswordEncoder passwords,
            SessionStore sessions,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            ActorResolver actors,
            PlatformTransactionManager transactionManager,
            MoonKnightProperties properties,
            Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.operators = operators;
        this.catalog = catalog;
        this.passwords = passwords;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.actors = actors;
        this.transaction = new TransactionTemplate(transactionManager);
        this.settings = properties.security();
        this.clock = clock;
        this.timingDummyHash = Objects.requireNonNull(passwords.encode("timing-equaliser-" + UUID.randomUUID()));
    }

    /** Verifies the credentials and opens a session on the attempt's channel. */
    public Actor login(LoginAttempt attempt) {
        String tenant = attempt.tenant();
        if (tenant == null || tenant.isBlank()) {
            return Objects.requireNonNull(transaction.execute(status -> operatorLogin(attempt)));
        }
        Optional<TenantView> found = slug(tenant).flatMap(slug -> tenants.findBySlug(slug.value()));
        if (found.isEmpty()) {
            throw wrongCredentials(attempt.password());
        }
        TenantView target = found.get();
        return TenantContext.call(
                target.id(), () -> Objects.requireNonNull(transaction.execute(status -> staffLogin(target, attempt))));
    }

    /** Tokens for an actor that has just logged in on the API channel. */
    public TokenPair issueTokens(Actor actor) {
        UUID session = Objects.requireNonNull(actor.sessionId(), "an API login has a session");
        var expires = sessions.find(session)
                .orElseThrow(IdentityProblems::invalidRefreshToken)
                .expiresAt();
        return new TokenPair(
                accessTokens.issue(actor),
                refreshTokens.issue(session, expires),
                accessTokens.ttl().toSeconds());
    }

    /** Rotates a refresh token. Reuse of a rotated token revokes its whole family. */
    public TokenPair refresh(String refreshToken) {
        var rotation = refreshTokens.use(refreshToken);
        UUID sessionId = rotation.sessionId();
        if (rotation.outcome() == RefreshTokens.Rotation.Outcome.REUSED && sessionId != null) {
            endSession(sessionId, "refresh token reused");
        }
        if (rotation.outcome() != RefreshTokens.Rotation.Outcome.ROTATED || sessionId == null) {
            throw IdentityProblems.invalidRefreshToken();
        }
        SessionView session = sessions.find(sessionId)
                .filter(s -> s.activeAt(clock.instant()))
                .orElseThrow(IdentityProblems::invalidRefreshToken);
        actors.evictUser(session.userId());
        var resolution = actors.resolve(session.actorType(), session.userId(), session.tenantId(), session.id());
        if (resolution instanceof ActorResolver.Resolution.Rejected rejected) {
            throw rejected.problem();
        }
        Actor actor = ((ActorResolver.Resolution.Resolved) resolution).actor();
        return new TokenPair(
                accessTokens.issue(actor),
                refreshTokens.issue(session.id(), session.expiresAt()),
                accessTokens.ttl().toSeconds());
    }

    /** Ends the session a refresh token belongs to; unknown tokens are ignored. */
    public void logout(String refreshToken) {
        refreshTokens.sessionOf(refreshToken).ifPresent(session -> endSession(session, "logout"));
    }

    public void endSession(UUID sessionId, String reason) {
        sessions.find(sessionId).ifPresent(session -> {
            sessions.revoke(sessionId, reason);
            actors.evictUser(session.userId());
        });
    }

    private Actor staffLogin(TenantView tenant, LoginAttempt attempt) {
        Optional<User> found = username(attempt.username()).flatMap(users::findByUsername);
        if (found.isEmpty()) {
            throw wrongCredentials(attempt.password());
        }
        User user = found.get();
        if (!passwords.matches(attempt.password(), user.passwordHash())) {
            throw IdentityProblems.invalidCredentials();
        }
        if (!tenant.active()) {
            throw IdentityProblems.tenantSuspended(String.valueOf(tenant.suspendedReason()));
        }
        if (!user.isActive()) {
            throw IdentityProblems.accountDisabled();
        }
        if (passwords.upgradeEncoding(user.passwordHash())) {
            user.changePassword(Objects.requireNonNull(passwords.encode(attempt.password())), clock.instant());
        }
        user.recordLogin(clock.instant());
        UUID session = sessions.open(
                ActorType.STAFF, user.id(), tenant.id(), attempt.channel(), attempt.client(), ttl(attempt));
        var grants = user.roles().stream()
                .map(r -> new PermissionCatalog.RoleGrant(r.builtInRole(), r.storedPermissions()))
                .toList();
        return new Actor(
                ActorType.STAFF,
                user.id(),
                tenant.id(),
                tenant.slug(),
                tenant.name(),
                user.username(),
                user.fullName(),
                catalog.effective(grants),
                session);
    }

    private Actor operatorLogin(LoginAttempt attempt) {
        Optional<PlatformOperator> found = username(attempt.username()).flatMap(operators::findByUsername);
        if (found.isEmpty()) {
            throw wrongCredentials(attempt.password());
        }
        PlatformOperator operator = found.get();
        if (!passwords.matches(attempt.password(), operator.passwordHash())) {
            throw IdentityProblems.invalidCredentials();
        }
        if (!operator.isActive()) {
            throw IdentityProblems.accountDisabled();
        }
        operator.recordLogin(clock.instant());
        UUID session = sessions.open(
                ActorType.OPERATOR, operator.id(), null, attempt.channel(), attempt.client(), ttl(attempt));
        return new Actor(
                ActorType.OPERATOR,
                operator.id(),
                null,
                null,
                null,
                operator.username(),
                operator.fullName(),
                ActorResolver.OPERATOR_PERMISSIONS,
                session);
    }

    private Duration ttl(LoginAttempt attempt) {
        return attempt.channel() == Channel.API ? settings.refreshTokenTtl() : settings.consoleSessionTtl();
    }

    /** Spends the time a real password check takes, then fails like a wrong password. */
    private RuntimeException wrongCredentials(String password) {
        passwords.matches(password, timingDummyHash);
        return IdentityProblems.invalidCredentials();
    }

    private static Optional<TenantSlug> slug(String raw) {
        try {
            return Optional.of(TenantSlug.parse(raw));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> username(String raw) {
        try {
            return Optional.of(Username.parse(raw).value());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
