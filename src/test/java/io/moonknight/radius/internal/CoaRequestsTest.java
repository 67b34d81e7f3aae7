package io.moonknight.radius.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.radius.NasStandIn;
import io.moonknight.radius.RadiusFixtures;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Disconnect / CoA requests are rows: a NAS that is down gets them later, from the worker, not from memory. */
@IntegrationTest
class CoaRequestsTest {

    @LocalServerPort
    int port;

    @Autowired
    CoaRequests requests;

    @Autowired
    JdbcClient jdbc;

    record Request(String status, int attempts, String lastResult) {}

    @Test
    void aDisconnectTheNasMissedWhileDownIsDeliveredByTheWorkerOnceTheNasAnswers() throws Exception {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String secret = "coa-" + UUID.randomUUID().toString().substring(0, 12);
        int nasPort = NasStandIn.unusedPort(); // nobody listens: the NAS is down
        String nas = api.post(
                        "/api/v1/nas",
                        Map.of(
                                "name",
                                "BRAS",
                                "vendor",
                                "MIKROTIK",
                                "address",
                                "127.0.0.1",
                                "secret",
                                secret,
                                "coaPort",
                                nasPort),
                        tenant.adminToken())
                .text("id");
        UUID subscription = RadiusFixtures.subscription(api, tenant, "zoe");
        UUID session = RadiusFixtures.session(
                jdbc, tenant.id(), UUID.fromString(nas), subscription, "zoe", Duration.ofMinutes(1));

        var suspended = api.post(
                "/api/v1/subscriptions/" + subscription + "/suspend",
                Map.of("reason", "non-payment"),
                tenant.adminToken());
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(request(subscription))
                        .as("tried at once after the commit; the NAS did not answer")
                        .satisfies(r -> {
                            assertThat(r.status()).isEqualTo("PENDING");
                            assertThat(r.attempts()).isEqualTo(1);
                            assertThat(r.lastResult()).contains("TIMEOUT");
                        }));
        assertThat(RadiusFixtures.live(jdbc, session)).isTrue();

        try (var standIn = new NasStandIn(secret, nasPort)) {
            // the backoff has passed (as after a restart that lost everything in memory): only the row remains
            jdbc.sql("update radius.coa_requests set next_attempt_at = now() where subscription_id = :s")
                    .param("s", subscription)
                    .update();
            requests.run(); // the worker: if a scheduled turn holds its lock now, that turn sends it
            var disconnect = standIn.next(10);
            assertThat(disconnect).as("the worker sent the Disconnect-Request").isNotNull();
            assertThat(disconnect.code()).isEqualTo(40);
            assertThat(disconnect.signedCorrectly()).isTrue();
            assertThat(disconnect.text(1)).isEqualTo("zoe");
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(
                            () -> assertThat(request(subscription).status()).isEqualTo("DONE"));
            assertThat(request(subscription).attempts()).isEqualTo(2);
            assertThat(RadiusFixtures.live(jdbc, session))
                    .as("closed once the NAS acknowledged")
                    .isFalse();

            requests.run();
            assertThat(standIn.next(1)).as("a done request is not sent again").isNull();
        }
    }

    @Test
    void resumingBeforeTheDisconnectGotThroughCancelsIt() throws Exception {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String secret = "coa-" + UUID.randomUUID().toString().substring(0, 12);
        int nasPort = NasStandIn.unusedPort();
        String nas = api.post(
                        "/api/v1/nas",
                        Map.of(
                                "name",
                                "BRAS",
                                "vendor",
                                "MIKROTIK",
                                "address",
                                "127.0.0.1",
                                "secret",
                                secret,
                                "coaPort",
                                nasPort),
                        tenant.adminToken())
                .text("id");
        UUID subscription = RadiusFixtures.subscription(api, tenant, "yan");
        RadiusFixtures.session(jdbc, tenant.id(), UUID.fromString(nas), subscription, "yan", Duration.ofMinutes(1));
        api.post("/api/v1/subscriptions/" + subscription + "/suspend", Map.of("reason", "x"), tenant.adminToken());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> request(subscription).attempts() == 1
                        && request(subscription).lastResult() != null);
        var resumed = api.post("/api/v1/subscriptions/" + subscription + "/resume", Map.of(), tenant.adminToken());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(request(subscription).status()).isEqualTo("CANCELLED");
    }

    private Request request(UUID subscription) {
        return jdbc.sql("select status, attempts, last_result from radius.coa_requests where subscription_id = :s")
                .param("s", subscription)
                .query((row, i) ->
                        new Request(row.getString("status"), row.getInt("attempts"), row.getString("last_result")))
                .single();
    }
}
