package io.moonknight.identity.internal;

import io.moonknight.identity.domain.GrantPolicy;
import io.moonknight.shared.web.ProblemException;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;

/** The identity module's problem details, each with a stable type. */
public final class IdentityProblems {

    private IdentityProblems() {}

    public static ProblemException userNotFound(UUID id) {
        return ProblemException.notFound("User", id);
    }

    public static ProblemException roleNotFound(UUID id) {
        return ProblemException.notFound("Role", id);
    }

    public static ProblemException usernameTaken(String username) {
        return ProblemException.conflict("username-taken", "The username '" + username + "' is already in use")
                .with("field", "username");
    }

    public static ProblemException roleNameTaken(String name) {
        return ProblemException.conflict("role-name-taken", "A role named '" + name + "' already exists")
                .with("field", "name");
    }

    public static ProblemException builtInRoleImmutable(String name) {
        return ProblemException.conflict(
                "built-in-role", "The built-in role '" + name + "' cannot be changed or deleted");
    }

    public static ProblemException roleInUse(String name, long users) {
        return ProblemException.conflict(
                        "role-in-use",
                        "The role '" + name + "' is assigned to " + users + " user(s); unassign it first")
                .with("users", users);
    }

    public static ProblemException alreadyInStatus(String username, UserStatus status) {
        return ProblemException.conflict(
                "user-status-unchanged",
                "User " + username + " is already " + status.name().toLowerCase());
    }

    public static ProblemException lastAdmin() {
        return ProblemException.conflict(
                "last-admin", "This would leave the tenant without an active user holding the Admin role");
    }

    /**
     * 403 {@code privilege-escalation}: the change would grant permissions the actor lacks, touch a user who holds
     * more than the actor, or change the actor's own roles. {@code missing} names what the actor would need.
     */
    public static ProblemException privilegeEscalation(GrantPolicy.Verdict.Refused refused, String what) {
        String detail = switch (refused.reason()) {
            case GRANTS_MORE_THAN_HELD ->
                "You cannot " + what + ": it would grant permissions you do not hold: "
                        + String.join(", ", refused.missing());
            case TARGET_HOLDS_MORE ->
                "You cannot " + what + ": they hold permissions you do not hold: "
                        + String.join(", ", refused.missing());
            case OWN_ROLES -> "You cannot change your own roles; ask another administrator";
        };
        return new ProblemException(HttpStatus.FORBIDDEN, "privilege-escalation", "Privilege escalation", detail)
                .with("reason", refused.reason().name())
                .with("missing", List.copyOf(refused.missing()));
    }

    public static ProblemException cannotChangeSelf(String what) {
        return ProblemException.conflict("self-change", "You cannot " + what + " your own account");
    }

    public static ProblemException weakPassword(String field, List<String> violations) {
        return ProblemException.invalidFields(violations.stream()
                .map(message -> new ProblemException.FieldError(field, message))
                .toList());
    }

    public static ProblemException unknownPermissions(List<String> unknown) {
        return ProblemException.invalidField("permissions", "unknown permission(s): " + String.join(", ", unknown));
    }

    public static ProblemException twoFactorAlreadyEnabled() {
        return ProblemException.conflict(
                "two-factor-enabled", "Two-factor authentication is already on; disable it first");
    }

    public static ProblemException twoFactorNotStarted() {
        return ProblemException.conflict("two-factor-not-started", "Start two-factor enrolment first");
    }

    public static ProblemException twoFactorNotEnabled() {
        return ProblemException.conflict("two-factor-not-enabled", "Two-factor authentication is not on");
    }

    public static ProblemException twoFactorRequiredByRole() {
        return ProblemException.conflict(
                "two-factor-required", "One of your roles requires two-factor authentication; it cannot be turned off");
    }

    public static ProblemException wrongCode() {
        return ProblemException.invalidField("code", "is not a valid current code or unused recovery code");
    }

    public static ProblemException invalidMfaToken() {
        return new ProblemException(
                HttpStatus.UNAUTHORIZED,
                "invalid-mfa-token",
                "Invalid MFA token",
                "The two-factor step is unknown, expired, used up or already completed; log in again");
    }

    public static ProblemException tooManyAttempts(long retryAfterSeconds) {
        return new ProblemException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "too-many-attempts",
                        "Too many attempts",
                        "Too many failed attempts; try again in " + Math.max(1, (retryAfterSeconds + 59) / 60)
                                + " minute(s)")
                .with("retryAfter", retryAfterSeconds);
    }

    public static ProblemException apiKeyNotFound(UUID id) {
        return ProblemException.notFound("API key", id);
    }

    public static ProblemException sessionNotFound(UUID id) {
        return ProblemException.notFound("Session", id);
    }

    public static ProblemException invalidCredentials() {
        return new ProblemException(
                HttpStatus.UNAUTHORIZED,
                "invalid-credentials",
                "Invalid credentials",
                "The tenant, username or password is wrong");
    }

    public static ProblemException tenantSuspended(String reason) {
        return new ProblemException(
                        HttpStatus.FORBIDDEN,
                        "tenant-suspended",
                        "Tenant suspended",
                        "This ISP's account is suspended: " + reason)
                .with("reason", reason);
    }

    public static ProblemException accountDisabled() {
        return new ProblemException(
                HttpStatus.FORBIDDEN,
                "account-disabled",
                "Account disabled",
                "This account is disabled; ask an administrator");
    }

    public static ProblemException invalidRefreshToken() {
        return new ProblemException(
                HttpStatus.UNAUTHORIZED,
                "invalid-refresh-token",
                "Invalid refresh token",
                "The refresh token is unknown, expired, already used or revoked; log in again");
    }

    public static ProblemException wrongCurrentPassword() {
        return ProblemException.invalidField("currentPassword", "is not your current password");
    }
}
