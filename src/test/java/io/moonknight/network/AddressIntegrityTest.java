package io.moonknight.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who may hold an address, and how many dynamic leases a holder gets. */
@IntegrationTest
class AddressIntegrityTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IpAddressManagement ipam;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;
    String pool;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
        pool = api.post(
                        "/api/v1/ip-pools",
                        Map.of("name", "Dyn", "prefix", "10.61.0.0/24", "purpose", "DYNAMIC", "gateway", "10.61.0.1"),
                        tenant.adminToken())
                .text("id");
    }

    /** A subscription of the tenant, made through the API. */
    private String subscription(TestTenants.TenantFixture owner) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Hold",
                                "lastName",
                                "Er",
                                "phones",
                                List.of("+88017" + (10_000_000 + Math.abs(suffix.hashCode() % 89_999_999)))),
                        owner.adminToken())
                .text("id");
        String plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "P" + suffix,
                                "name",
                                "Plan " + suffix,
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "10",
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        owner.adminToken())
                .text("id");
        var created = api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "service",
                        Map.of("accessType", "PPPOE", "username", "u" + suffix, "password", "pass-" + suffix)),
                owner.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private Api.Response allocate(Map<String, Object> body) {
        return api.post("/api/v1/ip-pools/" + pool + "/allocations", body, tenant.adminToken());
    }

    @Test
    void anAllocationsHolderIdMustNameAHolderOfTheTenant() {
        String own = subscription(tenant);
        String foreign = subscription(tenants.create());
        var bad = new ArrayList<Map<String, Object>>();
        bad.add(Map.of("holderType", "Subscription", "holderId", foreign));
        bad.add(Map.of(
                "holderType", "Subscription", "holderId", UUID.randomUUID().toString()));
        bad.add(Map.of("holderType", "Subscription"));
        bad.add(Map.of("holderId", own));
        bad.add(Map.of("holderType", "Device", "holderId", own));
        for (var body : bad) {
            var response = allocate(body);
            assertThat(response.status()).as(body + " -> " + response).isEqualTo(400);
            assertThat(response.body())
                    .as(body.toString())
                    .contains("\"holderId\"")
                    .doesNotContain(foreign + " ");
        }
        var lease = allocate(Map.of("holderType", "Lease", "holderId", own));
        assertThat(lease.status()).as("leases are RADIUS's to hand out").isEqualTo(400);
        assertThat(lease.body()).contains("\"holderType\"");
        assertThat(api.get("/api/v1/ip-pools/" + pool, tenant.adminToken())
                        .json()
                        .path("allocated")
                        .asLong())
                .as("nothing was allocated for a refused holder")
                .isZero();

        var ok = allocate(Map.of("holderType", "Subscription", "holderId", own, "note", "by hand"));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.text("holderId")).isEqualTo(own);
        assertThat(allocate(Map.of("holderType", "Device", "note", "core switch"))
                        .status())
                .as("a holder described only by type and note is fine")
                .isEqualTo(201);
    }

    /** Twenty requests of one holder race for a lease (as concurrent Access-Requests of a subscriber do). */
    @Test
    void concurrentLeasesOfOneHolderShareOneAddress() throws Exception {
        UUID poolId = UUID.fromString(pool);
        UUID holder = UUID.randomUUID();
        int racers = 20;
        var barrier = new CyclicBarrier(racers);
        List<Future<String>> addresses = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                addresses.add(executor.submit(() -> {
                    barrier.await();
                    return TenantContext.call(
                            tenant.id(), () -> ipam.lease(poolId, holder).address());
                }));
            }
            Set<String> handedOut = new HashSet<>();
            for (var address : addresses) {
                handedOut.add(address.get());
            }
            assertThat(handedOut).hasSize(1);
        }
        assertThat(jdbc.sql("select address from network.ip_allocations where pool_id = :pool")
                        .param("pool", poolId)
                        .query(String.class)
                        .list())
                .hasSize(1);
        assertThat(api.get("/api/v1/ip-pools/" + pool, tenant.adminToken())
                        .json()
                        .path("allocated")
                        .asLong())
                .isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesASecondLeaseOfOneHolderInAPool() {
        UUID poolId = UUID.fromString(pool);
        UUID holder = UUID.randomUUID();
        TenantContext.run(tenant.id(), () -> ipam.lease(poolId, holder));
        assertThatThrownBy(() -> jdbc.sql("""
            insert into network.ip_allocations (id, tenant_id, pool_id, unit, address, holder_type, holder_id,
                allocated_at)
            values (:id, :tenant, :pool, 200, '10.61.0.200', 'Lease', :holder, now())
            """)
                        .param("id", UUID.randomUUID())
                        .param("tenant", tenant.id())
                        .param("pool", poolId)
                        .param("holder", holder)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("ip_allocations_lease_uq");
    }

    @Test
    void anAddressReportedInUseIsRecordedForItsHolderAndNeverHandedOut() {
        UUID poolId = UUID.fromString(pool);
        UUID reporter = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        TenantContext.run(tenant.id(), () -> {
            assertThat(ipam.observe("10.61.0.1", reporter)).isEqualTo(AddressObservation.RESERVED);
            assertThat(ipam.observe("10.62.0.7", reporter)).isEqualTo(AddressObservation.OUTSIDE_POOLS);
            assertThat(ipam.observe("10.61.0.2", reporter)).isEqualTo(AddressObservation.RECORDED);
            assertThat(ipam.observe("10.61.0.2", reporter)).isEqualTo(AddressObservation.KNOWN);
            assertThat(ipam.lease(poolId, other).address())
                    .as("the allocator skips the reported address")
                    .isEqualTo("10.61.0.3");
            assertThat(ipam.observe("10.61.0.3", reporter)).isEqualTo(AddressObservation.CONFLICT);
        });
        assertThat(jdbc.sql("select count(*) from network.ip_conflicts where pool_id = :pool and address = '10.61.0.3'")
                        .param("pool", poolId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        TenantContext.run(tenant.id(), () -> ipam.releaseAll(IpAddressManagement.LEASE, reporter));
        var left = jdbc
                .sql("select address from network.ip_allocations where pool_id = :pool")
                .param("pool", poolId)
                .query(String.class)
                .list()
                .stream()
                .collect(Collectors.toSet());
        assertThat(left).as("the observed lease went with the holder's leases").containsExactly("10.61.0.3");
        assertThat(jdbc.sql("select count(*) from network.ip_conflicts where pool_id = :pool")
                        .param("pool", poolId)
                        .query(Long.class)
                        .single())
                .as("the conflict it reported went with it")
                .isZero();
    }
}
