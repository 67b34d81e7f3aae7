package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class RoleApiTest {

    @LocalServerPort
    int port;

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
    void everyTenantHasTheBuiltInRolesWithPermissionsFromTheModules() {
        var roles = api.get("/api/v1/roles", tenant.adminToken()).json().path("items");
        assertThat(roles)
                .extracting(r -> r.path("builtIn").asString())
                .contains("ADMIN", "BILLING", "SUPPORT", "TECHNICIAN", "CUSTOMER");
        var admin = roles.get(0);
        assertThat(admin.path("permissions").toString())
                .contains("users:manage", "roles:manage", "tenant:settings", "dashboard:view");
        var permissions = api.get("/api/v1/permissions", tenant.adminToken());
        assertThat(permissions.status()).isEqualTo(200);
        assertThat(permissions.body()).contains("\"users:read\"", "\"module\":\"Staff and roles\"");
    }

    @Test
    void builtInRolesCannotBeChangedOrDeleted() {
        String adminRole = api.get("/api/v1/roles", tenant.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        var change = api.put(
                "/api/v1/roles/" + adminRole, Map.of("name", "Boss", "permissions", List.of()), tenant.adminToken());
        assertThat(change.status()).isEqualTo(409);
        assertThat(change.text("type")).endsWith("/built-in-role");
        assertThat(api.delete("/api/v1/roles/" + adminRole, tenant.adminToken()).status())
                .isEqualTo(409);
    }

    @Test
    void customRolesAreBuiltFromKnownPermissionsOnly() {
        var created = api.post(
                "/api/v1/roles",
                Map.of(
                        "name",
                        "Auditor",
                        "description",
                        "Looks, never touches",
                        "permissions",
                        List.of("users:read", "tenant:read")),
                tenant.adminToken());
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("permissions").toString()).isEqualTo("[\"tenant:read\",\"users:read\"]");

        var unknown = api.post(
                "/api/v1/roles", Map.of("name", "Wizard", "permissions", List.of("magic:cast")), tenant.adminToken());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("permissions");

        var duplicate =
                api.post("/api/v1/roles", Map.of("name", "auditor", "permissions", List.of()), tenant.adminToken());
        assertThat(duplicate.status()).isEqualTo(409);
    }

    @Test
    void changingARolesPermissionsAppliesToItsUsersAtOnce() {
        var user = tenants.userWith(tenant, Set.of("users:read", "tenant:read"));
        assertThat(api.get("/api/v1/users", user.token()).status()).isEqualTo(200);
        String roleId = api.get("/api/v1/users/" + user.id(), tenant.adminToken())
                .json()
                .path("roles")
                .get(0)
                .path("id")
                .asString();

        var narrowed = api.put(
                "/api/v1/roles/" + roleId,
                Map.of("name", "Narrowed", "permissions", List.of("tenant:read")),
                tenant.adminToken());
        assertThat(narrowed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", user.token()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/tenant", user.token()).status()).isEqualTo(200);
    }

    @Test
    void aRoleInUseCannotBeDeletedButAnUnusedOneCan() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        String roleId = api.get("/api/v1/users/" + user.id(), tenant.adminToken())
                .json()
                .path("roles")
                .get(0)
                .path("id")
                .asString();
        var refused = api.delete("/api/v1/roles/" + roleId, tenant.adminToken());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("type")).endsWith("/role-in-use");

        var spare = api.post("/api/v1/roles", Map.of("name", "Spare", "permissions", List.of()), tenant.adminToken());
        assertThat(api.delete("/api/v1/roles/" + spare.text("id"), tenant.adminToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/roles/" + spare.text("id"), tenant.adminToken())
                        .status())
                .isEqualTo(404);
    }
}
