package io.moonknight.identity.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantSlug;
import io.moonknight.tenancy.TenantView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Logging in (with an optional second factor), refreshing and logging out. An unknown tenant, an unknown
 * user and a wrong password get the same answer and take the same time; a suspended tenant or disabled
 * account is only reported once the password is proven. Failures are throttled per account and address,
 * and every outcome is audited.
 */
@Service
public class AuthService {

    private final TenantDirectory tenants;
    private final UserRepository users;
    private final OperatorRepository operators;
    private final OperatorTwoFactor operatorTwoFactor;
    private final PermissionCatalog catalog;
    private final PasswordEncoder passwords;
    private final SessionStore sessions;
    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final ActorResolver actors;
    private final LoginThrottle throttle;
    private final MfaChallenges challenges;
    private final TwoFactorService twoFactor;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final MoonKnightProperties.Security settings;
    private final Clock clock;
    private final String timingDummyHash;

    AuthService(
            TenantDirectory tenants,
            UserRepository users,
            OperatorRepository operators,
            OperatorTwoFactor operatorTwoFactor,
            PermissionCatalog catalog,
            PasswordEncoder passwords,
            SessionStore sessions,
            RefreshTokens refreshTokens,
            AccessTokens accessTokens,
            ActorResolver actors,
            LoginThrottle throttle,
            MfaChallenges challenges,
            TwoFactorService twoFactor,
            AuditTrail audit,
            PlatformTransactionManager transactionManager,
            MoonKnightProperties properties,
            Clock clock) {
        this.tenants = tenants;
        this.users = users;
        this.operators = operators;
        this.operatorTwoFactor = operatorTwoFactor;
        this.catalog = catalog;
        this.passwords = passwords;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.actors = actors;
        this.throttle = throttle;
        this.challenges = challenges;
        this.twoFactor = twoFactor;
        this.audit = audit;
        this.transaction = new TransactionTemplate(transactionManager);
        this.settings = properties.security();
        this.clock = clock;
        this.timingDummyHash = Objects.requireNonNull(passwords.encode("timing-equaliser-" + UUID.randomUUID()));
    }

    /** Verifies the password: opens a session, or asks for the second factor. */
    public LoginResult login(LoginAttempt attempt) {
        String tenant = attempt.tenant();
        if (tenant == null || tenant.isBlank()) {
            return throttled(
                    LoginThrottle.account(null, attempt.username()),
                    null,
                    attempt,
                    () -> Objects.requireNonNull(transaction.execute(status -> operatorLogin(attempt))));
        }
        Optional<TenantView> found = slug(tenant).flatMap(slug -> tenants.findBySlug(slug.value()));
        if (found.isEmpty()) {
            return throttled(
                    "unknown-tenant/" + tenant.strip().toLowerCase(java.util.Locale.ROOT), null, attempt, () -> {
                        passwords.matches(attempt.password(), timingDummyHash);
                        throw IdentityProblems.invalidCredentials();
                    });
        }
        TenantView target = found.get();
        return throttled(
                LoginThrottle.account(target.id(), attempt.username()),
                target.id(),
                attempt,
                () -> TenantContext.call(
                        target.id(),
                        () -> Objects.requireNonNull(transaction.execute(status -> staffLogin(target, attempt)))));
    }

    /** Completes a login with a TOTP or recovery code. */
    public Actor completeSecondFactor(String mfaToken, String code, ClientInfo client) {
        var challenge = challenges.find(mfaToken).orElseThrow(IdentityProblems::invalidMfaToken);
        if (challenge.purpose() != MfaChallenges.Purpose.VERIFY) {
            throw IdentityProblems.invalidMfaToken();
        }
        String account =
                LoginThrottle.account(challenge.tenantId(), challenge.userId().toString());
        throttle.acquire(account, client.address());
        if (challenge.operator()) {
            return completeOperatorSecondFactor(challenge, code, client, account);
        }
        UUID tenantId = Objects.requireNonNull(challenge.tenantId());
        return TenantContext.call(tenantId, () -> {
            boolean valid =
                    Objects.requireNonNull(transaction.execute(status -> twoFactor.verify(challenge.userId(), code)));
            if (!valid) {
                challenges.recordFailedAttempt(challenge.id());
                audit.recordSeparately(AuditRecord.of("auth.second-factor-failed", "User", challenge.userId())
                        .inTenant(tenantId)
                        .byAnonymous(challenge.userId().toString()));
                throw IdentityProblems.wrongCode();
            }
            throttle.succeeded(account, client.address());
            return Objects.requireNonNull(transaction.execute(status -> openStaffSession(challenge, client, "totp")));
        });
    }

    /** For a user a role obliges to use two-factor: the secret and QR code to set it up during login. */
    public TwoFactorService.Enrolment startEnrolment(String mfaToken) {
        var challenge = enrolmentChallenge(mfaToken);
        UUID tenantId = Objects.requireNonNull(challenge.tenantId(), "only staff enrol during login");
        return TenantContext.call(tenantId, () -> twoFactor.startEnrolment(challenge.userId()));
    }

