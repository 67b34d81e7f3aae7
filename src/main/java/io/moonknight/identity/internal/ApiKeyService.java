package io.moonknight.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.identity.domain.Base32;
import io.moonknight.identity.domain.GrantPolicy;
import io.moonknight.identity.domain.Hashes;
import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.db.SqlArrays;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorType;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys for integrations: {@code mk_live_} + a 16-character key id + a 32-character secret. Only a
 * SHA-256 of the whole key is stored. A key belongs to the staff user who created it: its scopes can never exceed
 * what that user holds, neither at creation nor at any later use (each use intersects them with the creator's
 * current permissions), and disabling the creator revokes their keys. It is rate limited per minute.
 */
@Service
public class ApiKeyService {

    public static final String PREFIX = "mk_live_";
    static final int KEY_ID_LENGTH = 16;
    static final int SECRET_LENGTH = 32;
    private static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final ApiKeyRepository keys;
    private final JdbcClient jdbc;
    private final PermissionCatalog catalog;
    private final TenantDirectory tenants;
    private final ActorResolver actors;
    private final GrantGuard guard;
    private final AuditTrail audit;
    private final Clock clock;
    private final int defaultRequestsPerMinute;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Optional<StoredKey>> byKeyId = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterWrite(CACHE_TTL)
            .build();
    private final Cache<UUID, Bucket> buckets = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    ApiKeyService(
            ApiKeyRepository keys,
            JdbcClient jdbc,
            PermissionCatalog catalog,
            TenantDirectory tenants,
            ActorResolver actors,
            GrantGuard guard,
            AuditTrail audit,
            MoonKnightProperties properties,
            Clock clock) {
        this.keys = keys;
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.tenants = tenants;
        this.actors = actors;
        this.guard = guard;
        this.audit = audit;
        this.clock = clock;
        this.defaultRequestsPerMinute = properties.security().apiKeyRequestsPerMinute();
    }

    /** A new key and its secret, which is shown this once. */
    public record CreatedKey(ApiKeyView key, String secret) {}

    @Transactional
    public CreatedKey create(
            Actor creator,
            String name,
            Set<String> scopes,
            @Nullable Instant expiresAt,
            @Nullable Integer requestsPerMinute) {
        if (creator.type() != ActorType.STAFF) {
            throw new ProblemException(
                    HttpStatus.FORBIDDEN,
                    "api-key-creator",
                    "Only staff users create API keys",
                    "An API key belongs to the staff user who creates it; log in as one");
        }
        var known = scopes.stream().filter(catalog::exists).collect(java.util.stream.Collectors.toSet());
        guard.require(GrantPolicy.grant(creator.permissions(), known), "create this API key", "ApiKey", name);
        return create(creator.id(), name, scopes, expiresAt, requestsPerMinute);
    }

