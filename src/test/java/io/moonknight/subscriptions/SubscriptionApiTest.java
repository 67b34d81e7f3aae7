package io.moonknight.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@Tag("smoke")
class SubscriptionApiTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants.TenantFixture tenant;
    String customer;
    String home;
    String fibre;
    String staticPool;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Sub",
                                "lastName",
                                "Scriber",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        staticPool = api.post(
                        "/api/v1/ip-pools",
                        Map.of("name", "Static", "prefix", "192.0.2.0/29", "purpose", "STATIC", "gateway", "192.0.2.1"),
                        tenant.adminToken())
                .text("id");
        home = plan("HOME", "20.00");
        fibre = plan("FIBRE", "35.00");
    }

    private String plan(String code, String price) {
        return api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                code,
                                "name",
                                code,
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                price,
                                "downloadKbps",
                                20_000,
                                "uploadKbps",
                                10_000),
                        tenant.adminToken())
                .text("id");
    }

    private Map<String, Object> service(Map<String, Object> fields) {
        var service = new HashMap<String, Object>(Map.of("accessType", "PPPOE"));
        service.putAll(fields);
        return service;
    }

    private Api.Response create(Map<String, Object> service, boolean activate) {
        return api.post(
                "/api/v1/subscriptions",
                Map.of("customerId", customer, "planId", home, "activate", activate, "service", service),
                tenant.adminToken());
    }

    private Api.Response step(String id, String step, Object body) {
        return api.post("/api/v1/subscriptions/" + id + "/" + step, body, tenant.adminToken());
    }

    @Test
    void everyLifecycleTransitionAndItsHistory() {
        var created =
                create(service(Map.of("username", "nadia", "ipv4Mode", "STATIC", "ipv4PoolId", staticPool)), false);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("PENDING");
        assertThat(created.text("ipv4Address")).isEqualTo("192.0.2.2");
        assertThat(created.json().path("passwordSet").asBoolean()).isTrue();
        assertThat(created.body()).doesNotContain("\"password\"");
        String id = created.text("id");

        var reason = Map.of("reason", "non-payment", "note", "two invoices overdue");
        assertIllegal(step(id, "suspend", reason), "PENDING");
        assertIllegal(step(id, "resume", null), "PENDING");
        assertThat(step(id, "activate", null).text("status")).isEqualTo("ACTIVE");
        assertIllegal(step(id, "activate", null), "ACTIVE");
        assertIllegal(step(id, "resume", null), "ACTIVE");

        var noReason = step(id, "suspend", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason");
        var suspended = step(id, "suspend", reason);
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(suspended.text("statusReason")).isEqualTo("non-payment");
        assertIllegal(step(id, "suspend", reason), "SUSPENDED");
        assertIllegal(step(id, "activate", null), "SUSPENDED");
        assertThat(step(id, "resume", null).text("status")).isEqualTo("ACTIVE");

        var now = step(id, "change-plan", Map.of("planId", fibre));
        assertThat(now.text("planName")).isEqualTo("FIBRE");
        var same = step(id, "change-plan", Map.of("planId", fibre));
        assertThat(same.status()).isEqualTo(409);
        var later = step(id, "change-plan", Map.of("planId", home, "when", "NEXT_CYCLE"));
        assertThat(later.text("planName")).isEqualTo("FIBRE");
        assertThat(later.text("pendingPlanName")).isEqualTo("HOME");
        assertThat(later.text("pendingPlanFrom")).isNotBlank();
        assertThat(step(id, "cancel-plan-change", null)
                        .json()
                        .path("pendingPlanId")
                        .isNull())
                .isTrue();
        assertThat(step(id, "cancel-plan-change", null).status()).isEqualTo(409);

        var terminated = step(id, "terminate", Map.of("reason", "moved-away"));
        assertThat(terminated.text("status")).isEqualTo("TERMINATED");
        assertThat(terminated.text("terminatedAt")).isNotBlank();
        for (String s : List.of("activate", "resume")) {
            assertIllegal(step(id, s, null), "TERMINATED");
        }
        assertIllegal(step(id, "suspend", reason), "TERMINATED");
        assertIllegal(step(id, "terminate", reason), "TERMINATED");
        assertThat(api.put("/api/v1/subscriptions/" + id, service(Map.of("username", "x")), tenant.adminToken())
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/ip-pools/" + staticPool, tenant.adminToken())
                        .json()
                        .path("allocated")
                        .asLong())
                .as("termination releases the static address")
                .isZero();

        var changes = api.get("/api/v1/subscriptions/" + id + "/changes", tenant.adminToken())
                .json()
                .path("items");
        assertThat(changes.findValuesAsString("kind"))
                .containsExactly(
                        "terminate",
                        "plan-change-cancelled",
                        "plan-change-scheduled",
                        "plan-changed",
                        "resume",
                        "suspend",
                        "activate",
                        "created");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var history = api.get("/api/v1/customers/" + customer + "/history?size=50", tenant.adminToken())
                    .json()
                    .path("items")
                    .findValuesAsString("kind");
            assertThat(history)
                    .containsSubsequence(
                            "subscription.terminated",
                            "subscription.plan-changed",
                            "subscription.resumed",
                            "subscription.suspended",
                            "subscription.activated",
                            "subscription.created");
        });
    }

    private static void assertIllegal(Api.Response response, String status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(409);
        assertThat(response.text("type")).endsWith("/illegal-transition");
        assertThat(response.text("currentStatus")).isEqualTo(status);
        assertThat(response.json().path("status").asInt()).isEqualTo(409);
    }

    @Test
    void aPendingSubscriptionCanBeTerminatedAndItsUsernameReused() {
        String id = create(service(Map.of("username", "reuse.me")), false).text("id");
        var taken = create(service(Map.of("username", "REUSE.me")), false);
        assertThat(taken.status()).as(taken.toString()).isEqualTo(409);
        assertThat(taken.text("type")).endsWith("/username-taken");
        assertThat(step(id, "terminate", Map.of("reason", "never installed")).text("status"))
                .isEqualTo("TERMINATED");
        assertThat(create(service(Map.of("username", "reuse.me")), true).status())
                .isEqualTo(201);
    }

    @Test
    void credentialsAreGeneratedSealedAndShownOnlyOnRequest() {
        var created = create(service(Map.of("username", "gen.pass")), true);
        String id = created.text("id");
        var credentials = api.get("/api/v1/subscriptions/" + id + "/credentials", tenant.adminToken());
        assertThat(credentials.text("username")).isEqualTo("gen.pass");
        assertThat(credentials.text("password")).hasSize(10);
        var chosen = create(service(Map.of("username", "own.pass", "password", "my-secret-1")), true);
        assertThat(api.get("/api/v1/subscriptions/" + chosen.text("id") + "/credentials", tenant.adminToken())
                        .text("password"))
                .isEqualTo("my-secret-1");
        var support = new TestTenants(api).userWith(tenant, java.util.Set.of("subscriptions:read"));
        assertThat(api.get("/api/v1/subscriptions/" + id + "/credentials", support.token())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void accessTypesNeedTheirCredentials() {
        record Bad(Map<String, Object> service, String field) {}
        for (Bad bad : List.of(
                new Bad(Map.of("accessType", "PPPOE"), "username"),
                new Bad(Map.of("accessType", "IPOE"), "macAddress"),
                new Bad(Map.of("accessType", "IPOE", "macAddress", "00:00:00:00:00:00"), "macAddress"),
                new Bad(Map.of("accessType", "IPOE", "macAddress", "02:00:00:00:00:09", "username", "x"), "username"),
                new Bad(Map.of("accessType", "STATIC_IP"), "ipv4Mode"),
                new Bad(Map.of("accessType", "PPPOE", "username", "bad name"), "username"),
                new Bad(Map.of("accessType", "PPPOE", "username", "ok", "password", "abc"), "password"),
                new Bad(Map.of("accessType", "PPPOE", "username", "ok2", "ipv4Mode", "STATIC"), "ipv4PoolId"),
                new Bad(
                        Map.of(
                                "accessType",
                                "PPPOE",
                                "username",
                                "ok3",
                                "ipv4Mode",
                                "STATIC",
                                "ipv4PoolId",
                                java.util.UUID.randomUUID().toString()),
                        "ipv4PoolId"),
                new Bad(
                        Map.of("accessType", "PPPOE", "username", "ok4", "ipv4Mode", "STATIC", "ipv4PoolId", "x"),
                        "ipv4PoolId"))) {
            var response = create(bad.service(), false);
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.body()).as(bad.toString()).contains(bad.field());
        }
        var ipoe = create(
                Map.of("accessType", "IPOE", "macAddress", "02-00-00-00-00-0A", "circuitId", "olt1/1/1:5"), true);
        assertThat(ipoe.status()).as(ipoe.toString()).isEqualTo(201);
        assertThat(ipoe.text("macAddress")).isEqualTo("02:00:00:00:00:0a");
        var sameMac = create(Map.of("accessType", "IPOE", "macAddress", "0200.0000.000a"), true);
        assertThat(sameMac.status()).isEqualTo(409);
        var staticIp = create(
                Map.of(
                        "accessType",
                        "STATIC_IP",
                        "ipv4Mode",
                        "STATIC",
                        "ipv4PoolId",
                        staticPool,
                        "ipv4Address",
                        "192.0.2.6"),
                true);
        assertThat(staticIp.status()).as(staticIp.toString()).isEqualTo(201);
        var taken = create(
                Map.of(
                        "accessType",
                        "STATIC_IP",
                        "ipv4Mode",
                        "STATIC",
                        "ipv4PoolId",
                        staticPool,
                        "ipv4Address",
                        "192.0.2.6"),
                true);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(api.get("/api/v1/subscriptions?q=192.0.2.6", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.get("/api/v1/subscriptions?accessType=IPOE&customerId=" + customer, tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
    }

    /** Twelve requests race for one username: one subscription gets it, the others a clean 409. */
    @Test
    void aUsernameRaceHasOneWinner() throws Exception {
        var start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(12)) {
            for (int i = 0; i < 12; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return create(service(Map.of("username", "contested")), true);
                }));
            }
            start.countDown();
            int won = 0;
            for (var future : futures) {
                var response = future.get();
                if (response.status() == 201) {
                    won++;
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                }
            }
            assertThat(won).isEqualTo(1);
        }
        assertThat(api.get("/api/v1/subscriptions?q=contested", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
    }
}
