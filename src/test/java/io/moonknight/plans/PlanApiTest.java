package io.moonknight.plans;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@Tag("smoke")
class PlanApiTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
    }

    static Map<String, Object> fibre(String code) {
        var body = new HashMap<String, Object>();
        body.put("code", code);
        body.put("name", "Fibre " + code);
        body.put("billingType", "MONTHLY_POSTPAID");
        body.put("price", "35.00");
        body.put("downloadKbps", 50_000);
        body.put("uploadKbps", 20_000);
        body.put("downloadBurst", Map.of("rateKbps", 80_000, "thresholdKbps", 40_000, "seconds", 16));
        body.put("uploadBurst", Map.of("rateKbps", 30_000, "thresholdKbps", 15_000, "seconds", 16));
        body.put(
                "fupRules",
                List.of(Map.of(
                        "afterGigabytes", 500, "action", "REDUCE", "downloadKbps", 10_000, "uploadKbps", 5_000)));
        body.put(
                "timeRules",
                List.of(Map.of(
                        "name",
                        "Night",
                        "from",
                        "01:00",
                        "to",
                        "07:00",
                        "downloadKbps",
                        100_000,
                        "uploadKbps",
                        50_000)));
        body.put("sessionTimeoutSeconds", 86_400);
        body.put("idleTimeoutSeconds", 600);
        return body;
    }

    @Test
    void aPlanRendersToEachVendorsAttributes() {
        var created = api.post("/api/v1/plans", fibre("F50"), tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("currency"))
                .as("the tenant's currency")
                .isEqualTo(api.get("/api/v1/tenant", tenant.adminToken()).text("currency"));
        assertThat(created.text("taxClass")).isEqualTo("standard");
        String id = created.text("id");
        String noon = "&at=2026-11-24T12:00:00";
        assertThat(attributes(id, "MIKROTIK" + noon))
                .containsExactly(
                        "Mikrotik-Rate-Limit=20M/50M 30M/80M 15M/40M 16/16",
                        "Session-Timeout=86400",
                        "Idle-Timeout=600");
        assertThat(attributes(id, "MIKROTIK&at=2026-11-24T03:00:00"))
                .as("the night rule")
                .contains("Mikrotik-Rate-Limit=50M/100M");
        assertThat(attributes(id, "MIKROTIK" + noon + "&usedBytes=600000000000"))
                .as("over the fair-use step")
                .contains("Mikrotik-Rate-Limit=5M/10M");
        assertThat(attributes(id, "CISCO" + noon))
                .contains(
                        "Cisco-AVPair=ip:sub-qos-policy-in=MK-UP-20M",
                        "Cisco-AVPair=ip:sub-qos-policy-out=MK-DOWN-50M");
        assertThat(attributes(id, "JUNIPER" + noon)).contains("ERX-Service-Activate:1=mk-rate(20000000,50000000)");
        assertThat(attributes(id, "GENERIC" + noon))
                .contains("WISPr-Bandwidth-Max-Up=20000000", "WISPr-Bandwidth-Max-Down=50000000");
    }

    private List<String> attributes(String id, String query) {
        var response = api.get("/api/v1/plans/" + id + "/radius-attributes?vendor=" + query, tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        var out = new java.util.ArrayList<String>();
        response.json()
                .path("items")
                .forEach(a -> out.add(
                        a.path("name").asString() + "=" + a.path("value").asString()));
        return out;
    }

    @Test
    void invalidPlansAreRefusedNamingTheField() {
        var burst = fibre("B1");
        burst.put("downloadBurst", Map.of("rateKbps", 80_000, "thresholdKbps", 90_000, "seconds", 16));
        var response = api.post("/api/v1/plans", burst, tenant.adminToken());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("downloadBurst").contains("below the burst rate");

        var prepaid = fibre("P1");
        prepaid.put("billingType", "PREPAID");
        assertThat(api.post("/api/v1/plans", prepaid, tenant.adminToken()).body())
                .contains("validityDays");

        var missing = new HashMap<>(fibre("M1"));
        missing.remove("price");
        var noPrice = api.post("/api/v1/plans", missing, tenant.adminToken());
        assertThat(noPrice.status()).isEqualTo(400);
        assertThat(noPrice.body()).contains("price");

        api.post("/api/v1/plans", fibre("DUP"), tenant.adminToken());
        var dupe = api.post("/api/v1/plans", fibre("dup"), tenant.adminToken());
        assertThat(dupe.status()).isEqualTo(409);
        assertThat(dupe.text("type")).endsWith("/code-taken");

        var pool = fibre("POOL");
        pool.put("ipv4PoolId", java.util.UUID.randomUUID().toString());
        var noPool = api.post("/api/v1/plans", pool, tenant.adminToken());
        assertThat(noPool.status()).isEqualTo(400);
        assertThat(noPool.body()).contains("ipv4PoolId");
    }

    @Test
    void archivedPlansKeepTheirDataButAreNotSold() {
        String id =
                api.post("/api/v1/plans", fibre("ARCH"), tenant.adminToken()).text("id");
        var archived = api.post("/api/v1/plans/" + id + "/archive", null, tenant.adminToken());
        assertThat(archived.text("status")).isEqualTo("ARCHIVED");
        assertThat(api.get("/api/v1/plans?status=ACTIVE", tenant.adminToken()).body())
                .doesNotContain(id);
        assertThat(api.get("/api/v1/plans?status=ARCHIVED", tenant.adminToken()).body())
                .contains(id);
        assertThat(api.post("/api/v1/plans/" + id + "/restore", null, tenant.adminToken())
                        .text("status"))
                .isEqualTo("ACTIVE");
        var voucher = new HashMap<String, Object>(Map.of(
                "code",
                "V1H",
                "name",
                "1 hour",
                "billingType",
                "HOTSPOT_VOUCHER",
                "price",
                "1",
                "downloadKbps",
                10_000,
                "uploadKbps",
                5_000,
                "timeLimitMinutes",
                60));
        assertThat(api.post("/api/v1/plans", voucher, tenant.adminToken()).status())
                .isEqualTo(201);
        assertThat(api.get("/api/v1/plans?billingType=HOTSPOT_VOUCHER", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
    }
}
