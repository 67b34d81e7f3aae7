package io.moonknight.identity.internal;

import io.moonknight.shared.audit.NotAudited;
import io.moonknight.shared.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A tenant's staff user (the Customer role's users are the subscribers' logins). */
@Entity
@Table(schema = "identity", name = "users")
class User extends TenantOwned<User> {

    @Id
    private UUID id;

    private String username;
    private String email;
    private String fullName;
    private @Nullable String phone;

    @Enumerated(EnumType.STRING)
    private UserStatus status;

    private String passwordHash;
    private Instant passwordChangedAt;

    @NotAudited
    private @Nullable Instant lastLoginAt;

    /** Sealed with {@code SecretBox}; present from the start of enrolment. */
    private @Nullable String totpSecret;

    private @Nullable Instant twoFactorEnabledAt;

    /** Written only by {@link TwoFactorStore}'s compare-and-set, never by JPA. */
    @NotAudited
    @Column(insertable = false, updatable = false)
    private long totpLastStep;

    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            schema = "identity",
            name = "user_roles",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "role_id"))
    private Set<Role> roles = new HashSet<>();

    protected User() {}

    User(Username username, UserProfile profile, String passwordHash, Set<Role> roles, Instant now) {
        this.id = UUID.randomUUID();
        this.username = username.value();
        this.status = UserStatus.ACTIVE;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
        this.createdAt = now;
        this.roles = new HashSet<>(roles);
        apply(profile, now);
    }

    void changeProfile(UserProfile profile, Instant now) {
        apply(profile, now);
    }

    void changePassword(String newHash, Instant now) {
        this.passwordHash = newHash;
        this.passwordChangedAt = now;
        this.updatedAt = now;
    }

    void disable(Instant now) {
        if (status == UserStatus.DISABLED) {
            throw IdentityProblems.alreadyInStatus(username, status);
        }
        status = UserStatus.DISABLED;
        updatedAt = now;
    }

    void enable(Instant now) {
        if (status == UserStatus.ACTIVE) {
            throw IdentityProblems.alreadyInStatus(username, status);
        }
        status = UserStatus.ACTIVE;
        updatedAt = now;
    }

    void assignRoles(Set<Role> newRoles, Instant now) {
        roles.clear();
        roles.addAll(newRoles);
        updatedAt = now;
    }

    void recordLogin(Instant now) {
        lastLoginAt = now;
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

    long totpLastStep() {
        return totpLastStep;
    }

    @Nullable
    Instant twoFactorEnabledAt() {
        return twoFactorEnabledAt;
    }

    private void apply(UserProfile profile, Instant now) {
        this.email = profile.email().value();
        this.fullName = profile.fullName();
        this.phone = profile.phone() == null ? null : profile.phone().value();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String username() {
        return username;
    }

    String email() {
        return email;
    }

    String fullName() {
        return fullName;
    }

    @Nullable
    String phone() {
        return phone;
    }

    UserStatus status() {
        return status;
    }

    boolean isActive() {
        return status == UserStatus.ACTIVE;
    }

    String passwordHash() {
        return passwordHash;
    }

    Set<Role> roles() {
        return Set.copyOf(roles);
    }

    Instant passwordChangedAt() {
        return passwordChangedAt;
    }

    @Nullable
    Instant lastLoginAt() {
        return lastLoginAt;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