    /** Finishes enrolment during login: turns two-factor on, opens the session, returns the recovery codes. */
    public EnrolledLogin completeEnrolment(String mfaToken, String code, ClientInfo client) {
        var challenge = enrolmentChallenge(mfaToken);
        String account =
                LoginThrottle.account(challenge.tenantId(), challenge.userId().toString());
        throttle.acquire(account, client.address());
        UUID tenantId = Objects.requireNonNull(challenge.tenantId(), "only staff enrol during login");
        return TenantContext.call(tenantId, () -> {
            List<String> codes;
            try {
                codes = twoFactor.confirmEnrolment(challenge.userId(), code);
            } catch (ProblemException wrong) {
                challenges.recordFailedAttempt(challenge.id());
                throw wrong;
            }
            throttle.succeeded(account, client.address());
            Actor actor = Objects.requireNonNull(
                    transaction.execute(status -> openStaffSession(challenge, client, "totp-enrolment")));
            return new EnrolledLogin(actor, codes);
        });
    }

    public record EnrolledLogin(Actor actor, List<String> recoveryCodes) {}

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
            sessions.find(sessionId)
                    .ifPresent(session ->
                            audit.recordSeparately(AuditRecord.of("auth.refresh-token-reused", "Session", sessionId)
                                    .with("userId", session.userId())
                                    .inTenant(session.tenantId())
                                    .byAnonymous(session.userId().toString())));
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

    /** Ends a session (logout, revocation); audited. */
    public void endSession(UUID sessionId, String reason) {
        sessions.find(sessionId).ifPresent(session -> {
            if (sessions.revoke(sessionId, reason)) {
                audit.recordSeparately(AuditRecord.of(
                                reason.equals("logout") ? "auth.logout" : "session.revoked", "Session", sessionId)
                        .with("userId", session.userId())
                        .with("reason", reason)
                        .inTenant(session.tenantId()));
            }
            actors.evictUser(session.userId());
        });
    }

    private LoginResult throttled(
            String account,
            @Nullable UUID tenant,
            LoginAttempt attempt,
            java.util.function.Supplier<LoginResult> login) {
        String address = attempt.client().address();
        try {
            throttle.acquire(account, address);
        } catch (ProblemException locked) {
            recordFailure(tenant, attempt, locked.type());
            throw locked;
        }
        try {
            LoginResult result = login.get();
            throttle.succeeded(account, address);
            return result;
        } catch (ProblemException problem) {
            if (!problem.type().equals("invalid-credentials")) {
                throttle.succeeded(account, address); // the password was right
            }
            recordFailure(tenant, attempt, problem.type());
            throw problem;
        }
    }

