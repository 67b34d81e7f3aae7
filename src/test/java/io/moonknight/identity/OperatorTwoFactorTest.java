package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.identity.domain.Totp;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Platform operators get TOTP two-factor like staff: enrol, confirm, recovery codes, a challenge at login. Each test
 * uses an operator of its own (the shared test operator must keep logging in with a password alone).
 */
@IntegrationTest
class OperatorTwoFactorTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PasswordEncoder encoder;

    Api api;
    String username;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        username = "op" + Long.toString(System.nanoTime(), 36);
        Instant now = Instant.now();
        jdbc.sql("""
            insert into identity.operators
                (id, username, email, full_name, status, password_hash, created_at, updated_at)
            values (:id, :username, :email, 'Second Operator', 'ACTIVE', :hash, :now, :now)
            """)
                .param("id", UUID.randomUUID())
                .param("username", username)
                .param("email", username + "@platform.test")
                .param("hash", encoder.encode(TestTenants.PASSWORD))
                .param("now", Timestamp.from(now))
                .update();
    }

    @Test
    void anOperatorEnrolsAndThenLogsInWithASecondFactorOrARecoveryCodeOnce() {
        String token = login().text("accessToken");
        assertThat(api.get("/api/v1/me/two-factor", token)
                        .json()
                        .path("enabled")
                        .asBoolean())
                .isFalse();

        var enrolment = api.post("/api/v1/me/two-factor/enrolment", null, token);
        assertThat(enrolment.status()).as(enrolment.toString()).isEqualTo(200);
        String secret = enrolment.text("secret");
        assertThat(enrolment.text("otpauthUri")).contains(username, "secret=" + secret);
        long step = Totp.step(Instant.now());
        var confirmed =
                api.post("/api/v1/me/two-factor/enrolment/confirm", Map.of("code", Totp.code(secret, step)), token);
        assertThat(confirmed.status()).as(confirmed.toString()).isEqualTo(200);
        List<String> codes = new ArrayList<>();
        confirmed.json().path("recoveryCodes").forEach(code -> codes.add(code.asString()));
        assertThat(codes).hasSize(10);

        var password = login();
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.json().path("mfaRequired").asBoolean())
                .as("the password alone no longer signs the operator in")
                .isTrue();
        assertThat(password.json().has("accessToken")).isFalse();

        var replayed = mfa(password.text("mfaToken"), Totp.code(secret, step));
        assertThat(replayed.status()).as("the enrolment's time step was used").isEqualTo(400);
        var completed = mfa(password.text("mfaToken"), Totp.code(secret, step + 1));
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);
        var me = api.get("/api/v1/me", completed.text("accessToken"));
        assertThat(me.text("username")).isEqualTo(username);
        assertThat(api.get("/api/v1/platform/tenants", completed.text("accessToken"))
                        .status())
                .isEqualTo(200);

        var withRecovery = mfa(login().text("mfaToken"), codes.get(0));
        assertThat(withRecovery.status()).as(withRecovery.toString()).isEqualTo(200);
        assertThat(api.get("/api/v1/me/two-factor", withRecovery.text("accessToken"))
                        .json()
                        .path("recoveryCodesLeft")
                        .asInt())
                .isEqualTo(9);
        assertThat(mfa(login().text("mfaToken"), codes.get(0)).status())
                .as("a recovery code works once")
                .isEqualTo(400);
    }

    @Test
    void anOperatorTurnsTwoFactorOffWithACurrentCode() {
        String token = login().text("accessToken");
        String secret = api.post("/api/v1/me/two-factor/enrolment", null, token).text("secret");
        long step = Totp.step(Instant.now());
        assertThat(api.post("/api/v1/me/two-factor/enrolment/confirm", Map.of("code", Totp.code(secret, step)), token)
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/me/two-factor/disable",
                                Map.of("code", "000000".equals(Totp.code(secret, step + 1)) ? "111111" : "000000"),
                                token)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/me/two-factor/disable", Map.of("code", Totp.code(secret, step + 1)), token)
                        .status())
                .isEqualTo(204);
        var again = login();
        assertThat(again.json().has("accessToken")).isTrue();
    }

    private Api.Response login() {
        var body = new HashMap<String, Object>();
        body.put("username", username);
        body.put("password", TestTenants.PASSWORD);
        var response = api.post("/api/v1/auth/login", body, null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response;
    }

    private Api.Response mfa(String mfaToken, String code) {
        return api.post("/api/v1/auth/mfa", Map.of("mfaToken", mfaToken, "code", code), null);
    }
}
