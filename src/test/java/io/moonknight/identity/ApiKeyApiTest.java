package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApiKeyApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
    }

    @Test
    void aKeyWorksOnExactlyTheEndpointsItsScopesAllow() {
        var created = create(Map.of("name", "CRM sync", "scopes", List.of("users:read")));
        String key = created.text("secret");
        assertThat(key).startsWith("mk_live_").hasSize(56);
        assertThat(created.json().path("key").path("prefix").asString()).isEqualTo(key.substring(0, 24) + "…");

        assertThat(api.get("/api/v1/users", key).status()).isEqualTo(200);
        var viaHeader = api.send("GET", "/api/v1/users", null, null, Map.of("X-API-Key", key));
        assertThat(viaHeader.status()).isEqualTo(200);
        var me = api.get("/api/v1/me", key);
        assertThat(me.text("type")).isEqualTo("API_KEY");
        assertThat(me.json().path("permissions").toString()).isEqualTo("[\"users:read\"]");

        assertThat(api.get("/api/v1/roles/" + java.util.UUID.randomUUID(), key).status())
                .as("roles need roles:manage or users:read")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/tenant", key).status())
                .as("tenant:read not in scope")
                .isEqualTo(403);
        assertThat(api.post("/api/v1/users", Map.of(), key).status())
                .as("users:manage not in scope")
                .isEqualTo(403);

        var listed = api.get("/api/v1/api-keys", tenant.adminToken());
        assertThat(listed.body()).doesNotContain(key).contains("CRM sync");
        var used = listed.json().path("items").get(0);
        assertThat(used.path("lastUsedAt").isNull()).isFalse();
        assertThat(used.path("lastUsedAddress").asString()).isNotBlank();
    }

    @Test
    void revokedAndExpiredKeysAreRefused() {
        var created = create(Map.of("name", "Old ERP", "scopes", List.of("tenant:read")));
        String key = created.text("secret");
        assertThat(api.get("/api/v1/tenant", key).status()).isEqualTo(200);
        var revoked = api.post(
                "/api/v1/api-keys/" + created.json().path("key").path("id").asString() + "/revoke",
                null,
                tenant.adminToken());
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
        var refused = api.get("/api/v1/tenant", key);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.text("type")).endsWith("/api-key-revoked");

        var expiring =
                create(Map.of("name", "Temp", "scopes", List.of("tenant:read"), "expiresAt", "2099-01-01T00:00:00Z"));
        jdbc.sql("update identity.api_keys set expires_at = now() - interval '1 minute' where id = :id")
                .param(
                        "id",
                        java.util.UUID.fromString(
                                expiring.json().path("key").path("id").asString()))
                .update();
        var expired = api.get("/api/v1/tenant", expiring.text("secret"));
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.text("type")).endsWith("/api-key-expired");

        assertThat(api.get("/api/v1/tenant", "mk_live_" + "x".repeat(48)).status())
                .isEqualTo(401);
    }

    @Test
    void scopesCannotExceedTheCreatorsPermissions() {
        var delegate = tenants.userWith(tenant, java.util.Set.of("api-keys:manage", "tenant:read"));
        var refused = api.post(
                "/api/v1/api-keys", Map.of("name", "Escalation", "scopes", List.of("users:manage")), delegate.token());
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/privilege-escalation");
        assertThat(refused.json().path("missing").toString()).contains("users:manage");
        var unknown = api.post(
                "/api/v1/api-keys", Map.of("name", "Typo", "scopes", List.of("tenant:raed")), tenant.adminToken());
        assertThat(unknown.status()).isEqualTo(400);
        var past = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Past", "scopes", List.of(), "expiresAt", "2001-01-01T00:00:00Z"),
                tenant.adminToken());
        assertThat(past.status()).isEqualTo(400);
    }

    @Test
    void aKeyIsRateLimited() {
        var created = create(Map.of("name", "Chatty bot", "scopes", List.of("tenant:read"), "requestsPerMinute", 3));
        String key = created.text("secret");
        for (int i = 0; i < 3; i++) {
            assertThat(api.get("/api/v1/tenant", key).status()).isEqualTo(200);
        }
        var limited = api.get("/api/v1/tenant", key);
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.isProblem()).isTrue();
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
    }

    @Test
    void keysOfASuspendedTenantStopWorking() {
        var created = create(Map.of("name", "Billing export", "scopes", List.of("tenant:read")));
        api.post(
                "/api/v1/platform/tenants/" + tenant.id() + "/suspend",
                Map.of("reason", "Unpaid"),
                tenants.operatorToken());
        var refused = api.get("/api/v1/tenant", created.text("secret"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/tenant-suspended");
    }

    private Api.Response create(Map<String, Object> body) {
        var created = api.post("/api/v1/api-keys", body, tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created;
    }
}
