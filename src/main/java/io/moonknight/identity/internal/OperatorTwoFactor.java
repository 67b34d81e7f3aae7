package io.moonknight.identity.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.identity.domain.QrCodes;
import io.moonknight.identity.domain.RecoveryCodes;
import io.moonknight.identity.domain.Totp;
import io.moonknight.shared.security.SecretBox;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * TOTP two-factor authentication of platform operators, the same as staff's ({@link TwoFactorService}): enrolment
 * with a QR code confirmed by a code, each time step accepted once, ten single-use recovery codes. No role can
 * require it of an operator and no administrator resets it (a lost phone: a recovery code, or the operator
 * bootstrap's password reset on the server).
 */
@Component
class OperatorTwoFactor {

    private final OperatorRepository operators;
    private final TwoFactorStore store;
    private final SecretBox secrets;
    private final AuditTrail audit;
    private final Clock clock;

    OperatorTwoFactor(
            OperatorRepository operators, TwoFactorStore store, SecretBox secrets, AuditTrail audit, Clock clock) {
        this.operators = operators;
        this.store = store;
        this.secrets = secrets;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    TwoFactorService.Status status(UUID id) {
        PlatformOperator operator = load(id);
        return new TwoFactorService.Status(
                operator.twoFactorEnabled(),
                false,
                operator.twoFactorEnabled() ? store.unusedOperatorRecoveryCodes(id) : 0);
    }

    @Transactional
    TwoFactorService.Enrolment startEnrolment(UUID id) {
        PlatformOperator operator = load(id);
        String pending = operator.totpSecret();
        String secret;
        if (pending != null && !operator.twoFactorEnabled()) {
            secret = secrets.open(pending, context(id));
        } else {
            secret = Totp.newSecret();
            operator.startTwoFactorEnrolment(secrets.seal(secret, context(id)), clock.instant());
            operators.save(operator);
        }
        String uri = Totp.uri(TwoFactorService.ISSUER, "platform:" + operator.username(), secret);
        return new TwoFactorService.Enrolment(secret, uri, QrCodes.svgDataUri(uri));
    }

    @Transactional
    List<String> confirmEnrolment(UUID id, String code) {
        PlatformOperator operator = load(id);
        String sealed = operator.totpSecret();
        if (operator.twoFactorEnabled()) {
            throw IdentityProblems.twoFactorAlreadyEnabled();
        }
        if (sealed == null) {
            throw IdentityProblems.twoFactorNotStarted();
        }
        if (!totpMatches(id, secrets.open(sealed, context(id)), code)) {
            throw IdentityProblems.wrongCode();
        }
        operator.enableTwoFactor(clock.instant());
        operators.save(operator);
        audit.record(AuditRecord.of("mfa.enabled", "Operator", id));
        return store.replaceOperatorRecoveryCodes(id);
    }

    /** A TOTP code (each time step once) or an unused recovery code. */
    @Transactional
    boolean verify(UUID id, String code) {
        PlatformOperator operator = load(id);
        String sealed = operator.totpSecret();
        if (!operator.twoFactorEnabled() || sealed == null) {
            return false;
        }
        if (RecoveryCodes.looksLikeOne(code)) {
            boolean used = store.useOperatorRecoveryCode(id, code);
            if (used) {
                audit.record(AuditRecord.of("mfa.recovery-code-used", "Operator", id)
                        .with("left", store.unusedOperatorRecoveryCodes(id)));
            }
            return used;
        }
        return totpMatches(id, secrets.open(sealed, context(id)), code);
    }

    @Transactional
    List<String> regenerateRecoveryCodes(UUID id, String code) {
        if (!verify(id, code)) {
            throw IdentityProblems.wrongCode();
        }
        audit.record(AuditRecord.of("mfa.recovery-codes-regenerated", "Operator", id));
        return store.replaceOperatorRecoveryCodes(id);
    }

    @Transactional
    void disable(UUID id, String code) {
        PlatformOperator operator = load(id);
        if (!operator.twoFactorEnabled()) {
            throw IdentityProblems.twoFactorNotEnabled();
        }
        if (!verify(id, code)) {
            throw IdentityProblems.wrongCode();
        }
        operator.removeTwoFactor(clock.instant());
        operators.save(operator);
        store.deleteOperatorRecoveryCodes(id);
        store.resetOperatorSteps(id);
        audit.record(AuditRecord.of("mfa.disabled", "Operator", id));
    }

    private boolean totpMatches(UUID id, String secret, String code) {
        var step = Totp.match(secret, code, clock.instant());
        return step.isPresent() && store.useOperatorStep(id, step.getAsLong());
    }

    private static String context(UUID id) {
        return "totp:platform:" + id;
    }

    private PlatformOperator load(UUID id) {
        return operators.findById(id).orElseThrow(() -> IdentityProblems.userNotFound(id));
    }
}
