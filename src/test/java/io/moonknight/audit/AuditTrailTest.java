package io.moonknight.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AuditTrailTest {

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
    void everyKindOfActionLeavesARecordWithoutSecrets() {
        String supportRole = roleId("Support");
        var created = api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        "audited",
                        "email",
                        "audited@isp.test",
                        "fullName",
                        "Audit Me",
                        "password",
                        TestTenants.PASSWORD,
                        "roleIds",
                        List.of(supportRole)),
                tenant.adminToken());
        String userId = created.text("id");
        api.put(
                "/api/v1/users/" + userId,
                Map.of("email", "audited@isp.test", "fullName", "Audited Person"),
                tenant.adminToken());
        api.put(
                "/api/v1/users/" + userId + "/roles",
                Map.of("roleIds", List.of(roleId("Billing"))),
                tenant.adminToken());
        api.post(
                "/api/v1/users/" + userId + "/password",
                Map.of("password", "fresh-passphrase-42"),
                tenant.adminToken());
        api.post("/api/v1/users/" + userId + "/disable", null, tenant.adminToken());
        var role = api.post(
                "/api/v1/roles", Map.of("name", "Auditor", "permissions", List.of("audit:read")), tenant.adminToken());
        api.delete("/api/v1/roles/" + role.text("id"), tenant.adminToken());
        api.put(
                "/api/v1/tenant",
                Map.of("name", "Audited ISP", "timezone", "UTC", "currency", "USD", "locale", "en"),
                tenant.adminToken());
        var key = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Audited key", "scopes", List.of("tenant:read")),
                tenant.adminToken());
        api.post(
                "/api/v1/api-keys/" + key.json().path("key").path("id").asString() + "/revoke",
                null,
                tenant.adminToken());
        tenants.login(tenant.slug(), "admin", "a-wrong-password-1");
        var session = tenants.login(tenant.slug(), "admin", TestTenants.PASSWORD);
        api.post("/api/v1/auth/logout", Map.of("refreshToken", session.text("refreshToken")), null);

        List<JsonNode> events = events("");
        List<String> actions =
                events.stream().map(e -> e.path("action").asString()).toList();
        assertThat(actions)
                .contains(
                        "tenant.created",
                        "user.created",
                        "user.updated",
                        "role.created",
                        "role.deleted",
                        "tenant.updated",
                        "api-key.created",
                        "api-key.updated",
                        "auth.login",
                        "auth.login-failed",
                        "auth.logout");

        JsonNode userCreated = find(events, "user.created", userId);
        assertThat(userCreated.path("actorName").asString()).isEqualTo("admin");
        assertThat(userCreated.path("actorType").asString()).isEqualTo("STAFF");
        assertThat(userCreated.path("operation").asString()).isEqualTo("POST /api/v1/users");
        assertThat(userCreated.path("sourceAddress").asString()).isNotBlank();
        assertThat(userCreated.path("userAgent").asString()).isNotBlank();
        JsonNode after = userCreated.path("details").path("created");
        assertThat(after.path("username").asString()).isEqualTo("audited");
        assertThat(after.path("passwordHash").asString()).isEqualTo("[redacted]");
        assertThat(after.path("roles").toString()).contains("Support");

        var changes = new java.util.HashMap<String, JsonNode>();
        events.stream()
                .filter(e -> e.path("action").asString().equals("user.updated")
                        && e.path("targetId").asString().equals(userId))
                .forEach(e -> e.path("details")
                        .path("changes")
                        .properties()
                        .forEach(c -> changes.put(c.getKey(), c.getValue())));
        assertThat(changes.get("fullName").path("from").asString()).isEqualTo("Audit Me");
        assertThat(changes.get("fullName").path("to").asString()).isEqualTo("Audited Person");
        assertThat(changes.get("roles").path("from").toString()).isEqualTo("[\"Support\"]");
        assertThat(changes.get("roles").path("to").toString()).isEqualTo("[\"Billing\"]");
        assertThat(changes.get("status").path("to").asString()).isEqualTo("DISABLED");
        assertThat(changes.get("passwordHash").asString()).isEqualTo("[redacted]");
        assertThat(changes.get("passwordChangedAt").path("to").asString()).isNotBlank();
        assertThat(events.toString())
                .doesNotContain(TestTenants.PASSWORD, "fresh-passphrase-42", "$2a$", key.text("secret"));

        JsonNode failed = events.stream()
                .filter(e -> e.path("action").asString().equals("auth.login-failed"))
                .findFirst()
                .orElseThrow();
        assertThat(failed.path("actorType").asString()).isEqualTo("ANONYMOUS");
        assertThat(failed.path("details").path("reason").asString()).isEqualTo("invalid-credentials");
        assertThat(failed.toString()).doesNotContain("a-wrong-password-1");

        JsonNode tenantCreated = find(events, "tenant.created", tenant.id().toString());
        assertThat(tenantCreated.path("actorType").asString()).isEqualTo("OPERATOR");
    }

    @Test
    void actionsOfAnApiKeyNameTheKey() {
        var key = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Provisioner", "scopes", List.of("users:manage", "users:read")),
                tenant.adminToken());
        String secret = key.text("secret");
        var created = api.post(
                "/api/v1/users",
                Map.of(
                        "username",
                        "by-key",
                        "email",
                        "k@isp.test",
                        "fullName",
                        "By Key",
                        "password",
                        TestTenants.PASSWORD,
                        "roleIds",
                        List.of()),
                secret);
        assertThat(created.status()).isEqualTo(201);
        JsonNode event = find(events("?action=user.created"), "user.created", created.text("id"));
        assertThat(event.path("actorType").asString()).isEqualTo("API_KEY");
        assertThat(event.path("actorName").asString()).isEqualTo("api-key:Provisioner");
    }

    @Test
    void theTrailFiltersAndExportsAsCsv() {
        var user = tenants.userWith(tenant, java.util.Set.of("tenant:read"));
        var forUser = events("?targetId=" + user.id());
        assertThat(forUser)
                .isNotEmpty()
                .allMatch(e -> e.path("targetId").asString().equals(user.id().toString()));
        var byPrefix = events("?action=role.");
        assertThat(byPrefix)
                .isNotEmpty()
                .allMatch(e -> e.path("action").asString().startsWith("role."));

        var csv = api.get("/api/v1/audit-events/export?action=user.", tenant.adminToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.header("Content-Disposition")).contains("attachment");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,occurred_at,tenant_id,actor_type");
        assertThat(lines.length).isGreaterThan(1);
        assertThat(csv.body()).contains("user.created");

        var otherTenant = tenants.create();
        assertThat(api.get("/api/v1/audit-events?targetId=" + user.id(), otherTenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .as("another tenant sees none of it")
                .isZero();
    }

    @Test
    void theDatabaseRefusesToRewriteHistory() {
        long id = jdbc.sql("select max(id) from audit.audit_events")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql("update audit.audit_events set action = 'forged' where id = :id")
                        .param("id", id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit.audit_events where id = :id")
                        .param("id", id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit.audit_events").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select action from audit.audit_events where id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isNotEqualTo("forged");
    }

    @Test
    void theOperatorSeesThePlatformsTrail() {
        String operator = tenants.operatorToken();
        var trail = api.get("/api/v1/platform/audit-events?action=tenant.created&size=200", operator);
        assertThat(trail.status()).isEqualTo(200);
        assertThat(trail.body()).contains(tenant.id().toString());
        assertThat(api.get("/api/v1/platform/audit-events", tenant.adminToken()).status())
                .isEqualTo(403);
    }

    private List<JsonNode> events(String query) {
        var response = api.get(
                "/api/v1/audit-events" + (query.isEmpty() ? "?" : query + "&") + "size=200", tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var list = new ArrayList<JsonNode>();
        response.json().path("items").forEach(list::add);
        return list;
    }

    private static JsonNode find(List<JsonNode> events, String action, String targetId) {
        return events.stream()
                .filter(e -> e.path("action").asString().equals(action)
                        && e.path("targetId").asString().equals(targetId))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " for " + targetId + " in " + events));
    }

    private String roleId(String name) {
        for (var role : api.get("/api/v1/roles", tenant.adminToken()).json().path("items")) {
            if (role.path("name").asString().equals(name)) {
                return role.path("id").asString();
            }
        }
        throw new AssertionError("no role " + name);
    }
}
