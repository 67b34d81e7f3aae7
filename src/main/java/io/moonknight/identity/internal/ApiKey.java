package io.moonknight.identity.internal;

import io.moonknight.shared.audit.NotAudited;
import io.moonknight.shared.tenant.TenantOwned;
import io.moonknight.shared.web.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** An integration's credential: a name, permission scopes, an optional expiry; the secret only as a hash. */
@Entity
@Table(schema = "identity", name = "api_keys")
class ApiKey extends TenantOwned<ApiKey> {

    @Id
    private UUID id;

    private String name;
    private String keyId;

    @SuppressWarnings("unused") // read by ApiKeyService's key lookup, in SQL
    private byte[] secretHash;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> scopes = new ArrayList<>();

    private @Nullable Integer requestsPerMinute;
    private @Nullable Instant expiresAt;
    private @Nullable UUID createdBy;
    private Instant createdAt;
    private Instant updatedAt;
    private @Nullable Instant revokedAt;

    /** Written by {@link ApiKeyService}'s throttled touch, never by JPA. */
    @NotAudited
    @Column(insertable = false, updatable = false)
    private @Nullable Instant lastUsedAt;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private @Nullable String lastUsedAddress;

    @Version
    private long version;

    protected ApiKey() {}

    ApiKey(
            UUID id,
            String name,
            String keyId,
            byte[] secretHash,
            List<String> scopes,
            @Nullable Integer requestsPerMinute,
            @Nullable Instant expiresAt,
            @Nullable UUID createdBy,
            Instant now) {
        this.id = id;
        this.name = name;
        this.keyId = keyId;
        this.secretHash = secretHash.clone();
        this.scopes = new ArrayList<>(scopes.stream().sorted().toList());
        this.requestsPerMinute = requestsPerMinute;
        this.expiresAt = expiresAt;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void revoke(Instant now) {
        if (revokedAt != null) {
            throw ProblemException.conflict("api-key-revoked", "The API key '" + name + "' is already revoked");
        }
        revokedAt = now;
        updatedAt = now;
    }

    ApiKeyView view(Instant now) {
        String status =
                revokedAt != null ? "REVOKED" : expiresAt != null && !expiresAt.isAfter(now) ? "EXPIRED" : "ACTIVE";
        return new ApiKeyView(
                id,
                name,
                ApiKeyService.PREFIX + keyId + "…",
                List.copyOf(scopes),
                status,
                requestsPerMinute,
                expiresAt,
                createdBy,
                createdAt,
                updatedAt,
                revokedAt,
                lastUsedAt,
                lastUsedAddress);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    List<String> scopes() {
        return List.copyOf(scopes);
    }
}