    /** Creates a key on behalf of {@code creator} (null: the system, e.g. demo data) without comparing scopes to a person's. */
    CreatedKey create(
            @Nullable UUID creator,
            String name,
            Set<String> scopes,
            @Nullable Instant expiresAt,
            @Nullable Integer requestsPerMinute) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 80) {
            throw ProblemException.invalidField("name", "must be 1-80 characters");
        }
        var unknown =
                scopes.stream().filter(scope -> !catalog.exists(scope)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("scopes", "unknown permission(s): " + String.join(", ", unknown));
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        if (requestsPerMinute != null && (requestsPerMinute < 1 || requestsPerMinute > 100_000)) {
            throw ProblemException.invalidField("requestsPerMinute", "must be between 1 and 100000");
        }
        String keyId = randomText(KEY_ID_LENGTH);
        String secret = PREFIX + keyId + randomText(SECRET_LENGTH);
        var key = new ApiKey(
                UUID.randomUUID(),
                trimmed,
                keyId,
                Hashes.sha256(secret),
                List.copyOf(scopes),
                requestsPerMinute,
                expiresAt,
                creator,
                clock.instant());
        return new CreatedKey(keys.save(key).view(clock.instant()), secret);
    }

    @Transactional(readOnly = true)
    public List<ApiKeyView> list() {
        Instant now = clock.instant();
        return keys.findAllByOrderByCreatedAtDesc().stream()
                .map(key -> key.view(now))
                .toList();
    }

    @Transactional(readOnly = true)
    public Page<ApiKeyView> list(Pageable page) {
        Instant now = clock.instant();
        return keys.findAll(page).map(key -> key.view(now));
    }

    @Transactional(readOnly = true)
    public ApiKeyView get(UUID id) {
        return load(id).view(clock.instant());
    }

    /** Revokes every live key {@code creator} created (they were disabled); each revocation is audited. */
    @Transactional
    public int revokeCreatedBy(UUID creator, String reason) {
        Instant now = clock.instant();
        List<ApiKey> live = keys.findAllByCreatedByAndRevokedAtIsNull(creator);
        live.forEach(key -> {
            key.revoke(now);
            audit.record(AuditRecord.of("api-key.revoked", "ApiKey", key.id()).with("reason", reason));
        });
        keys.saveAll(live);
        byKeyId.invalidateAll();
        return live.size();
    }

    /** Revokes a key; only by someone holding every scope it has, so nobody cuts off a stronger integration. */
    @Transactional
    public ApiKeyView revoke(Actor by, UUID id) {
        ApiKey key = load(id);
        guard.require(
                GrantPolicy.actOnGrant(by.permissions(), Set.copyOf(key.scopes())),
                "revoke the API key " + key.name(),
                "ApiKey",
                key.id());
        key.revoke(clock.instant());
        byKeyId.invalidateAll();
        return keys.save(key).view(clock.instant());
    }

    /**
     * The actor a presented key stands for, or the problem that stops it (unknown, revoked, expired, tenant
     * suspended, over its rate limit).
     */
    public ActorResolver.Resolution authenticate(String presented, ClientInfo client) {
        if (!presented.startsWith(PREFIX) || presented.length() != PREFIX.length() + KEY_ID_LENGTH + SECRET_LENGTH) {
            return ActorResolver.Resolution.rejected(invalid());
        }
        String keyId = presented.substring(PREFIX.length(), PREFIX.length() + KEY_ID_LENGTH);
        Optional<StoredKey> stored = byKeyId.get(keyId, this::loadStored);
        if (stored.isEmpty() || !MessageDigest.isEqual(stored.get().secretHash(), Hashes.sha256(presented))) {
            return ActorResolver.Resolution.rejected(invalid());
        }
        StoredKey key = stored.get();
        Instant now = clock.instant();
        if (key.revokedAt() != null) {
            return ActorResolver.Resolution.rejected(rejected("api-key-revoked", "This API key has been revoked"));
        }
        if (key.expiresAt() != null && !key.expiresAt().isAfter(now)) {
            return ActorResolver.Resolution.rejected(rejected("api-key-expired", "This API key has expired"));
        }
        Optional<TenantView> tenant = tenants.find(key.tenantId());
        if (tenant.isEmpty()) {
            return ActorResolver.Resolution.rejected(invalid());
        }
        if (!tenant.get().active()) {
            return ActorResolver.Resolution.rejected(
                    IdentityProblems.tenantSuspended(String.valueOf(tenant.get().suspendedReason())));
        }
        var bucket = buckets.get(
                key.id(),
                id -> bucket(key.requestsPerMinute() != null ? key.requestsPerMinute() : defaultRequestsPerMinute));
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long wait = Math.max(
                    1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
            int limit = key.requestsPerMinute() != null ? key.requestsPerMinute() : defaultRequestsPerMinute;
            return ActorResolver.Resolution.rejected(new ProblemException(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "rate-limited",
                            "Rate limit exceeded",
                            "This API key may make " + limit + " requests per minute; retry in " + wait + " s")
                    .with("retryAfter", wait));
        }
        Set<String> scopes =
                key.scopes().stream().filter(catalog::exists).collect(java.util.stream.Collectors.toUnmodifiableSet());
        UUID creator = key.createdBy();
        if (creator != null) {
            // A key never does more than its creator may do now: a disabled creator stops it, a lost
            // permission is lost by the key too (within ActorResolver's few seconds, at once on this instance).
            var owner = actors.resolve(ActorType.STAFF, creator, key.tenantId(), null);
            if (!(owner instanceof ActorResolver.Resolution.Resolved resolved)) {
                return ActorResolver.Resolution.rejected(
                        rejected("api-key-creator-inactive", "The user who created this API key can no longer act"));
            }
            scopes = GrantPolicy.effectiveScopes(scopes, resolved.actor().permissions());
        }
        touch(key.id(), client.address(), now);
        return ActorResolver.Resolution.resolved(new Actor(
                ActorType.API_KEY,
                key.id(),
                key.tenantId(),
                tenant.get().slug(),
                tenant.get().name(),
                "api-key:" + key.name(),
                "API key " + key.name(),
                scopes,
                null));
    }

    private void touch(UUID id, String address, Instant now) {
        jdbc.sql("""
            update identity.api_keys set last_used_at = :now, last_used_address = :address
            where id = :id and (last_used_at is null or last_used_at < :threshold)
            """)
                .param("now", Timestamp.from(now))
                .param("address", address)
                .param("id", id)
                .param("threshold", Timestamp.from(now.minus(TOUCH_EVERY)))
                .update();
    }

    private Optional<StoredKey> loadStored(String keyId) {
        return jdbc.sql("""
            select id, tenant_id, name, secret_hash, scopes, requests_per_minute, expires_at, revoked_at, created_by
            from identity.api_keys where key_id = :keyId
            """)
                .param("keyId", keyId)
                .query((row, i) -> new StoredKey(
                        row.getObject("id", UUID.class),
                        row.getObject("tenant_id", UUID.class),
                        row.getString("name"),
                        row.getBytes("secret_hash"),
                        SqlArrays.strings(row.getArray("scopes")),
                        (Integer) row.getObject("requests_per_minute"),
                        instant(row.getTimestamp("expires_at")),
                        instant(row.getTimestamp("revoked_at")),
                        row.getObject("created_by", UUID.class)))
                .optional();
    }

    private static Bucket bucket(int perMinute) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(perMinute)
                        .refillGreedy(perMinute, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    private String randomText(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return Base32.encode(bytes).substring(0, length).toLowerCase(Locale.ROOT);
    }

    private static ProblemException invalid() {
        return rejected("invalid-api-key", "The API key is not valid");
    }

    private static ProblemException rejected(String type, String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, type, "Invalid API key", detail);
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private ApiKey load(UUID id) {
        return keys.findById(id).orElseThrow(() -> IdentityProblems.apiKeyNotFound(id));
    }

    @SuppressWarnings("ArrayRecordComponent") // compared with MessageDigest.isEqual, never with equals()
    private record StoredKey(
            UUID id,
            UUID tenantId,
            String name,
            byte[] secretHash,
            List<String> scopes,
            @Nullable Integer requestsPerMinute,
            @Nullable Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable UUID createdBy) {}
}
