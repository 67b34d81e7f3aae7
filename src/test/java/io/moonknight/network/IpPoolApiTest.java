package io.moonknight.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
@Tag("smoke")
class IpPoolApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Api api;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
    }

    static Map<String, Object> pool(String name, String prefix, @Nullable Integer length, String purpose) {
        var body = new HashMap<String, Object>();
        body.put("name", name);
        body.put("prefix", prefix);
        body.put("purpose", purpose);
        if (length != null) {
            body.put("assignmentLength", length);
        }
        return body;
    }

    @Test
    void poolsAreListedByNameAPageAtATimeInTheListEnvelope() {
        var pools = Map.of("Charlie", "10.77.3.0/24", "Alpha", "10.77.1.0/24", "Bravo", "10.77.2.0/24");
        pools.forEach((name, prefix) -> {
            var created = api.post("/api/v1/ip-pools", pool(name, prefix, null, "DYNAMIC"), tenant.adminToken());
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
        });
        var first = api.get("/api/v1/ip-pools?size=2", tenant.adminToken()).json();
        assertThat(first.path("items").findValuesAsString("name")).containsExactly("Alpha", "Bravo");
        assertThat(first.path("totalItems").asInt()).isEqualTo(3);
        assertThat(first.path("totalPages").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/ip-pools?size=2&page=1", tenant.adminToken())
                        .json()
                        .path("items")
                        .findValuesAsString("name"))
                .containsExactly("Charlie");
        assertThat(api.get("/api/v1/ip-pools?sort=name,desc&size=1", tenant.adminToken())
                        .json()
                        .path("items")
                        .findValuesAsString("name"))
                .containsExactly("Charlie");
        assertThat(api.get("/api/v1/ip-pools?sort=prefix", tenant.adminToken()).status())
                .isEqualTo(400);
    }

    @Test
    void poolsHandOutNamedAndNextFreeAddressesAndReportUtilisation() {
        var body = pool("Office", "192.0.2.0/29", null, "STATIC");
        body.put("gateway", "192.0.2.1");
        body.put("dnsServers", List.of("1.1.1.1"));
        body.put("excluded", List.of("192.0.2.6"));
        body.put("alertThreshold", 50);
        var created = api.post("/api/v1/ip-pools", body, tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("usable")).isEqualTo("4"); // .2 .3 .4 .5 (not .0 .1 gw .6 excluded .7)

        var next = api.post("/api/v1/ip-pools/" + id + "/allocations", Map.of(), tenant.adminToken());
        assertThat(next.status()).as(next.toString()).isEqualTo(201);
        assertThat(next.text("address")).isEqualTo("192.0.2.2");
        var named = api.post(
                "/api/v1/ip-pools/" + id + "/allocations",
                Map.of("address", "192.0.2.5", "note", "router"),
                tenant.adminToken());
        assertThat(named.text("address")).isEqualTo("192.0.2.5");
        var taken = api.post(
                "/api/v1/ip-pools/" + id + "/allocations", Map.of("address", "192.0.2.5"), tenant.adminToken());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.text("type")).endsWith("/address-taken");
        var gateway = api.post(
                "/api/v1/ip-pools/" + id + "/allocations", Map.of("address", "192.0.2.1"), tenant.adminToken());
        assertThat(gateway.status()).as(gateway.toString()).isEqualTo(400);
        assertThat(gateway.body()).contains("address");
        var outside =
                api.post("/api/v1/ip-pools/" + id + "/allocations", Map.of("address", "10.0.0.1"), tenant.adminToken());
        assertThat(outside.status()).isEqualTo(400);

        var view = api.get("/api/v1/ip-pools/" + id, tenant.adminToken());
        assertThat(view.json().path("allocated").asLong()).isEqualTo(2);
        assertThat(view.json().path("utilizationPercent").asDouble()).isEqualTo(50.0);
        assertThat(view.text("alert")).isEqualTo("THRESHOLD");

        var listed = api.get("/api/v1/ip-pools/" + id + "/allocations", tenant.adminToken());
        assertThat(listed.json().path("items").findValuesAsString("address")).containsExactly("192.0.2.2", "192.0.2.5");

        assertThat(api.delete("/api/v1/ip-pools/" + id + "/allocations/" + next.text("id"), tenant.adminToken())
                        .status())
                .isEqualTo(204);
        assertThat(api.post("/api/v1/ip-pools/" + id + "/allocations", Map.of(), tenant.adminToken())
                        .text("address"))
                .as("a released address is handed out again")
                .isEqualTo("192.0.2.2");

        var inUse = api.delete("/api/v1/ip-pools/" + id, tenant.adminToken());
        assertThat(inUse.status()).isEqualTo(409);
        var events = jdbc.sql("select count(*) from audit.audit_events where tenant_id = :t and action like 'ip-%'")
                .param("t", tenant.id())
                .query(Long.class)
                .single();
        assertThat(events).as("allocations are audited").isGreaterThanOrEqualTo(3);
    }

    @Test
    void pointToPointAndSingleAddressPools() {
        String p2p = api.post("/api/v1/ip-pools", pool("Link", "198.51.100.0/31", null, "STATIC"), tenant.adminToken())
                .text("id");
        var first = api.post("/api/v1/ip-pools/" + p2p + "/allocations", Map.of(), tenant.adminToken());
        var second = api.post("/api/v1/ip-pools/" + p2p + "/allocations", Map.of(), tenant.adminToken());
        var third = api.post("/api/v1/ip-pools/" + p2p + "/allocations", Map.of(), tenant.adminToken());
        assertThat(List.of(first.text("address"), second.text("address")))
                .containsExactly("198.51.100.0", "198.51.100.1");
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.text("type")).endsWith("/pool-exhausted");
        assertThat(api.get("/api/v1/ip-pools/" + p2p, tenant.adminToken()).text("alert"))
                .isEqualTo("EXHAUSTED");

        String single = api.post(
                        "/api/v1/ip-pools", pool("Loopback", "198.51.100.9/32", null, "STATIC"), tenant.adminToken())
                .text("id");
        assertThat(api.post("/api/v1/ip-pools/" + single + "/allocations", Map.of(), tenant.adminToken())
                        .text("address"))
                .isEqualTo("198.51.100.9");
    }

    @Test
    void anIpv6Slash64WorksWithoutMaterialisingAddresses() {
        var created =
                api.post("/api/v1/ip-pools", pool("v6 hosts", "2001:db8:5::/64", 128, "DYNAMIC"), tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("size")).isEqualTo("18446744073709551616");
        String id = created.text("id");
        assertThat(api.post("/api/v1/ip-pools/" + id + "/allocations", Map.of(), tenant.adminToken())
                        .text("address"))
                .isEqualTo("2001:db8:5::1");
        assertThat(api.post(
                                "/api/v1/ip-pools/" + id + "/allocations",
                                Map.of("address", "2001:db8:5:0:ffff:ffff:ffff:fffe"),
                                tenant.adminToken())
                        .text("address"))
                .as("RFC 5952: one zero field is not shortened to ::")
                .isEqualTo("2001:db8:5:0:ffff:ffff:ffff:fffe");

        var delegation =
                api.post("/api/v1/ip-pools", pool("PD", "2001:db8:100::/48", 64, "DYNAMIC"), tenant.adminToken());
        String pd = delegation.text("id");
        assertThat(api.post("/api/v1/ip-pools/" + pd + "/allocations", Map.of(), tenant.adminToken())
                        .text("address"))
                .isEqualTo("2001:db8:100::/64");
        assertThat(api.post(
                                "/api/v1/ip-pools/" + pd + "/allocations",
                                Map.of("address", "2001:db8:100:ff::/64"),
                                tenant.adminToken())
                        .text("address"))
                .isEqualTo("2001:db8:100:ff::/64");
        long rows = jdbc.sql("select count(*) from network.ip_allocations where tenant_id = :t")
                .param("t", tenant.id())
                .query(Long.class)
                .single();
        assertThat(rows).as("only allocations are stored, never the free space").isEqualTo(4);
    }

    @Test
    void badPoolsAreRefusedNamingTheField() {
        record Bad(Map<String, Object> body, String field) {}
        var overlapping = pool("Overlap", "10.9.0.0/16", null, "DYNAMIC");
        api.post("/api/v1/ip-pools", pool("Base", "10.9.8.0/24", null, "DYNAMIC"), tenant.adminToken());
        var gatewayOutside = pool("GW", "10.10.0.0/24", null, "DYNAMIC");
        gatewayOutside.put("gateway", "10.11.0.1");
        var badExcluded = pool("EX", "10.12.0.0/24", null, "DYNAMIC");
        badExcluded.put("excluded", List.of("10.12.0.9-10.12.0.2"));
        var threshold = pool("TH", "10.13.0.0/24", null, "DYNAMIC");
        threshold.put("alertThreshold", 0);
        for (Bad bad : List.of(
                new Bad(pool("P", "10.0.0.0/33", null, "DYNAMIC"), "prefix"),
                new Bad(pool("P", "10.0.0.1/24", null, "DYNAMIC"), "prefix"),
                new Bad(pool("P", "2001:db8::/32", 128, "DYNAMIC"), "assignmentLength"),
                new Bad(pool("P", "10.0.0.0/24", 30, "DYNAMIC"), "assignmentLength"),
                new Bad(gatewayOutside, "gateway"),
                new Bad(badExcluded, "excluded"),
                new Bad(threshold, "alertThreshold"))) {
            var response = api.post("/api/v1/ip-pools", bad.body(), tenant.adminToken());
            assertThat(response.status()).as(bad + " -> " + response).isEqualTo(400);
            assertThat(response.body()).as(bad.toString()).contains("\"" + bad.field() + "\"");
        }
        var overlap = api.post("/api/v1/ip-pools", overlapping, tenant.adminToken());
        assertThat(overlap.status()).as(overlap.toString()).isEqualTo(409);
    }

    /**
     * 200 allocations race for a /25 (125 usable: not the network, broadcast or gateway). Every address goes
     * out exactly once, the rest are told cleanly that the pool is exhausted, and nothing is half-written.
     */
    @Test
    void concurrentAllocationsNeverHandOutAnAddressTwice() throws Exception {
        var body = pool("Race", "203.0.113.0/25", null, "DYNAMIC");
        body.put("gateway", "203.0.113.1");
        String id = api.post("/api/v1/ip-pools", body, tenant.adminToken()).text("id");
        int requests = 200;
        var start = new CountDownLatch(1);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(32)) {
            for (int i = 0; i < requests; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return api.post("/api/v1/ip-pools/" + id + "/allocations", Map.of(), tenant.adminToken());
                }));
            }
            start.countDown();
            Set<String> addresses = new HashSet<>();
            int exhausted = 0;
            for (var future : futures) {
                var response = future.get();
                if (response.status() == 201) {
                    assertThat(addresses.add(response.text("address")))
                            .as("handed out twice: " + response.text("address"))
                            .isTrue();
                } else {
                    assertThat(response.status()).as(response.toString()).isEqualTo(409);
                    assertThat(response.text("type")).endsWith("/pool-exhausted");
                    exhausted++;
                }
            }
            assertThat(addresses).hasSize(125).doesNotContain("203.0.113.0", "203.0.113.1", "203.0.113.127");
            assertThat(exhausted).isEqualTo(requests - 125);
        }
        var rows = jdbc.sql("select count(*), count(distinct unit) from network.ip_allocations where pool_id = :p")
                .param("p", java.util.UUID.fromString(id))
                .query((rs, n) -> List.of(rs.getLong(1), rs.getLong(2)))
                .single();
        assertThat(rows).containsExactly(125L, 125L);
        var view = api.get("/api/v1/ip-pools/" + id, tenant.adminToken());
        assertThat(view.json().path("allocated").asLong()).isEqualTo(125);
        assertThat(view.text("alert")).isEqualTo("EXHAUSTED");
    }
}
