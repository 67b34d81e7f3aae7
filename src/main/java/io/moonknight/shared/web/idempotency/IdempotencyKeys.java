package io.moonknight.shared.web.idempotency;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The stored keys ({@code shared.idempotency_keys}). A request claims its key with one statement: an insert, or
 * the take-over of a row that has expired (older than {@link #RETENTION}) or whose request stopped without an
 * answer (claimed more than {@link #ABANDONED_AFTER} ago, a crashed instance) and was the same request. Whoever
 * does not get the claim reads the row: another request, a running one, or an answer to replay.
 */
@Component
class IdempotencyKeys {

    /** How long a key is remembered; the purge job removes rows only after this. */
    static final Duration RETENTION = Duration.ofHours(24);

    /** A request still without an answer after this is taken to have died with its instance. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final Clock clock;

    IdempotencyKeys(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Who owns a key: the tenant (all zeros for none) and the user or API key. */
    record Scope(UUID tenantId, UUID principalId, String key) {}

    /** What a claim proves; the answer is stored (or the row released) only by the holder of the token. */
    record Claim(Scope scope, UUID token) {}

    /** A request as compared between repetitions; the fingerprint is a SHA-256 in hex. */
    record Request(String method, String path, String fingerprint) {}

    /** The answer given to the first request. */
    static final class Answer {

        private final int status;
        private final Map<String, String> headers;
        private final byte[] body;

        Answer(int status, Map<String, String> headers, byte[] body) {
            this.status = status;
            this.headers = Map.copyOf(headers);
            this.body = body.clone();
        }

        int status() {
            return status;
        }

        Map<String, String> headers() {
            return headers;
        }

        byte[] body() {
            return body.clone();
        }
    }

    /** A row someone else holds. */
    record Held(String fingerprint, @Nullable Answer answer) {}

    /** Claims the key for this request, or says who holds it. */
    Optional<Claim> claim(Scope scope, Request request) {
        Instant now = clock.instant();
        UUID token = UUID.randomUUID();
        Optional<UUID> claimed = jdbc.sql("""
            insert into shared.idempotency_keys as k (tenant_id, principal_id, idempotency_key, request_method,
                request_path, fingerprint, claim_token, claimed_at, created_at)
            values (:tenant, :principal, :key, :method, :path, :fingerprint, :token, :now, :now)
            on conflict (tenant_id, principal_id, idempotency_key) do update
                set request_method = excluded.request_method, request_path = excluded.request_path,
                    fingerprint = excluded.fingerprint, claim_token = excluded.claim_token,
                    claimed_at = excluded.claimed_at, created_at = excluded.created_at, completed_at = null,
                    response_status = null, response_headers = null, response_body = null
                where k.created_at < :expired
                   or (k.completed_at is null and k.claimed_at < :abandoned and k.fingerprint = excluded.fingerprint)
            returning claim_token
            """)
                .param("tenant", scope.tenantId())
                .param("principal", scope.principalId())
                .param("key", scope.key())
                .param("method", request.method())
                .param("path", request.path())
                .param("fingerprint", HexFormat.of().parseHex(request.fingerprint()))
                .param("token", token)
                .param("now", Timestamp.from(now))
                .param("expired", Timestamp.from(now.minus(RETENTION)))
                .param("abandoned", Timestamp.from(now.minus(ABANDONED_AFTER)))
                .query(UUID.class)
                .optional();
        return claimed.filter(token::equals).map(t -> new Claim(scope, t));
    }

    /** The row as it is now; empty when it went away in between (released after a 5xx, purged). */
    Optional<Held> held(Scope scope) {
        return jdbc.sql("""
            select fingerprint, response_status, response_headers::text as headers, response_body
            from shared.idempotency_keys
            where tenant_id = :tenant and principal_id = :principal and idempotency_key = :key
            """)
                .param("tenant", scope.tenantId())
                .param("principal", scope.principalId())
                .param("key", scope.key())
                .query((rs, n) -> {
                    int status = rs.getInt("response_status");
                    Answer answer = rs.wasNull()
                            ? null
                            : new Answer(
                                    status,
                                    JSON.readValue(rs.getString("headers"), HEADERS),
                                    rs.getBytes("response_body"));
                    return new Held(HexFormat.of().formatHex(rs.getBytes("fingerprint")), answer);
                })
                .optional();
    }

    /** Stores the answer to replay. */
    void complete(Claim claim, Answer answer) {
        jdbc.sql("""
            update shared.idempotency_keys
            set completed_at = :now, response_status = :status, response_headers = cast(:headers as jsonb),
                response_body = :body
            where tenant_id = :tenant and principal_id = :principal and idempotency_key = :key
              and claim_token = :token
            """)
                .param("now", Timestamp.from(clock.instant()))
                .param("status", answer.status())
                .param("headers", JSON.writeValueAsString(new LinkedHashMap<>(answer.headers())))
                .param("body", answer.body())
                .param("tenant", claim.scope().tenantId())
                .param("principal", claim.scope().principalId())
                .param("key", claim.scope().key())
                .param("token", claim.token())
                .update();
    }

    /** Forgets the key (the request failed on our side), so that it may be retried. */
    void release(Claim claim) {
        jdbc.sql("""
            delete from shared.idempotency_keys
            where tenant_id = :tenant and principal_id = :principal and idempotency_key = :key
              and claim_token = :token
            """)
                .param("tenant", claim.scope().tenantId())
                .param("principal", claim.scope().principalId())
                .param("key", claim.scope().key())
                .param("token", claim.token())
                .update();
    }

    /** Removes the keys older than the retention; returns how many. */
    int purge() {
        return jdbc.sql("delete from shared.idempotency_keys where created_at < :before")
                .param("before", Timestamp.from(clock.instant().minus(RETENTION)))
                .update();
    }
}
