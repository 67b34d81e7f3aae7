package io.moonknight.identity.internal;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A platform operator: above all tenants, manages tenants, sees no tenant's data. */
@Entity
@Table(schema = "identity", name = "operators")
@SuppressWarnings("unused") // email and the timestamps are written for operators' records; JPA reads them
class PlatformOperator {

    @Id
    private UUID id;

    private String username;
    private String email;
    private String fullName;

    @Enumerated(EnumType.STRING)
    private UserStatus status;

    private String passwordHash;
    private @Nullable Instant lastLoginAt;

    /** Sealed with {@code SecretBox}; present from the start of enrolment. */
    private @Nullable String totpSecret;

    private @Nullable Instant twoFactorEnabledAt;

    /** Written only by {@link TwoFactorStore}'s compare-and-set, never by JPA. */
    @io.moonknight.shared.audit.NotAudited
    @jakarta.persistence.Column(insertable = false, updatable = false)
    private long totpLastStep;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected PlatformOperator() {}

    PlatformOperator(String username, String email, String fullName, String passwordHash, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username;
        this.email = email;
        this.fullName = fullName;
        this.status = UserStatus.ACTIVE;
        this.passwordHash = passwordHash;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void recordLogin(Instant now) {
        lastLoginAt = now;
    }

    void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        updatedAt = now;
    }

    /** Starts (or restarts) enrolment with a new sealed secret; only while two-factor is off. */
    void startTwoFactorEnrolment(String sealedSecret, Instant now) {
        if (twoFactorEnabledAt != null) {
            throw IdentityProblems.twoFactorAlreadyEnabled();
        }
        this.totpSecret = sealedSecret;
        this.updatedAt = now;
    }

    void enableTwoFactor(Instant now) {
        if (totpSecret == null) {
            throw IdentityProblems.twoFactorNotStarted();
        }
        this.twoFactorEnabledAt = now;
        this.updatedAt = now;
    }

    void removeTwoFactor(Instant now) {
        this.totpSecret = null;
        this.twoFactorEnabledAt = null;
        this.updatedAt = now;
    }

    boolean twoFactorEnabled() {
        return twoFactorEnabledAt != null;
    }

    @Nullable
    String totpSecret() {
        return totpSecret;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String fullName() {
        return fullName;
    }

    String passwordHash() {
        return passwordHash;
    }

    boolean isActive() {
        return status == UserStatus.ACTIVE;
    }
}
