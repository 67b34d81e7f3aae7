package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@Tag("smoke")
class AuthApiTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
    }

    @Test
    void loginReturnsShortLivedTokensAndMeShowsTenantAndPermissions() {
        var tenant = tenants.create();
        var login = tenants.login(tenant.slug(), "ADMIN", TestTenants.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("expiresIn").asInt()).isBetween(60, 3600);
        assertThat(login.text("tokenType")).isEqualTo("Bearer");
        assertThat(login.text("refreshToken")).startsWith("mkr_");

        var me = api.get("/api/v1/me", login.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.text("username")).isEqualTo("admin");
        assertThat(me.json().path("tenant").path("slug").asString()).isEqualTo(tenant.slug());
        assertThat(me.json().path("permissions").toString())
                .contains("users:manage", "roles:manage", "tenant:settings");
    }

    @Test
    void unknownTenantUnknownUserAndWrongPasswordGetTheSameAnswer() {
        var tenant = tenants.create();
        List<Api.Response> failures = List.of(
                tenants.login("no-such-isp", "admin", TestTenants.PASSWORD),
                tenants.login(tenant.slug(), "nobody", TestTenants.PASSWORD),
                tenants.login(tenant.slug(), "admin", "wrong-password-123"),
                tenants.login("Not A Slug!", "admin", TestTenants.PASSWORD));
        for (var failure : failures) {
            assertThat(failure.status()).isEqualTo(401);
            assertThat(failure.isProblem()).isTrue();
            assertThat(failure.body().replaceAll("\"instance\":\"[^\"]*\",?", ""))
                    .isEqualTo(failures.getFirst().body().replaceAll("\"instance\":\"[^\"]*\",?", ""));
        }
        assertThat(failures.getFirst().text("type")).endsWith("/invalid-credentials");
    }

    @Test
    void refreshRotatesTheTokenAndReuseRevokesTheWholeFamily() {
        var tenant = tenants.create();
        String first = tenant.adminRefreshToken();
        var rotated = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null);
        assertThat(rotated.status()).as(rotated.toString()).isEqualTo(200);
        String second = rotated.text("refreshToken");
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/api/v1/me", rotated.text("accessToken")).status()).isEqualTo(200);

        var replay = api.post("/api/v1/auth/refresh", Map.of("refreshToken", first), null);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.text("type")).endsWith("/invalid-refresh-token");

        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", second), null)
                        .status())
                .isEqualTo(401);
        var afterRevocation = api.get("/api/v1/me", rotated.text("accessToken"));
        assertThat(afterRevocation.status()).isEqualTo(401);
        assertThat(afterRevocation.text("type")).endsWith("/session-ended");
    }

    @Test
    void logoutEndsTheSessionForItsAccessAndRefreshTokens() {
        var tenant = tenants.create();
        assertThat(api.post("/api/v1/auth/logout", Map.of("refreshToken", tenant.adminRefreshToken()), null)
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/me", tenant.adminToken()).status()).isEqualTo(401);
        assertThat(api.post("/api/v1/auth/refresh", Map.of("refreshToken", tenant.adminRefreshToken()), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void usersOfASuspendedTenantCannotLogInAndAreToldWhy() {
        var tenant = tenants.create();
        var suspended = api.post(
                "/api/v1/platform/tenants/" + tenant.id() + "/suspend",
                Map.of("reason", "Unpaid platform invoice"),
                tenants.operatorToken());
        assertThat(suspended.status()).isEqualTo(200);

        var login = tenants.login(tenant.slug(), "admin", TestTenants.PASSWORD);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.text("type")).endsWith("/tenant-suspended");
        assertThat(login.text("detail")).contains("Unpaid platform invoice");

        var existingToken = api.get("/api/v1/me", tenant.adminToken());
        assertThat(existingToken.status()).isEqualTo(403);
        assertThat(existingToken.text("type")).endsWith("/tenant-suspended");

        api.post("/api/v1/platform/tenants/" + tenant.id() + "/activate", null, tenants.operatorToken());
        assertThat(tenants.login(tenant.slug(), "admin", TestTenants.PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void aDisabledUserCannotLogInAndTheirTokensStopWorking() {
        var tenant = tenants.create();
        var user = tenants.userWith(tenant, java.util.Set.of("tenant:read"));
        assertThat(api.get("/api/v1/tenant", user.token()).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/users/" + user.id() + "/disable", null, tenant.adminToken())
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/tenant", user.token()).status()).isEqualTo(401);
        var login = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.text("type")).endsWith("/account-disabled");
    }

    @Test
    void theOperatorLogsInWithoutATenantAndSeesNoTenantData() {
        var operator = tenants.login(null, TestTenants.OPERATOR, TestTenants.OPERATOR_PASSWORD);
        assertThat(operator.status()).isEqualTo(200);
        String token = operator.text("accessToken");
        var me = api.get("/api/v1/me", token);
        assertThat(me.text("type")).isEqualTo("OPERATOR");
        assertThat(me.json().path("tenant").isNull()).isTrue();
        assertThat(api.get("/api/v1/users", token).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/platform/tenants", token).status()).isEqualTo(200);
    }

    @Test
    void tenantStaffCannotUseThePlatformApi() {
        var tenant = tenants.create();
        var denied = api.get("/api/v1/platform/tenants", tenant.adminToken());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.isProblem()).isTrue();
    }

    @Test
    void requestsWithoutOrWithABrokenTokenGet401Problems() {
        var none = api.get("/api/v1/me", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(none.text("type")).endsWith("/unauthenticated");

        var garbage = api.get("/api/v1/me", "not.a.jwt");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.text("type")).endsWith("/invalid-token");

        String forged = tenants.create().adminToken();
        String tampered = forged.substring(0, forged.lastIndexOf('.') + 1) + "AAAA"
                + forged.substring(forged.lastIndexOf('.') + 5);
        assertThat(api.get("/api/v1/me", tampered).status()).isEqualTo(401);
    }

    @Test
    void changingMyPasswordEndsMyOtherSessions() {
        var tenant = tenants.create();
        var second = tenants.login(tenant.slug(), "admin", TestTenants.PASSWORD);
        var changed = api.post(
                "/api/v1/me/password",
                Map.of("currentPassword", TestTenants.PASSWORD, "newPassword", "another-good-passphrase-4"),
                tenant.adminToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        assertThat(api.get("/api/v1/me", tenant.adminToken()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", second.text("accessToken")).status()).isEqualTo(401);
        assertThat(tenants.login(tenant.slug(), "admin", "another-good-passphrase-4")
                        .status())
                .isEqualTo(200);

        var wrongCurrent = api.post(
                "/api/v1/me/password",
                Map.of("currentPassword", "not-my-password-1", "newPassword", "yet-another-passphrase-5"),
                tenant.adminToken());
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(wrongCurrent.json().path("errors").get(0).path("field").asString())
                .isEqualTo("currentPassword");
    }
}
