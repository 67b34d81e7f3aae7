package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.identity.domain.Totp;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class TwoFactorApiTest {

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
    void enrolmentTurnsLoginIntoTwoStepsAndEachTimeStepWorksOnce() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        var enrolment = api.post("/api/v1/me/two-factor/enrolment", null, user.token());
        assertThat(enrolment.status()).isEqualTo(200);
        String secret = enrolment.text("secret");
        assertThat(enrolment.text("otpauthUri"))
                .startsWith("otpauth://totp/MoonKnight:")
                .contains("secret=" + secret);
        assertThat(enrolment.text("qrCode")).startsWith("data:image/svg+xml;base64,");

        long step = Totp.step(Instant.now());
        var wrong = api.post(
                "/api/v1/me/two-factor/enrolment/confirm",
                Map.of("code", "000000".equals(Totp.code(secret, step)) ? "111111" : "000000"),
                user.token());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("errors").get(0).path("field").asString()).isEqualTo("code");

        var confirmed = api.post(
                "/api/v1/me/two-factor/enrolment/confirm", Map.of("code", Totp.code(secret, step)), user.token());
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        assertThat(confirmed.json().path("recoveryCodes")).hasSize(10);
        assertThat(api.get("/api/v1/me/two-factor", user.token())
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isTrue();

        var login = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().path("mfaRequired").asBoolean()).isTrue();
        assertThat(login.json().has("accessToken")).isFalse();
        String mfaToken = login.text("mfaToken");

        var replayed =
                api.post("/api/v1/auth/mfa", Map.of("mfaToken", mfaToken, "code", Totp.code(secret, step)), null);
        assertThat(replayed.status())
                .as("the enrolment code's time step was used")
                .isEqualTo(400);

        var completed =
                api.post("/api/v1/auth/mfa", Map.of("mfaToken", mfaToken, "code", Totp.code(secret, step + 1)), null);
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/me", completed.text("accessToken")).text("username"))
                .isEqualTo(user.username());

        var again = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        var sameStepAgain = api.post(
                "/api/v1/auth/mfa",
                Map.of("mfaToken", again.text("mfaToken"), "code", Totp.code(secret, step + 1)),
                null);
        assertThat(sameStepAgain.status())
                .as("a time step is never accepted twice")
                .isEqualTo(400);

        var spent =
                api.post("/api/v1/auth/mfa", Map.of("mfaToken", mfaToken, "code", Totp.code(secret, step + 1)), null);
        assertThat(spent.status()).as("a completed challenge cannot be reused").isEqualTo(401);
        assertThat(spent.text("type")).endsWith("/invalid-mfa-token");
    }

    @Test
    void aRecoveryCodeSignsInOnceOnly() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        List<String> codes = enrol(user.token());

        var first = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        var used = api.post(
                "/api/v1/auth/mfa",
                Map.of("mfaToken", first.text("mfaToken"), "code", codes.get(3).toUpperCase()),
                null);
        assertThat(used.status()).as(used.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/two-factor", used.text("accessToken"))
                        .json()
                        .path("recoveryCodesLeft")
                        .asInt())
                .isEqualTo(9);

        var second = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        var reused =
                api.post("/api/v1/auth/mfa", Map.of("mfaToken", second.text("mfaToken"), "code", codes.get(3)), null);
        assertThat(reused.status()).isEqualTo(400);
    }

    @Test
    void aChallengeDiesAfterFiveWrongCodes() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        String secret = enrolSecret(user.token());
        var login = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        String token = login.text("mfaToken");
        for (int i = 0; i < 5; i++) {
            api.post("/api/v1/auth/mfa", Map.of("mfaToken", token, "code", "abcde-fghjk"), null);
        }
        var afterwards = api.post(
                "/api/v1/auth/mfa",
                Map.of("mfaToken", token, "code", Totp.code(secret, Totp.step(Instant.now()) + 1)),
                null);
        assertThat(afterwards.status()).isEqualTo(401);
    }

    @Test
    void aRoleCanRequireTwoFactorAndItsUsersEnrolAtNextLogin() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        String roleId = api.get("/api/v1/users/" + user.id(), tenant.adminToken())
                .json()
                .path("roles")
                .get(0)
                .path("id")
                .asString();
        var required =
                api.put("/api/v1/roles/" + roleId + "/two-factor", Map.of("required", true), tenant.adminToken());
        assertThat(required.json().path("requireTwoFactor").asBoolean()).isTrue();

        var login = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        assertThat(login.json().path("mfaRequired").asBoolean()).isTrue();
        assertThat(login.json().path("enrolmentRequired").asBoolean()).isTrue();
        String mfaToken = login.text("mfaToken");

        var enrolment = api.post("/api/v1/auth/mfa/enrolment", Map.of("mfaToken", mfaToken), null);
        String secret = enrolment.text("secret");
        var done = api.post(
                "/api/v1/auth/mfa/enrolment/confirm",
                Map.of("mfaToken", mfaToken, "code", Totp.code(secret, Totp.step(Instant.now()))),
                null);
        assertThat(done.status()).as(done.toString()).isEqualTo(200);
        assertThat(done.json().path("recoveryCodes")).hasSize(10);
        String token = done.text("accessToken");
        assertThat(api.get("/api/v1/tenant", token).status()).isEqualTo(200);

        var disable = api.post(
                "/api/v1/me/two-factor/disable",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()) + 1)),
                token);
        assertThat(disable.status()).isEqualTo(409);
        assertThat(disable.text("type")).endsWith("/two-factor-required");
    }

    @Test
    void anAdminResetsALostSecondFactor() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        enrol(user.token());
        var reset = api.post("/api/v1/users/" + user.id() + "/two-factor/reset", null, tenant.adminToken());
        assertThat(reset.status()).isEqualTo(204);
        assertThat(api.get("/api/v1/tenant", user.token()).status())
                .as("sessions end")
                .isEqualTo(401);
        var login = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        assertThat(login.json().has("accessToken")).isTrue();
        assertThat(api.get("/api/v1/users/" + user.id(), tenant.adminToken())
                        .json()
                        .path("twoFactorEnabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void turningItOffNeedsACurrentCode() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        String secret = enrolSecret(user.token());
        assertThat(api.post("/api/v1/me/two-factor/disable", Map.of("code", "000000"), user.token())
                        .status())
                .isEqualTo(400);
        var off = api.post(
                "/api/v1/me/two-factor/disable",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()) + 1)),
                user.token());
        assertThat(off.status()).isEqualTo(204);
        assertThat(tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD)
                        .json()
                        .has("accessToken"))
                .isTrue();
    }

    private List<String> enrol(String token) {
        String secret = api.post("/api/v1/me/two-factor/enrolment", null, token).text("secret");
        var confirmed = api.post(
                "/api/v1/me/two-factor/enrolment/confirm",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()))),
                token);
        List<String> codes = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(code -> codes.add(code.asString()));
        return codes;
    }

    private String enrolSecret(String token) {
        String secret = api.post("/api/v1/me/two-factor/enrolment", null, token).text("secret");
        api.post(
                "/api/v1/me/two-factor/enrolment/confirm",
                Map.of("code", Totp.code(secret, Totp.step(Instant.now()))),
                token);
        return secret;
    }
}
