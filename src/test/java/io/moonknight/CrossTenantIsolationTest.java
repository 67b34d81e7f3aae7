package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestFiles;
import io.moonknight.testsupport.TestTenants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tenant A's administrator, holding every permission, tries every operation on every kind of resource that
 * tenant B owns: always 404, never B's data. Each new tenant-owned resource adds its probes here.
 */
@IntegrationTest
@Tag("smoke")
class CrossTenantIsolationTest {

    @LocalServerPort
    int port;

    record Probe(String method, String path, @Nullable Object body) {}

    /** A probe body meaning: upload a document as multipart/form-data, as the endpoint takes it. */
    private static final Object MULTIPART = new Object();

    @Test
    void aTenantNeverReachesAnotherTenantsResources() {
        var api = new Api(port);
        var tenants = new TestTenants(api);
        var a = tenants.create();
        var b = tenants.create();
        var bUser = tenants.userWith(b, java.util.Set.of("tenant:read"));
        String bRole = api.get("/api/v1/users/" + bUser.id(), b.adminToken())
                .json()
                .path("roles")
                .get(0)
                .path("id")
                .asString();
        String bKey = api.post(
                        "/api/v1/api-keys", Map.of("name", "B's key", "scopes", List.of("tenant:read")), b.adminToken())
                .json()
                .path("key")
                .path("id")
                .asString();
        String bSession = api.get("/api/v1/me/sessions", b.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        String bCustomer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Bea",
                                "lastName",
                                "Bee",
                                "phones",
                                List.of("+8801711000001")),
                        b.adminToken())
                .text("id");
        String bDocument = api.upload(
                        "/api/v1/customers/" + bCustomer + "/documents",
                        Map.of("type", "national-id"),
                        "file",
                        "id.pdf",
                        "application/pdf",
                        io.moonknight.testsupport.TestFiles.pdf(),
                        b.adminToken())
                .text("id");
        String bPool = api.post(
                        "/api/v1/ip-pools",
                        Map.of("name", "B pool", "prefix", "10.77.0.0/24", "purpose", "STATIC"),
                        b.adminToken())
                .text("id");
        String bAllocation = api.post("/api/v1/ip-pools/" + bPool + "/allocations", Map.of(), b.adminToken())
                .text("id");
        String bVlan = api.post(
                        "/api/v1/vlans",
                        Map.of("name", "B", "scopeType", "AREA", "scopeName", "B", "cVlan", 77, "mode", "SHARED"),
                        b.adminToken())
                .text("id");
        String bNas = api.post(
                        "/api/v1/nas",
                        Map.of("name", "B NAS", "vendor", "MIKROTIK", "address", "10.77.0.1", "secret", "b-secret-77"),
                        b.adminToken())
                .text("id");
        String bPlan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "B",
                                "name",
                                "B",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "1",
                                "downloadKbps",
                                1000,
                                "uploadKbps",
                                1000),
                        b.adminToken())
                .text("id");
        String bSubscription = api.post(
                        "/api/v1/subscriptions",
                        Map.of(
                                "customerId",
                                bCustomer,
                                "planId",
                                bPlan,
                                "activate",
                                true,
                                "service",
                                Map.of(
                                        "accessType",
                                        "PPPOE",
                                        "username",
                                        "b-user",
                                        "ipv4Mode",
                                        "STATIC",
                                        "ipv4PoolId",
                                        bPool)),
                        b.adminToken())
                .text("id");
        String bRun = api.post("/api/v1/billing-runs", Map.of("awaitCompletion", true), b.adminToken())
                .text("id");
        String bCharge = api.post(
                        "/api/v1/customers/" + bCustomer + "/charges",
                        Map.of("kind", "DEVICE", "description", "B's router", "unitPrice", "900"),
                        b.adminToken())
                .text("id");
        String bPayment = api.post(
                        "/api/v1/payments",
                        Map.of("customerId", bCustomer, "amount", "5000", "method", "CASH"),
                        b.adminToken())
                .text("id");
        Map<String, String> ids = Map.ofEntries(
                Map.entry("{charge}", bCharge),
                Map.entry("{payment}", bPayment),
                Map.entry("{run}", bRun),
                Map.entry("{pool}", bPool),
                Map.entry("{allocation}", bAllocation),
                Map.entry("{vlan}", bVlan),
                Map.entry("{nas}", bNas),
                Map.entry("{plan}", bPlan),
                Map.entry("{subscription}", bSubscription),
                Map.entry("{user}", bUser.id().toString()),
                Map.entry("{role}", bRole),
                Map.entry("{key}", bKey),
                Map.entry("{session}", bSession),
                Map.entry("{customer}", bCustomer),
                Map.entry("{document}", bDocument));
        var pool = Map.of("name", "Evil", "prefix", "10.78.0.0/24", "purpose", "STATIC");
        var vlan = Map.of("name", "Evil", "scopeType", "AREA", "scopeName", "E", "cVlan", 5, "mode", "SHARED");
        var nas = Map.of("name", "Evil", "vendor", "OTHER", "address", "10.78.0.1", "secret", "evil-secret-1");
        var plan = Map.of(
                "code",
                "EVIL",
                "name",
                "Evil",
                "billingType",
                "MONTHLY_POSTPAID",
                "price",
                "1",
                "downloadKbps",
                1000,
                "uploadKbps",
                1000);
        var reason = Map.of("reason", "evil");
        List<Probe> probes = new java.util.ArrayList<>(List.of(
                new Probe("GET", "/api/v1/ip-pools/{pool}", null),
                new Probe("PUT", "/api/v1/ip-pools/{pool}", pool),
                new Probe("DELETE", "/api/v1/ip-pools/{pool}", null),
                new Probe("GET", "/api/v1/ip-pools/{pool}/allocations", null),
                new Probe("GET", "/api/v1/ip-pools/{pool}/conflicts", null),
                new Probe("POST", "/api/v1/ip-pools/{pool}/allocations", Map.of()),
                new Probe("GET", "/api/v1/ip-pools/{pool}/allocations/{allocation}", null),
                new Probe("DELETE", "/api/v1/ip-pools/{pool}/allocations/{allocation}", null),
                new Probe("GET", "/api/v1/vlans/{vlan}", null),
                new Probe("PUT", "/api/v1/vlans/{vlan}", vlan),
                new Probe("DELETE", "/api/v1/vlans/{vlan}", null),
                new Probe("GET", "/api/v1/nas/{nas}", null),
                new Probe("PUT", "/api/v1/nas/{nas}", nas),
                new Probe("DELETE", "/api/v1/nas/{nas}", null),
                new Probe("GET", "/api/v1/plans/{plan}", null),
                new Probe("PUT", "/api/v1/plans/{plan}", plan),
                new Probe("POST", "/api/v1/plans/{plan}/archive", null),
                new Probe("POST", "/api/v1/plans/{plan}/restore", null),
                new Probe("GET", "/api/v1/plans/{plan}/radius-attributes", null),
                new Probe("GET", "/api/v1/subscriptions/{subscription}", null),
                new Probe(
                        "PUT",
                        "/api/v1/subscriptions/{subscription}",
                        Map.of("accessType", "PPPOE", "username", "evil")),
                new Probe("POST", "/api/v1/subscriptions/{subscription}/activate", null),
                new Probe("POST", "/api/v1/subscriptions/{subscription}/suspend", reason),
                new Probe("POST", "/api/v1/subscriptions/{subscription}/resume", null),
                new Probe("POST", "/api/v1/subscriptions/{subscription}/terminate", reason),
                new Probe("POST", "/api/v1/subscriptions/{subscription}/cancel-plan-change", null),
                new Probe("GET", "/api/v1/subscriptions/{subscription}/credentials", null),
                new Probe("GET", "/api/v1/subscriptions/{subscription}/changes", null),
                new Probe("GET", "/api/v1/subscriptions/{subscription}/sessions", null),
                new Probe("GET", "/api/v1/subscriptions/{subscription}/usage", null),
                new Probe("GET", "/api/v1/subscriptions/{subscription}/data-packs", null),
                new Probe("POST", "/api/v1/subscriptions/{subscription}/data-packs", Map.of("planId", bPlan)),
                new Probe("GET", "/api/v1/customers/{customer}/ledger", null),
                new Probe("GET", "/api/v1/customers/{customer}/charges", null),
                new Probe(
                        "POST",
                        "/api/v1/customers/{customer}/charges",
                        Map.of("kind", "DEVICE", "description", "Evil", "unitPrice", "1")),
                new Probe("POST", "/api/v1/customers/{customer}/charges/invoice", null),
                new Probe("GET", "/api/v1/customers/{customer}/billing-account", null),
                new Probe(
                        "PUT",
                        "/api/v1/customers/{customer}/billing-account",
                        Map.of("paymentTermsDays", 1, "autoRenew", false, "neverSuspend", true)),
                new Probe("GET", "/api/v1/charges/{charge}", null),
                new Probe("POST", "/api/v1/charges/{charge}/cancel", null),
                new Probe("GET", "/api/v1/payments/{payment}", null),
                new Probe("GET", "/api/v1/payments/{payment}/receipt", null),
                new Probe(
                        "POST",
                        "/api/v1/payments/{payment}/refunds",
                        Map.of("amount", "1", "method", "CASH", "reason", "evil")),
                new Probe("GET", "/api/v1/billing-runs/{run}", null)));
        probes.addAll(List.of(
                new Probe("GET", "/api/v1/users/{user}", null),
                new Probe("PUT", "/api/v1/users/{user}", Map.of("email", "x@evil.test", "fullName", "Evil")),
                new Probe("POST", "/api/v1/users/{user}/disable", null),
                new Probe("POST", "/api/v1/users/{user}/enable", null),
                new Probe("POST", "/api/v1/users/{user}/password", Map.of("password", "hijacked-passphrase-1")),
                new Probe("PUT", "/api/v1/users/{user}/roles", Map.of("roleIds", List.of())),
                new Probe("GET", "/api/v1/roles/{role}", null),
                new Probe("PUT", "/api/v1/roles/{role}", Map.of("name", "Evil", "permissions", List.of())),
                new Probe("DELETE", "/api/v1/roles/{role}", null),
                new Probe("PUT", "/api/v1/roles/{role}/two-factor", Map.of("required", true)),
                new Probe("GET", "/api/v1/users/{user}/sessions", null),
                new Probe("POST", "/api/v1/users/{user}/logout", null),
                new Probe("POST", "/api/v1/users/{user}/two-factor/reset", null),
                new Probe("GET", "/api/v1/api-keys/{key}", null),
                new Probe("POST", "/api/v1/api-keys/{key}/revoke", null),
                new Probe("DELETE", "/api/v1/me/sessions/{session}", null),
                new Probe("GET", "/api/v1/customers/{customer}", null),
                new Probe(
                        "PUT",
                        "/api/v1/customers/{customer}",
                        Map.of("type", "INDIVIDUAL", "firstName", "Evil", "phones", List.of("+8801711000009"))),
                new Probe("GET", "/api/v1/customers/{customer}/history", null),
                new Probe("GET", "/api/v1/customers/{customer}/documents", null),
                new Probe("POST", "/api/v1/customers/{customer}/documents", MULTIPART),
                new Probe("GET", "/api/v1/customers/{customer}/documents/{document}", null),
                new Probe("GET", "/api/v1/customers/{customer}/documents/{document}/content", null),
                new Probe("POST", "/api/v1/customers/{customer}/documents/{document}/verify", null),
                new Probe("POST", "/api/v1/customers/{customer}/documents/{document}/reject", Map.of("reason", "x")),
                new Probe("POST", "/api/v1/customers/{customer}/documents/{document}/remove", Map.of("reason", "x")),
                new Probe("PUT", "/api/v1/users/{user}/roles", Map.of("roleIds", List.of(bRole)))));

        for (Probe probe : probes) {
            String path = probe.path();
            for (var id : ids.entrySet()) {
                path = path.replace(id.getKey(), id.getValue());
            }
            var response = probe.body() == MULTIPART
                    ? api.upload(
                            path,
                            Map.of("type", "national-id"),
                            "file",
                            "id.pdf",
                            "application/pdf",
                            TestFiles.pdf(),
                            a.adminToken())
                    : api.send(probe.method(), path, probe.body(), a.adminToken(), Map.of());
            if (probe.path().equals("/api/v1/users/{user}/roles")
                    && probe.body() instanceof Map<?, ?> body
                    && body.toString().contains(bRole)) {
                // B's role id given for one of A's users: unknown in A, so a 400 naming roleIds, not a link to B.
                continue;
            }
            assertThat(response.status())
                    .as(probe.method() + " " + probe.path() + " -> " + response)
                    .isEqualTo(404);
            assertThat(response.body()).doesNotContain(bUser.username());
        }

        var ownUser = api.get("/api/v1/me", a.adminToken()).text("id");
        var crossRole =
                api.put("/api/v1/users/" + ownUser + "/roles", Map.of("roleIds", List.of(bRole)), a.adminToken());
        assertThat(crossRole.status()).isEqualTo(400);

        assertThat(api.get("/api/v1/users?q=" + bUser.username(), a.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/v1/roles", a.adminToken()).body()).doesNotContain(bRole);
        assertThat(api.get("/api/v1/tenant", a.adminToken()).text("slug")).isEqualTo(a.slug());

        // B's data is untouched by all of the above.
        var untouched = api.get("/api/v1/users/" + bUser.id(), b.adminToken());
        assertThat(untouched.text("status")).isEqualTo("ACTIVE");
        assertThat(untouched.text("email")).doesNotContain("evil");
        assertThat(tenants.login(b.slug(), bUser.username(), TestTenants.PASSWORD)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/api-keys/" + bKey, b.adminToken()).text("status"))
                .isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/customers?q=Bea", a.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/v1/customers/map", a.adminToken()).body()).doesNotContain(bCustomer);
        assertThat(api.get("/api/v1/customers/" + bCustomer, b.adminToken()).text("firstName"))
                .isEqualTo("Bea");
        assertThat(api.get("/api/v1/customers/" + bCustomer + "/documents/" + bDocument, b.adminToken())
                        .text("status"))
                .isEqualTo("PENDING");
        assertThat(api.get("/api/v1/subscriptions/" + bSubscription, b.adminToken())
                        .text("status"))
                .isEqualTo("ACTIVE");
        assertThat(api.get("/api/v1/ip-pools/" + bPool, b.adminToken())
                        .json()
                        .path("allocated")
                        .asLong())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/subscriptions?q=b-user", a.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
        assertThat(api.get("/api/v1/ip-pools", a.adminToken()).body()).doesNotContain(bPool);
        assertThat(api.get("/api/v1/nas", a.adminToken()).body()).doesNotContain(bNas);
        assertThat(api.get("/api/v1/nas-status", a.adminToken()).body()).doesNotContain(bNas);
        assertThat(api.get("/api/v1/billing-runs", a.adminToken()).body()).doesNotContain(bRun);
        assertThat(api.get("/api/v1/charges", a.adminToken()).body()).doesNotContain(bCharge);
        assertThat(api.get("/api/v1/payments", a.adminToken()).body()).doesNotContain(bPayment);
        assertThat(api.get("/api/v1/charges/" + bCharge, b.adminToken()).text("status"))
                .as("A's attempts changed nothing of B's")
                .isEqualTo("PENDING");
        assertThat(api.get("/api/v1/payments/" + bPayment, b.adminToken())
                        .json()
                        .path("refunded")
                        .decimalValue())
                .isEqualByComparingTo("0");
        var crossPayment = api.post(
                "/api/v1/payments", Map.of("customerId", bCustomer, "amount", "10", "method", "CASH"), a.adminToken());
        assertThat(crossPayment.status()).as("B's customer is unknown to A").isEqualTo(400);
        assertThat(api.get("/api/v1/sessions", a.adminToken()).body()).doesNotContain(bSubscription);
        var aPlan = api.post("/api/v1/plans", plan, a.adminToken()).text("id");
        var crossCustomer = api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        bCustomer,
                        "planId",
                        aPlan,
                        "service",
                        Map.of("accessType", "PPPOE", "username", "x-user")),
                a.adminToken());
        assertThat(crossCustomer.status()).as(crossCustomer.toString()).isEqualTo(400);
        assertThat(crossCustomer.body()).contains("customerId").doesNotContain("Bea");
        var crossPlan = api.post(
                "/api/v1/subscriptions/" + bSubscription + "/change-plan", Map.of("planId", aPlan), a.adminToken());
        assertThat(crossPlan.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/me", b.adminToken()).status())
                .as("B's admin session survives")
                .isEqualTo(200);
        assertThat(api.get("/api/v1/api-keys", a.adminToken()).body()).doesNotContain(bKey);
        assertThat(api.get("/api/v1/audit-events?targetId=" + bUser.id(), a.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();
    }

    @Test
    void aTenantIdInTheBodyOrAHeaderIsIgnored() {
        var api = new Api(port);
        var tenants = new TestTenants(api);
        var a = tenants.create();
        var b = tenants.create();
        var body = new HashMap<String, Object>(Map.of(
                "name",
                "Smuggled",
                "timezone",
                "UTC",
                "currency",
                "USD",
                "locale",
                "en",
                "tenantId",
                b.id().toString(),
                "tenant",
                b.slug()));
        var response = api.send(
                "PUT",
                "/api/v1/tenant",
                body,
                a.adminToken(),
                Map.of("X-Tenant", b.slug(), "X-Tenant-Id", b.id().toString()));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.text("id")).isEqualTo(a.id().toString());
        assertThat(api.get("/api/v1/tenant", b.adminToken()).text("name")).isNotEqualTo("Smuggled");
    }
}
