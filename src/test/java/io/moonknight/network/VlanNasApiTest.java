package io.moonknight.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class VlanNasApiTest {

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

    static Map<String, Object> vlan(String scopeType, String scope, Integer sVlan, int cVlan, String mode) {
        var body = new HashMap<String, Object>();
        body.put("name", "V" + cVlan);
        body.put("scopeType", scopeType);
        body.put("scopeName", scope);
        body.put("cVlan", cVlan);
        body.put("mode", mode);
        if (sVlan != null) {
            body.put("sVlan", sVlan);
        }
        return body;
    }

    @Test
    void vlanIdsAreUniqueWithinTheirScopeAndQinqTagsCombineBoth() {
        var first = api.post("/api/v1/vlans", vlan("AREA", "North", null, 100, "SHARED"), tenant.adminToken());
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.text("tag")).isEqualTo("100");
        var again = api.post("/api/v1/vlans", vlan("AREA", "North", null, 100, "SHARED"), tenant.adminToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.text("type")).endsWith("/vlan-taken");
        assertThat(again.text("field")).isEqualTo("cVlan");
        assertThat(api.post("/api/v1/vlans", vlan("AREA", "South", null, 100, "SHARED"), tenant.adminToken())
                        .status())
                .as("the same id in another area")
                .isEqualTo(201);
        var qinq = api.post("/api/v1/vlans", vlan("OLT", "OLT-1", 200, 100, "DEDICATED"), tenant.adminToken());
        assertThat(qinq.text("tag")).isEqualTo("200.100");
        assertThat(api.post("/api/v1/vlans", vlan("OLT", "OLT-1", 201, 100, "DEDICATED"), tenant.adminToken())
                        .status())
                .as("same C-VLAN under another S-VLAN")
                .isEqualTo(201);
        assertThat(api.post("/api/v1/vlans", vlan("OLT", "OLT-1", 200, 100, "DEDICATED"), tenant.adminToken())
                        .status())
                .isEqualTo(409);
        for (int bad : new int[] {0, 4095, -1}) {
            var response = api.post("/api/v1/vlans", vlan("AREA", "X", null, bad, "SHARED"), tenant.adminToken());
            assertThat(response.status()).isEqualTo(400);
            assertThat(response.body()).contains("cVlan");
        }
        var badOuter = api.post("/api/v1/vlans", vlan("AREA", "X", 5000, 10, "SHARED"), tenant.adminToken());
        assertThat(badOuter.status()).isEqualTo(400);
        assertThat(badOuter.body()).contains("sVlan");
        assertThat(api.get("/api/v1/vlans?q=OLT", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(2);
    }

    @Test
    void aNasSecretIsEncryptedAtRestAndNeverShownAgain() {
        var body = new HashMap<String, Object>(
                Map.of("name", "BRAS 1", "vendor", "MIKROTIK", "address", "10.0.0.1", "secret", "s3cret-shared-key"));
        body.put("apiUsername", "moonknight");
        body.put("apiPassword", "api-pass-123");
        var created = api.post("/api/v1/nas", body, tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("s3cret-shared-key").doesNotContain("api-pass-123");
        assertThat(created.json().path("secretSet").asBoolean()).isTrue();
        assertThat(created.json().path("coaPort").asInt()).isEqualTo(3799);
        String id = created.text("id");
        String stored = jdbc.sql(
                        "select secret_sealed || coalesce(api_password_sealed, '') from network.nas where id = :id")
                .param("id", java.util.UUID.fromString(id))
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain("s3cret-shared-key").doesNotContain("api-pass-123");
        assertThat(api.get("/api/v1/nas/" + id, tenant.adminToken()).body()).doesNotContain("s3cret");

        var keep = new HashMap<String, Object>(body);
        keep.remove("secret");
        keep.put("name", "BRAS 1 renamed");
        var updated = api.put("/api/v1/nas/" + id, keep, tenant.adminToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.json().path("secretSet").asBoolean())
                .as("left out, the secret stays")
                .isTrue();

        var dupe = api.post(
                "/api/v1/nas",
                Map.of("name", "BRAS 2", "vendor", "CISCO", "address", "10.0.0.1", "secret", "another-secret"),
                tenant.adminToken());
        assertThat(dupe.status()).isEqualTo(409);
        var shortSecret = api.post(
                "/api/v1/nas",
                Map.of("name", "BRAS 3", "vendor", "CISCO", "address", "10.0.0.3", "secret", "short"),
                tenant.adminToken());
        assertThat(shortSecret.status()).isEqualTo(400);
        assertThat(shortSecret.body()).contains("secret");
        var badAddress = api.post(
                "/api/v1/nas",
                Map.of("name", "BRAS 4", "vendor", "JUNIPER", "address", "10.0.0.300", "secret", "long-enough-secret"),
                tenant.adminToken());
        assertThat(badAddress.status()).isEqualTo(400);
        assertThat(badAddress.body()).contains("address");
        var noSecret = api.post(
                "/api/v1/nas", Map.of("name", "BRAS 5", "vendor", "OTHER", "address", "10.0.0.5"), tenant.adminToken());
        assertThat(noSecret.status()).isEqualTo(400);
        assertThat(noSecret.body()).contains("secret");

        assertThat(api.delete("/api/v1/nas/" + id, tenant.adminToken()).status())
                .isEqualTo(204);
    }

    /**
     * RADIUS finds a NAS by source address and tells NAS sharing one apart by the secret that signed the packet:
     * another ISP's NAS at the same address is fine with its own secret, never with the same one (its requests
     * would go to the first ISP), and the refusal does not say whose NAS it is.
     */
    @Test
    void aNasWithTheAddressAndSecretOfAnotherIspsNasIsRefused() {
        String address = "10.93." + (int) (Math.random() * 250) + ".1";
        var first = new TestTenants(api).create();
        var firstNas = api.post(
                "/api/v1/nas",
                Map.of("name", "First ISP core", "vendor", "MIKROTIK", "address", address, "secret", "shared-secret-1"),
                first.adminToken());
        assertThat(firstNas.status()).as(firstNas.toString()).isEqualTo(201);

        var clash = api.post(
                "/api/v1/nas",
                Map.of("name", "Mine", "vendor", "CISCO", "address", address, "secret", "shared-secret-1"),
                tenant.adminToken());
        assertThat(clash.status()).as(clash.toString()).isEqualTo(409);
        assertThat(clash.text("type")).endsWith("/nas-address-shared");
        assertThat(clash.text("field")).isEqualTo("address");
        assertThat(clash.body())
                .contains("Another ISP")
                .doesNotContain("First ISP core")
                .doesNotContain(first.id().toString())
                .doesNotContain(first.slug());

        var ownSecret = api.post(
                "/api/v1/nas",
                Map.of("name", "Mine", "vendor", "CISCO", "address", address, "secret", "my-own-secret-2"),
                tenant.adminToken());
        assertThat(ownSecret.status())
                .as("the same address with another secret can be told apart")
                .isEqualTo(201);
        var toTheSameSecret = api.put(
                "/api/v1/nas/" + ownSecret.text("id"),
                Map.of("name", "Mine", "vendor", "CISCO", "address", address, "secret", "shared-secret-1"),
                tenant.adminToken());
        assertThat(toTheSameSecret.status()).as(toTheSameSecret.toString()).isEqualTo(409);
        assertThat(toTheSameSecret.text("type")).endsWith("/nas-address-shared");

        var sameTenant = api.post(
                "/api/v1/nas",
                Map.of("name", "Mine too", "vendor", "CISCO", "address", address, "secret", "a-third-secret-3"),
                tenant.adminToken());
        assertThat(sameTenant.status())
                .as("within one ISP an address is one NAS, whatever the secret")
                .isEqualTo(409);
        assertThat(sameTenant.text("field")).isEqualTo("address");
    }
}
