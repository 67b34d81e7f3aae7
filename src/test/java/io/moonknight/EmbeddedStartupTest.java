package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moonknight.shared.console.StartupReport;
import io.moonknight.shared.db.EmbeddedPostgresServer;
import io.moonknight.testsupport.Api;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's run command, as a newcomer meets it: no database configured, so the application runs its own
 * PostgreSQL in the data directory, seeds the demo tenant, and keeps everything across a restart; a second
 * server on the same data directory refuses to start.
 */
class EmbeddedStartupTest {

    @TempDir
    Path dataDir;

    @Test
    void firstStartSeedsTheDemoTenantARestartKeepsItAndASecondServerIsRefused() {
        String demoUserId;
        try (var first = start()) {
            var api = api(first);
            var login = api.post(
                    "/api/v1/auth/login",
                    Map.of("tenant", "demo", "username", "admin", "password", "moonknight-demo"),
                    null);
            assertThat(login.status()).as(login.toString()).isEqualTo(200);
            String token = login.text("accessToken");
            var users = api.get("/api/v1/users?size=50", token).json();
            assertThat(users.path("totalItems").asInt()).isEqualTo(5);
            assertThat(users.toString()).contains("\"billing\"", "\"support\"", "\"technician\"", "\"customer\"");
            assertThat(api.get("/api/v1/roles", token).body()).contains("Staff auditor");
            demoUserId = users.path("items").get(0).path("id").asString();
            for (String username : new String[] {"billing", "support", "technician", "customer"}) {
                assertThat(api.post(
                                        "/api/v1/auth/login",
                                        Map.of("tenant", "demo", "username", username, "password", "moonknight-demo"),
                                        null)
                                .status())
                        .as(username)
                        .isEqualTo(200);
            }
            var report = String.join("\n", first.getBean(StartupReport.class).lines());
            assertThat(report)
                    .contains("Platform operator: operator / ", "generated now", "Demo tenant 'demo'", "technician");
            demoSessionsHoldAddressesIpamShowsAllocatedToThem(api, token);

            assertThatThrownBy(this::start)
                    .hasRootCauseInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .rootCause()
                    .hasMessageContaining("Another MoonKnight server is already running on the data directory");
        }

        try (var again = start()) {
            var api = api(again);
            var login = api.post(
                    "/api/v1/auth/login",
                    Map.of("tenant", "demo", "username", "admin", "password", "moonknight-demo"),
                    null);
            assertThat(login.status()).isEqualTo(200);
            var users =
                    api.get("/api/v1/users?size=50", login.text("accessToken")).json();
            assertThat(users.path("totalItems").asInt()).as("no second seeding").isEqualTo(5);
            assertThat(users.path("items").get(0).path("id").asString()).isEqualTo(demoUserId);
            var report = String.join("\n", again.getBean(StartupReport.class).lines());
            assertThat(report).doesNotContain("generated now").contains("Platform operator: operator");
        }
    }

    /** The demo's live sessions use addresses the pools show allocated to those very subscriptions. */
    private static void demoSessionsHoldAddressesIpamShowsAllocatedToThem(Api api, String token) {
        var sessions = api.get("/api/v1/sessions?size=200", token).json().path("items");
        assertThat(sessions.size()).isGreaterThan(10);
        Map<String, String> holders = new java.util.HashMap<>();
        for (var pool : api.get("/api/v1/ip-pools", token).json().path("items")) {
            var allocations = api.get("/api/v1/ip-pools/" + pool.path("id").asString() + "/allocations?size=200", token)
                    .json()
                    .path("items");
            for (var allocation : allocations) {
                holders.put(
                        allocation.path("address").asString(),
                        allocation.path("holderId").asString());
            }
        }
        int withAddress = 0;
        for (var session : sessions) {
            var framed = session.path("framedIp");
            if (!framed.isNull() && !framed.isMissingNode()) {
                String address = framed.asString();
                withAddress++;
                assertThat(holders.get(address))
                        .as("the pool shows " + address + " allocated to the session's subscription")
                        .isEqualTo(session.path("subscriptionId").asString());
            }
        }
        assertThat(withAddress).isGreaterThan(10);
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(MoonKnightApplication.class)
                .run(
                        "--server.port=0",
                        "--moonknight.radius.auth-port=0",
                        "--moonknight.radius.acct-port=0",
                        "--moonknight.data-dir=" + dataDir,
                        "--spring.datasource.url=",
                        "--logging.level.io.zonky=WARN");
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port")));
    }
}