    private LoginResult staffLogin(TenantView tenant, LoginAttempt attempt) {
        Optional<User> found = username(attempt.username()).flatMap(users::findByUsername);
        if (found.isEmpty()) {
            passwords.matches(attempt.password(), timingDummyHash);
            throw IdentityProblems.invalidCredentials();
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
        boolean required = twoFactor.required(user);
        if (user.twoFactorEnabled() || required) {
            var purpose = user.twoFactorEnabled() ? MfaChallenges.Purpose.VERIFY : MfaChallenges.Purpose.ENROL;
            String token = challenges.issue(tenant.id(), user.id(), attempt.channel(), purpose, attempt.client());
            audit.record(AuditRecord.of("auth.password-verified", "User", user.id())
                    .with("next", purpose == MfaChallenges.Purpose.VERIFY ? "second factor" : "two-factor enrolment")
                    .inTenant(tenant.id())
                    .byAnonymous(user.username()));
            return new LoginResult.SecondFactorRequired(
                    token, purpose == MfaChallenges.Purpose.ENROL, MfaChallenges.LIFETIME.toSeconds());
        }
        return new LoginResult.Authenticated(
                openStaffSession(user, tenant, attempt.channel(), attempt.client(), "password"));
    }

    private Actor openStaffSession(MfaChallenges.Challenge challenge, ClientInfo client, String method) {
        if (!challenges.spend(challenge.id())) {
            throw IdentityProblems.invalidMfaToken();
        }
        User user = users.findWithRolesById(challenge.userId()).orElseThrow(IdentityProblems::invalidMfaToken);
        UUID tenantId = challenge.tenantId();
        TenantView tenant = (tenantId == null ? Optional.<TenantView>empty() : tenants.find(tenantId))
                .orElseThrow(IdentityProblems::invalidMfaToken);
        if (!tenant.active()) {
            throw IdentityProblems.tenantSuspended(String.valueOf(tenant.suspendedReason()));
        }
        if (!user.isActive()) {
            throw IdentityProblems.accountDisabled();
        }
        return openStaffSession(user, tenant, challenge.channel(), client, method);
    }

    private Actor openStaffSession(User user, TenantView tenant, Channel channel, ClientInfo client, String method) {
        user.recordLogin(clock.instant());
        UUID session = sessions.open(ActorType.STAFF, user.id(), tenant.id(), channel, client, ttl(channel));
        var grants = user.roles().stream()
                .map(r -> new PermissionCatalog.RoleGrant(r.builtInRole(), r.storedPermissions()))
                .toList();
        var actor = new Actor(
                ActorType.STAFF,
                user.id(),
                tenant.id(),
                tenant.slug(),
                tenant.name(),
                user.username(),
                user.fullName(),
                catalog.effective(grants),
                session);
        audit.record(AuditRecord.of("auth.login", "Session", session)
                .with("channel", channel.name())
                .with("method", method)
                .by(actor));
        return actor;
    }

    private LoginResult operatorLogin(LoginAttempt attempt) {
        Optional<PlatformOperator> found = username(attempt.username()).flatMap(operators::findByUsername);
        if (found.isEmpty()) {
            passwords.matches(attempt.password(), timingDummyHash);
            throw IdentityProblems.invalidCredentials();
        }
        PlatformOperator operator = found.get();
        if (!passwords.matches(attempt.password(), operator.passwordHash())) {
            throw IdentityProblems.invalidCredentials();
        }
        if (!operator.isActive()) {
            throw IdentityProblems.accountDisabled();
        }
        if (operator.twoFactorEnabled()) {
            String token = challenges.issue(
                    null, operator.id(), attempt.channel(), MfaChallenges.Purpose.VERIFY, attempt.client());
            audit.record(AuditRecord.of("auth.password-verified", "Operator", operator.id())
                    .with("next", "second factor")
                    .byAnonymous(operator.username()));
            return new LoginResult.SecondFactorRequired(token, false, MfaChallenges.LIFETIME.toSeconds());
        }
        return new LoginResult.Authenticated(
                openOperatorSession(operator, attempt.channel(), attempt.client(), "password"));
    }

    private Actor completeOperatorSecondFactor(
            MfaChallenges.Challenge challenge, String code, ClientInfo client, String account) {
        boolean valid = Objects.requireNonNull(
                transaction.execute(status -> operatorTwoFactor.verify(challenge.userId(), code)));
        if (!valid) {
            challenges.recordFailedAttempt(challenge.id());
            audit.recordSeparately(AuditRecord.of("auth.second-factor-failed", "Operator", challenge.userId())
                    .byAnonymous(challenge.userId().toString()));
            throw IdentityProblems.wrongCode();
        }
        throttle.succeeded(account, client.address());
        return Objects.requireNonNull(transaction.execute(status -> {
            if (!challenges.spend(challenge.id())) {
                throw IdentityProblems.invalidMfaToken();
            }
            PlatformOperator operator =
                    operators.findById(challenge.userId()).orElseThrow(IdentityProblems::invalidMfaToken);
            if (!operator.isActive()) {
                throw IdentityProblems.accountDisabled();
            }
            return openOperatorSession(operator, challenge.channel(), client, "totp");
        }));
    }

    private Actor openOperatorSession(PlatformOperator operator, Channel channel, ClientInfo client, String method) {
        operator.recordLogin(clock.instant());
        operators.save(operator);
        UUID session = sessions.open(ActorType.OPERATOR, operator.id(), null, channel, client, ttl(channel));
        var actor = new Actor(
                ActorType.OPERATOR,
                operator.id(),
                null,
                null,
                null,
                operator.username(),
                operator.fullName(),
                ActorResolver.OPERATOR_PERMISSIONS,
                session);
        audit.record(AuditRecord.of("auth.login", "Session", session)
                .with("channel", channel.name())
                .with("method", method)
                .by(actor));
        return actor;
    }

    private MfaChallenges.Challenge enrolmentChallenge(String mfaToken) {
        var challenge = challenges.find(mfaToken).orElseThrow(IdentityProblems::invalidMfaToken);
        if (challenge.purpose() != MfaChallenges.Purpose.ENROL) {
            throw IdentityProblems.invalidMfaToken();
        }
        return challenge;
    }

    private void recordFailure(@Nullable UUID tenant, LoginAttempt attempt, String reason) {
        audit.recordSeparately(AuditRecord.of("auth.login-failed", null, null)
                .with("reason", reason)
                .with("channel", attempt.channel().name())
                .with("tenant", attempt.tenant())
                .inTenant(tenant)
                .byAnonymous(truncate(attempt.username())));
    }

    private Duration ttl(Channel channel) {
        return channel == Channel.API ? settings.refreshTokenTtl() : settings.consoleSessionTtl();
    }

    private static String truncate(String value) {
        return value.length() > 100 ? value.substring(0, 100) : value;
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
