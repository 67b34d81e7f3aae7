package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class UserApiTest {

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
    void anAdminCreatesFindsEditsAndDisablesAUser() {
        String supportRole = roleId("Support");
        var created = api.post("/api/v1/users", newUser("Nadia.Rahman", supportRole), tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.header("Location")).endsWith("/api/v1/users/" + created.text("id"));
        assertThat(created.text("username")).isEqualTo("nadia.rahman");
        assertThat(created.text("phone")).isEqualTo("+8801711123456");
        assertThat(created.json().path("roles").get(0).path("name").asString()).isEqualTo("Support");
        assertThat(created.json().has("password")).isFalse();
        assertThat(created.body()).doesNotContain("passwordHash", "$2a$", "{bcrypt}");

        String id = created.text("id");
        var found = api.get("/api/v1/users?q=rahman", tenant.adminToken());
        assertThat(found.json().path("totalItems").asInt()).isEqualTo(1);
        assertThat(found.json().path("items").get(0).path("id").asString()).isEqualTo(id);

        var updated = api.put(
                "/api/v1/users/" + id,
                Map.of("email", "nadia@isp.example", "fullName", "Nadia R.", "phone", ""),
                tenant.adminToken());
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.text("fullName")).isEqualTo("Nadia R.");
        assertThat(updated.json().path("phone").isNull()).isTrue();

        assertThat(api.post("/api/v1/users/" + id + "/disable", null, tenant.adminToken())
                        .text("status"))
                .isEqualTo("DISABLED");
        var again = api.post("/api/v1/users/" + id + "/disable", null, tenant.adminToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/users?status=DISABLED", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.post("/api/v1/users/" + id + "/enable", null, tenant.adminToken())
                        .text("status"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void usernamesAreUniquePerTenantButNotAcrossTenants() {
        String role = roleId("Billing");
        assertThat(api.post("/api/v1/users", newUser("casey", role), tenant.adminToken())
                        .status())
                .isEqualTo(201);
        var duplicate = api.post("/api/v1/users", newUser("CASEY", role), tenant.adminToken());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("type")).endsWith("/username-taken");

        var other = tenants.create();
        var otherRole = api.get("/api/v1/roles", other.adminToken())
                .json()
                .path("items")
                .get(1)
                .path("id")
                .asString();
        assertThat(api.post("/api/v1/users", newUser("casey", otherRole), other.adminToken())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void weakPasswordsAreRefusedNamingTheField() {
        var body = new HashMap<>(newUser("weakling", roleId("Support")));
        body.put("password", "password123");
        var refused = api.post("/api/v1/users", body, tenant.adminToken());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
        assertThat(refused.body()).contains("commonly used");
    }

    @Test
    void anAdminResetsAPasswordAndTheUsersSessionsEnd() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        var reset = api.post(
                "/api/v1/users/" + user.id() + "/password",
                Map.of("password", "brand-new-passphrase-8"),
                tenant.adminToken());
        assertThat(reset.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/tenant", user.token()).status()).isEqualTo(401);
        assertThat(tenants.login(tenant.slug(), user.username(), "brand-new-passphrase-8")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theTenantAlwaysKeepsAnAdministrator() {
        String adminId = api.get("/api/v1/me", tenant.adminToken()).text("id");
        var selfDisable = api.post("/api/v1/users/" + adminId + "/disable", null, tenant.adminToken());
        assertThat(selfDisable.status()).isEqualTo(409);
        assertThat(selfDisable.text("type")).endsWith("/self-change");

        var selfDemote = api.put(
                "/api/v1/users/" + adminId + "/roles",
                Map.of("roleIds", List.of(roleId("Support"))),
                tenant.adminToken());
        assertThat(selfDemote.status()).as("nobody changes their own roles").isEqualTo(403);
        assertThat(selfDemote.text("type")).endsWith("/privilege-escalation");
        assertThat(api.get("/api/v1/me", tenant.adminToken())
                        .json()
                        .path("permissions")
                        .toString())
                .contains("users:manage");
    }

    @Test
    void passwordsLongerThanSeventyTwoBytesAreRefusedWithAFieldErrorNotAServerError() {
        var body = new HashMap<>(newUser("longpass", roleId("Support")));
        body.put("password", "Lång-lösenord-".repeat(5)); // 70 characters, 80 bytes in UTF-8
        var refused = api.post("/api/v1/users", body, tenant.adminToken());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
        assertThat(refused.json().path("errors").get(0).path("field").asString())
                .isEqualTo("password");
        assertThat(refused.body()).contains("at most 72 bytes");
    }

    @Test
    void rolesAreReplacedAndPermissionsFollowAtOnce() {
        var user = tenants.userWith(tenant, Set.of("users:read"));
        assertThat(api.get("/api/v1/users", user.token()).status()).isEqualTo(200);
        var changed = api.put(
                "/api/v1/users/" + user.id() + "/roles",
                Map.of("roleIds", List.of(roleId("Technician"))),
                tenant.adminToken());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", user.token()).status()).isEqualTo(403);

        var unknown = api.put(
                "/api/v1/users/" + user.id() + "/roles",
                Map.of("roleIds", List.of("00000000-0000-0000-0000-000000000001")),
                tenant.adminToken());
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").get(0).path("field").asString())
                .isEqualTo("roleIds");
    }

    @Test
    void listsPaginateAndSortOnWhitelistedFieldsOnly() {
        String role = roleId("Support");
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/users", newUser("pager" + i, role), tenant.adminToken());
        }
        var page = api.get("/api/v1/users?q=pager&size=2&page=1&sort=username,desc", tenant.adminToken());
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("totalItems").asInt()).isEqualTo(5);
        assertThat(page.json().path("totalPages").asInt()).isEqualTo(3);
        assertThat(page.json().path("page").asInt()).isEqualTo(1);
        assertThat(page.json().path("items").get(0).path("username").asString()).isEqualTo("pager2");
        assertThat(page.json().path("sort").get(0).asString()).isEqualTo("username,desc");

        var badSort = api.get("/api/v1/users?sort=passwordHash", tenant.adminToken());
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(badSort.json().path("errors").get(0).path("field").asString())
                .isEqualTo("sort");
    }

    @Test
    void aUserWithoutThePermissionIsForbidden() {
        var reader = tenants.userWith(tenant, Set.of("users:read"));
        assertThat(api.get("/api/v1/users", reader.token()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/users", newUser("sneaky", roleId("Admin")), reader.token())
                        .status())
                .isEqualTo(403);
    }

    private String roleId(String name) {
        for (var role : api.get("/api/v1/roles", tenant.adminToken()).json().path("items")) {
            if (role.path("name").asString().equals(name)) {
                return role.path("id").asString();
            }
        }
        throw new AssertionError("no role " + name);
    }

    private static Map<String, Object> newUser(String username, String roleId) {
        return Map.of(
                "username",
                username,
                "email",
                username.toLowerCase() + "@isp.example",
                "fullName",
                "Nadia Rahman",
                "phone",
                "+880 1711-123456",
                "password",
                TestTenants.PASSWORD,
                "roleIds",
                List.of(roleId));
    }
}
