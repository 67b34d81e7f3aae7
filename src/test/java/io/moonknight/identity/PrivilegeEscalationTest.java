package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Privilege escalation inside a tenant, table-driven: every identity operation, done by a "manager" who holds
 * users:manage, roles:manage and api-keys:manage but not everything, against a target whose permissions the
 * manager holds (allowed) and one who holds more (refused with 403 privilege-escalation, nothing changed).
 * Before this rule, every "lacks" row succeeded: the services only checked the endpoint's own permission.
 */
@IntegrationTest
class PrivilegeEscalationTest {

    /** What the manager holds; notably not tenant:settings and not the modules' permissions. */
    private static final Set<String> MANAGER =
            Set.of("users:read", "users:manage", "roles:manage", "api-keys:manage", "tenant:read", "dashboard:view");

    /** A narrower set the manager holds, given to the "holds" targets. */
    private static final Set<String> PEER = Set.of("users:read", "tenant:read");

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;
    String peerRole;
    TestTenants.UserFixture manager;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
        peerRole = createRole(PEER, tenant.adminToken());
        manager = tenants.userWith(tenant, MANAGER);
    }

    /** The identity operations one user does to another. */
    enum Operation {
        ASSIGN_ROLES,
        RESET_PASSWORD,
        RESET_TWO_FACTOR,
        CHANGE_EMAIL,
        DISABLE,
        FORCE_LOGOUT,
        UNLOCK
    }

    private Api.Response perform(Operation operation, UUID target, String token) {
        String user = "/api/v1/users/" + target;
        return switch (operation) {
            case ASSIGN_ROLES -> api.put(user + "/roles", Map.of("roleIds", List.of(peerRole)), token);
            case RESET_PASSWORD -> api.post(user + "/password", Map.of("password", "taken-over-passphrase-1"), token);
            case RESET_TWO_FACTOR -> api.post(user + "/two-factor/reset", null, token);
            case CHANGE_EMAIL ->
                api.put(user, Map.of("email", "attacker@evil.test", "fullName", "Taken Over", "phone", ""), token);
            case DISABLE -> api.post(user + "/disable", null, token);
            case FORCE_LOGOUT -> api.post(user + "/logout", null, token);
            case UNLOCK -> api.post(user + "/unlock", null, token);
        };
    }

    @ParameterizedTest(name = "{0} of a user whose permissions the actor holds is allowed")
    @EnumSource(Operation.class)
    void anActorHoldingEveryPermissionOfTheTargetMayActOnThem(Operation operation) {
        var target = newUser(peerRole);
        var done = perform(operation, target.id(), manager.token());
        assertThat(done.status()).as(done.toString()).isBetween(200, 204);
    }

    @ParameterizedTest(name = "{0} of an Admin by a users:manage holder is refused and changes nothing")
    @EnumSource(Operation.class)
    void anActorLackingAPermissionOfTheTargetIsRefusedAndNothingChanges(Operation operation) {
        var admin = newUser(roleId("Admin"));
        var before = api.get("/api/v1/users/" + admin.id(), tenant.adminToken()).json();

        var refused = perform(operation, admin.id(), manager.token());

        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/privilege-escalation");
        assertThat(refused.json().path("missing").toString()).contains("tenant:settings");
        var after = api.get("/api/v1/users/" + admin.id(), tenant.adminToken()).json();
        assertThat(after.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(after.path("email").asString())
                .isEqualTo(before.path("email").asString());
        assertThat(after.path("roles").toString())
                .isEqualTo(before.path("roles").toString());
        assertThat(api.get("/api/v1/me", admin.token()).status())
                .as("the Admin's session survives")
                .isEqualTo(200);
        assertThat(tenants.login(tenant.slug(), admin.username(), TestTenants.PASSWORD)
                        .status())
                .as("and their password is unchanged")
                .isEqualTo(200);
    }

    @Test
    void nobodyChangesTheirOwnRolesUpOrDown() {
        var up = api.put(
                "/api/v1/users/" + manager.id() + "/roles",
                Map.of("roleIds", List.of(roleId("Admin"))),
                manager.token());
        assertThat(up.status()).as(up.toString()).isEqualTo(403);
        assertThat(up.text("type")).endsWith("/privilege-escalation");
        assertThat(up.text("reason")).isEqualTo("OWN_ROLES");
        var down = api.put(
                "/api/v1/users/" + manager.id() + "/roles", Map.of("roleIds", List.of(peerRole)), manager.token());
        assertThat(down.status()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", manager.token())
                        .json()
                        .path("permissions")
                        .toString())
                .doesNotContain("tenant:settings")
                .contains("users:manage");
    }

    @Test
    void assigningARoleWiderThanTheActorToAnotherUserIsRefused() {
        var target = newUser(peerRole);
        var refused = api.put(
                "/api/v1/users/" + target.id() + "/roles",
                Map.of("roleIds", List.of(roleId("Admin"))),
                manager.token());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("reason")).isEqualTo("GRANTS_MORE_THAN_HELD");
        var allowed = api.put(
                "/api/v1/users/" + target.id() + "/roles",
                Map.of("roleIds", List.of(createRole(Set.of("users:manage"), tenant.adminToken()))),
                manager.token());
        assertThat(allowed.status()).isEqualTo(200);
    }

    @Test
    void creatingAUserWithARoleWiderThanTheActorIsRefused() {
        var refused = api.post("/api/v1/users", userBody("would.be.admin", roleId("Admin")), manager.token());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/privilege-escalation");
        assertThat(api.get("/api/v1/users?q=would.be.admin", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
        assertThat(api.post("/api/v1/users", userBody("a.peer", peerRole), manager.token())
                        .status())
                .isEqualTo(201);
    }

    @Test
    void aRoleIsNeitherCreatedNorEditedBeyondTheEditorsPermissions() {
        var wider = api.post(
                "/api/v1/roles",
                Map.of("name", "Wider " + SEQUENCE.incrementAndGet(), "permissions", List.of("tenant:settings")),
                manager.token());
        assertThat(wider.status()).as(wider.toString()).isEqualTo(403);
        assertThat(wider.text("type")).endsWith("/privilege-escalation");
        var within = api.post(
                "/api/v1/roles",
                Map.of("name", "Within " + SEQUENCE.incrementAndGet(), "permissions", List.copyOf(PEER)),
                manager.token());
        assertThat(within.status()).isEqualTo(201);

        // The manager's own role cannot be widened by them ...
        String ownRole = api.get("/api/v1/users/" + manager.id(), tenant.adminToken())
                .json()
                .path("roles")
                .get(0)
                .path("id")
                .asString();
        var widened = new ArrayList<>(MANAGER);
        widened.add("tenant:settings");
        var widenOwn =
                api.put("/api/v1/roles/" + ownRole, Map.of("name", "Widened", "permissions", widened), manager.token());
        assertThat(widenOwn.status()).as(widenOwn.toString()).isEqualTo(403);
        assertThat(api.get("/api/v1/me", manager.token())
                        .json()
                        .path("permissions")
                        .toString())
                .doesNotContain("tenant:settings");
        // ... nor can a role holding what they lack be stripped by them.
        String richer = createRole(Set.of("tenant:settings", "tenant:read"), tenant.adminToken());
        var strip = api.put(
                "/api/v1/roles/" + richer, Map.of("name", "Stripped", "permissions", List.of()), manager.token());
        assertThat(strip.status()).isEqualTo(403);
        // Editing within their permissions works.
        var edit = api.put(
                "/api/v1/roles/" + within.text("id"),
                Map.of("name", "Within, edited", "permissions", List.of("users:read")),
                manager.token());
        assertThat(edit.status()).isEqualTo(200);
    }

    @Test
    void anApiKeyCannotBeCreatedWithScopesWiderThanTheCreator() {
        var refused = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Wide key", "scopes", List.of("tenant:settings", "users:read")),
                manager.token());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/privilege-escalation");
        var allowed = api.post(
                "/api/v1/api-keys", Map.of("name", "Narrow key", "scopes", List.of("users:read")), manager.token());
        assertThat(allowed.status()).isEqualTo(201);
    }

    @Test
    void aRolesTwoFactorRequirementIsChangedOnlyByWhoeverHoldsEveryPermissionOfIt() {
        String admin = roleId("Admin");
        var loosen = api.put("/api/v1/roles/" + admin + "/two-factor", Map.of("required", true), manager.token());
        assertThat(loosen.status()).as(loosen.toString()).isEqualTo(403);
        assertThat(loosen.text("type")).endsWith("/privilege-escalation");
        assertThat(api.get("/api/v1/roles/" + admin, tenant.adminToken())
                        .json()
                        .path("requireTwoFactor")
                        .asBoolean())
                .isFalse();

        var within = api.put("/api/v1/roles/" + peerRole + "/two-factor", Map.of("required", true), manager.token());
        assertThat(within.status()).as(within.toString()).isEqualTo(200);
        assertThat(within.json().path("requireTwoFactor").asBoolean()).isTrue();
    }

    @Test
    void anApiKeyIsRevokedOnlyByWhoeverHoldsEveryScopeOfIt() {
        var stronger = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Settings sync", "scopes", List.of("tenant:settings", "users:read")),
                tenant.adminToken());
        assertThat(stronger.status()).as(stronger.toString()).isEqualTo(201);
        String strongerId = stronger.json().path("key").path("id").asString();
        var refused = api.post("/api/v1/api-keys/" + strongerId + "/revoke", null, manager.token());
        assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        assertThat(refused.text("type")).endsWith("/privilege-escalation");
        assertThat(api.get("/api/v1/me", stronger.text("secret")).status())
                .as("the key still works")
                .isEqualTo(200);

        var narrow = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Directory sync", "scopes", List.of("users:read")),
                tenant.adminToken());
        var revoked = api.post(
                "/api/v1/api-keys/" + narrow.json().path("key").path("id").asString() + "/revoke",
                null,
                manager.token());
        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.text("status")).isEqualTo("REVOKED");
    }

    @Test
    void theLastActiveAdminCanBeNeitherDemotedNorDisabled() {
        // A deputy holding every permission (but not the Admin role) may act on the Admin, except to remove the last.
        List<String> everything = new ArrayList<>();
        for (JsonNode group :
                api.get("/api/v1/permissions", tenant.adminToken()).json().path("items")) {
            group.path("permissions").forEach(p -> everything.add(p.path("name").asString()));
        }
        var deputy = tenants.userWith(tenant, Set.copyOf(everything));
        String adminId = api.get("/api/v1/me", tenant.adminToken()).text("id");

        var demote =
                api.put("/api/v1/users/" + adminId + "/roles", Map.of("roleIds", List.of(peerRole)), deputy.token());
        assertThat(demote.status()).as(demote.toString()).isEqualTo(409);
        assertThat(demote.text("type")).endsWith("/last-admin");
        var disable = api.post("/api/v1/users/" + adminId + "/disable", null, deputy.token());
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.text("type")).endsWith("/last-admin");
        assertThat(api.get("/api/v1/me", tenant.adminToken()).status()).isEqualTo(200);

        // With a second active Admin, the first may go.
        newUser(roleId("Admin"));
        assertThat(api.post("/api/v1/users/" + adminId + "/disable", null, deputy.token())
                        .status())
                .isEqualTo(200);
    }

    @Test
    void anApiKeyLosesWhatItsCreatorLosesAndDiesWithTheCreatorsAccount() {
        String creatorRole = createRole(Set.of("api-keys:manage", "users:read", "tenant:read"), tenant.adminToken());
        var creator = newUser(creatorRole);
        var created = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Sync " + SEQUENCE.incrementAndGet(), "scopes", List.of("users:read", "tenant:read")),
                creator.token());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String key = created.text("secret");
        String keyId = created.json().path("key").path("id").asString();
        assertThat(api.get("/api/v1/users", key).status()).isEqualTo(200);

        // The creator's role loses users:read: so does the key, at once.
        var narrowed = api.put(
                "/api/v1/roles/" + creatorRole,
                Map.of(
                        "name",
                        "Narrowed " + SEQUENCE.incrementAndGet(),
                        "permissions",
                        List.of("api-keys:manage", "tenant:read")),
                tenant.adminToken());
        assertThat(narrowed.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", key).status())
                .as("the key no longer reads users")
                .isEqualTo(403);
        assertThat(api.get("/api/v1/tenant", key).status())
                .as("but still does what the creator may")
                .isEqualTo(200);

        // Disabling the creator revokes their keys.
        assertThat(api.post("/api/v1/users/" + creator.id() + "/disable", null, tenant.adminToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/tenant", key).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/api-keys/" + keyId, tenant.adminToken()).text("status"))
                .isEqualTo("REVOKED");
    }

    private TestTenants.UserFixture newUser(String roleId) {
        String username = "target" + SEQUENCE.incrementAndGet();
        var created = api.post("/api/v1/users", userBody(username, roleId), tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        var login = tenants.login(tenant.slug(), username, TestTenants.PASSWORD);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return new TestTenants.UserFixture(UUID.fromString(created.text("id")), username, login.text("accessToken"));
    }

    private static Map<String, Object> userBody(String username, String roleId) {
        return Map.of(
                "username",
                username,
                "email",
                username + "@example.test",
                "fullName",
                "User " + username,
                "password",
                TestTenants.PASSWORD,
                "roleIds",
                List.of(roleId));
    }

    private String createRole(Set<String> permissions, String token) {
        var role = api.post(
                "/api/v1/roles",
                Map.of(
                        "name",
                        "Role " + SEQUENCE.incrementAndGet() + "-" + System.nanoTime(),
                        "permissions",
                        permissions),
                token);
        assertThat(role.status()).as(role.toString()).isEqualTo(201);
        return role.text("id");
    }

    private String roleId(String name) {
        JsonNode roles = api.get("/api/v1/roles", tenant.adminToken()).json();
        JsonNode list = roles.path("items");
        for (var role : list) {
            if (role.path("name").asString().equals(name)) {
                return role.path("id").asString();
            }
        }
        throw new AssertionError("no role " + name);
    }
}
