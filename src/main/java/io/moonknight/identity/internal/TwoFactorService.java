package io.moonknight.identity.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.identity.domain.GrantPolicy;
import io.moonknight.identity.domain.QrCodes;
import io.moonknight.identity.domain.RecoveryCodes;
import io.moonknight.identity.domain.Totp;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.security.SecretBox;
import io.moonknight.tenancy.TenantDirectory;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication: enrolment (QR code and secret, confirmed with a code), verification that
 * never accepts a time step twice, single-use recovery codes, and an administrator's reset. All methods work
 * in the bound tenant.
 */
@Service
public class TwoFactorService {

    static final String ISSUER = "MoonKnight";

    private final UserRepository users;
    private final TwoFactorStore store;
    private final SecretBox secrets;
    private final TenantDirectory tenants;
    private final SessionStore sessions;
    private final ActorResolver actors;
    private final AuditTrail audit;
    private final UserService userService;
    private final OperatorTwoFactor operatorTwoFactor;
    private final Clock clock;

    TwoFactorService(
            UserRepository users,
            TwoFactorStore store,
            SecretBox secrets,
            TenantDirectory tenants,
            SessionStore sessions,
            ActorResolver actors,
            AuditTrail audit,
            UserService userService,
            OperatorTwoFactor operatorTwoFactor,
            Clock clock) {
        this.users = users;
        this.store = store;
        this.secrets = secrets;
        this.tenants = tenants;
        this.sessions = sessions;
        this.actors = actors;
        this.audit = audit;
        this.userService = userService;
        this.operatorTwoFactor = operatorTwoFactor;
        this.clock = clock;
    }

    /** What an authenticator app needs: the secret as text, the otpauth URI and its QR code. */
    public record Enrolment(String secret, String otpauthUri, String qrCode) {}

    public record Status(boolean enabled, boolean required, int recoveryCodesLeft) {}

    /** The caller's own status: a staff user's or a platform operator's. */
    public Status status(Actor me) {
        return me.isOperator() ? operatorTwoFactor.status(me.id()) : status(staff(me));
    }

    /** Starts the caller's own enrolment (staff user or platform operator). */
    public Enrolment startEnrolment(Actor me) {
        return me.isOperator() ? operatorTwoFactor.startEnrolment(me.id()) : startEnrolment(staff(me));
    }

    /** Confirms the caller's own enrolment; returns the recovery codes, shown once. */
    public List<String> confirmEnrolment(Actor me, String code) {
        return me.isOperator() ? operatorTwoFactor.confirmEnrolment(me.id(), code) : confirmEnrolment(staff(me), code);
    }

    public List<String> regenerateRecoveryCodes(Actor me, String code) {
        return me.isOperator()
                ? operatorTwoFactor.regenerateRecoveryCodes(me.id(), code)
                : regenerateRecoveryCodes(staff(me), code);
    }

    public void disable(Actor me, String code) {
        if (me.isOperator()) {
            operatorTwoFactor.disable(me.id(), code);
        } else {
            disable(staff(me), code);
        }
    }

    private static UUID staff(Actor me) {
        if (me.type() != ActorType.STAFF) {
            throw io.moonknight.shared.web.ProblemException.conflict(
                    "not-a-staff-user", "Two-factor authentication is for staff users and platform operators");
        }
        return me.id();
    }

    @Transactional(readOnly = true)
    public Status status(UUID userId) {
        User user = load(userId);
        return new Status(
                user.twoFactorEnabled(),
                required(user),
                user.twoFactorEnabled() ? store.unusedRecoveryCodes(userId) : 0);
    }

