package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class SessionApiTest {

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
    void aUserSeesTheirSessionsAndEndsOne() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        var phone = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        var sessions = api.get("/api/v1/me/sessions", user.token()).json().path("items");
        assertThat(sessions).hasSize(2);
        assertThat(sessions.findValues("current").stream()
                        .filter(v -> v.asBoolean())
                        .count())
                .isEqualTo(1);
        assertThat(sessions.get(0).path("device").asString()).isEqualTo("Java client");
        assertThat(sessions.get(0).path("channel").asString()).isEqualTo("API");

        String other = null;
        for (var session : sessions) {
            if (!session.path("current").asBoolean()) {
                other = session.path("id").asString();
            }
        }
        assertThat(api.delete("/api/v1/me/sessions/" + other, user.token()).status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/tenant", phone.text("accessToken")).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/tenant", user.token()).status()).isEqualTo(200);
    }

    @Test
    void aUserCannotEndSomeoneElsesSession() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        String adminSession = api.get("/api/v1/me/sessions", tenant.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        assertThat(api.delete("/api/v1/me/sessions/" + adminSession, user.token())
                        .status())
                .isEqualTo(404);
        assertThat(api.get("/api/v1/me", tenant.adminToken()).status()).isEqualTo(200);
    }

    @Test
    void anAdminForcesAUserOutEverywhere() {
        var user = tenants.userWith(tenant, Set.of("tenant:read"));
        var second = tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD);
        var listed = api.get("/api/v1/users/" + user.id() + "/sessions", tenant.adminToken());
        assertThat(listed.json().path("items")).hasSize(2);
        assertThat(api.post("/api/v1/users/" + user.id() + "/logout", null, tenant.adminToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.get("/api/v1/tenant", user.token()).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tenant", second.text("accessToken")).status())
                .isEqualTo(401);
        assertThat(api.get("/api/v1/users/" + user.id() + "/sessions", tenant.adminToken())
                        .json()
                        .path("items"))
                .isEmpty();
        assertThat(tenants.login(tenant.slug(), user.username(), TestTenants.PASSWORD)
                        .status())
                .as("they may log in again")
                .isEqualTo(200);
    }
}