    /** Starts enrolment, or shows the pending one again (so a reloaded page keeps the QR code already scanned). */
    @Transactional
    public Enrolment startEnrolment(UUID userId) {
        User user = load(userId);
        String pending = user.totpSecret();
        String secret;
        if (pending != null && !user.twoFactorEnabled()) {
            secret = secrets.open(pending, context(user)); // the same QR code until it is confirmed
        } else {
            secret = Totp.newSecret();
            user.startTwoFactorEnrolment(secrets.seal(secret, context(user)), clock.instant());
            users.save(user);
        }
        String tenant = tenants.find(user.tenantId()).map(t -> t.slug()).orElse("tenant");
        String uri = Totp.uri(ISSUER, tenant + ":" + user.username(), secret);
        return new Enrolment(secret, uri, QrCodes.svgDataUri(uri));
    }

    /** Turns two-factor on once the user proves their app works; returns the recovery codes, shown once. */
    @Transactional
    public List<String> confirmEnrolment(UUID userId, String code) {
        User user = load(userId);
        String sealed = user.totpSecret();
        if (user.twoFactorEnabled()) {
            throw IdentityProblems.twoFactorAlreadyEnabled();
        }
        if (sealed == null) {
            throw IdentityProblems.twoFactorNotStarted();
        }
        if (!totpMatches(user, secrets.open(sealed, context(user)), code)) {
            throw IdentityProblems.wrongCode();
        }
        user.enableTwoFactor(clock.instant());
        users.save(user);
        return store.replaceRecoveryCodes(userId);
    }

    /** A TOTP code (each time step once) or an unused recovery code. */
    @Transactional
    public boolean verify(UUID userId, String code) {
        User user = load(userId);
        String sealed = user.totpSecret();
        if (!user.twoFactorEnabled() || sealed == null) {
            return false;
        }
        if (RecoveryCodes.looksLikeOne(code)) {
            boolean used = store.useRecoveryCode(userId, code);
            if (used) {
                audit.record(AuditRecord.of("mfa.recovery-code-used", "User", userId)
                        .with("left", store.unusedRecoveryCodes(userId))
                        .inTenant(user.tenantId()));
            }
            return used;
        }
        return totpMatches(user, secrets.open(sealed, context(user)), code);
    }

    @Transactional
    public List<String> regenerateRecoveryCodes(UUID userId, String code) {
        if (!verify(userId, code)) {
            throw IdentityProblems.wrongCode();
        }
        audit.record(AuditRecord.of("mfa.recovery-codes-regenerated", "User", userId));
        return store.replaceRecoveryCodes(userId);
    }

    /** The user turns two-factor off, proving possession; refused while a role requires it. */
    @Transactional
    public void disable(UUID userId, String code) {
        User user = load(userId);
        if (!user.twoFactorEnabled()) {
            throw IdentityProblems.twoFactorNotEnabled();
        }
        if (required(user)) {
            throw IdentityProblems.twoFactorRequiredByRole();
        }
        if (!verify(userId, code)) {
            throw IdentityProblems.wrongCode();
        }
        clear(user);
    }

    /**
     * An administrator clears a user's two-factor (lost phone); the user's sessions end. Only someone holding
     * every permission of the user may (403 otherwise).
     */
    @Transactional
    public void reset(Actor by, UUID userId) {
        User user = userService.authorized(by, userId, GrantPolicy.UserOperation.RESET_TWO_FACTOR);
        clear(user);
        sessions.revokeAll(ActorType.STAFF, userId, user.tenantId(), null, "two-factor reset by an administrator");
        actors.evictUser(userId);
    }

    boolean required(User user) {
        return user.roles().stream().anyMatch(Role::requiresTwoFactor);
    }

    private void clear(User user) {
        user.removeTwoFactor(clock.instant());
        users.save(user);
        store.deleteRecoveryCodes(user.id());
        store.resetSteps(user.tenantId(), user.id());
    }

    private boolean totpMatches(User user, String secret, String code) {
        var step = Totp.match(secret, code, clock.instant());
        return step.isPresent() && store.useStep(user.tenantId(), user.id(), step.getAsLong());
    }

    private static String context(User user) {
        return "totp:" + user.tenantId() + ":" + user.id();
    }

    private User load(UUID id) {
        return users.findWithRolesById(id).orElseThrow(() -> IdentityProblems.userNotFound(id));
    }
}
