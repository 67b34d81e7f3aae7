package io.moonknight.radius;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.radius.domain.MsChapV2;
import io.moonknight.radius.internal.RadiusServer;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The RADIUS server against the real radclient from Debian's freeradius-utils. */
@IntegrationTest
@Tag("radius")
class RadiusServerTest {

    @LocalServerPort
    int port;

    @Autowired
    RadiusServer server;

    @Autowired
    io.moonknight.billing.internal.DataPacks dataPacks;

    Api api;
    TestTenants.TenantFixture tenant;
    String secret;
    NasStandIn nas;
    String customer;
    String plan;
    String pool;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        secret = "s-" + UUID.randomUUID().toString().substring(0, 12);
        nas = new NasStandIn(secret);
        var device = new HashMap<String, Object>(Map.of(
                "name", "BRAS", "vendor", "MIKROTIK", "address", "127.0.0.1", "secret", secret, "coaPort", nas.port()));
        assertThat(api.post("/api/v1/nas", device, tenant.adminToken()).status())
                .isEqualTo(201);
        pool = api.post(
                        "/api/v1/ip-pools",
                        Map.of("name", "Dyn", "prefix", "10.50.0.0/24", "purpose", "DYNAMIC", "gateway", "10.50.0.1"),
                        tenant.adminToken())
                .text("id");
        plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "F20",
                                "name",
                                "Fibre 20",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "20",
                                "downloadKbps",
                                20_000,
                                "uploadKbps",
                                10_000,
                                "ipv4PoolId",
                                pool,
                                "fupRules",
                                List.of(Map.of(
                                        "afterGigabytes",
                                        1,
                                        "action",
                                        "REDUCE",
                                        "downloadKbps",
                                        1000,
                                        "uploadKbps",
                                        1000))),
                        tenant.adminToken())
                .text("id");
        customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Rad",
                                "lastName",
                                "Ius",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> radclient(
                                "auth", "User-Name = nobody, User-Password = x," + " Message-Authenticator = 0x00")
                        .contains("Access-Reject"));
    }

    @AfterEach
    void tearDown() {
        nas.close();
    }

    private String subscribe(Map<String, Object> service) {
        var created = api.post(
                "/api/v1/subscriptions",
                Map.of("customerId", customer, "planId", plan, "activate", true, "service", service),
                tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.text("id");
    }

    private String pppoe(String username, String password) {
        return subscribe(Map.of(
                "accessType",
                "PPPOE",
                "username",
                username,
                "password",
                password,
                "ipv4Mode",
                "DYNAMIC",
                "ipv4PoolId",
                pool));
    }

    /** Runs radclient; returns what it printed (a request that gets no answer prints "No reply"). */
    String radclient(String type, String attributes) throws IOException, InterruptedException {
        int target = type.equals("auth") ? server.authPort() : server.acctPort();
        var process = new ProcessBuilder(
                        "/usr/bin/radclient", "-x", "-r", "1", "-t", "1", "127.0.0.1:" + target, type, secret)
                .redirectErrorStream(true)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(attributes.getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    private String pap(String user, String password) throws Exception {
        return radclient(
                "auth",
                "User-Name = " + user + ", User-Password = " + password
                        + ", Message-Authenticator = 0x00, NAS-Port-Type = Ethernet, Service-Type = Framed-User");
    }

    @Test
    void papChapAndMsChapV2AcceptTheRightPasswordAndRejectTheWrongOne() throws Exception {
        pppoe("alice", "alice-pass-1");
        String accept = pap("alice", "alice-pass-1");
        assertThat(accept).contains("Received Access-Accept");
        assertThat(accept).contains("Mikrotik-Rate-Limit = \"10M/20M\"");
        assertThat(accept).containsPattern("Framed-IP-Address = 10\\.50\\.0\\.\\d+");
        assertThat(accept).contains("Acct-Interim-Interval = 300");
        assertThat(accept).contains("Message-Authenticator");
        String wrong = pap("alice", "nope-nope");
        assertThat(wrong).contains("Received Access-Reject").contains("Wrong password");
        assertThat(pap("mallory", "x")).contains("Access-Reject").contains("Unknown user");

        assertThat(radclient("auth", "User-Name = alice, CHAP-Password = alice-pass-1, Message-Authenticator = 0x00"))
                .contains("Received Access-Accept");
        assertThat(radclient("auth", "User-Name = alice, CHAP-Password = wrong-pass, Message-Authenticator = 0x00"))
                .contains("Received Access-Reject");

        var random = new Random(1);
        byte[] authenticatorChallenge = new byte[16];
        byte[] peerChallenge = new byte[16];
        random.nextBytes(authenticatorChallenge);
        random.nextBytes(peerChallenge);
        for (String password : List.of("alice-pass-1", "wrong-pass")) {
            byte[] nt = MsChapV2.ntResponse(authenticatorChallenge, peerChallenge, "alice", password);
            byte[] response = new byte[50];
            response[0] = 7;
            System.arraycopy(peerChallenge, 0, response, 2, 16);
            System.arraycopy(nt, 0, response, 26, 24);
            String out = radclient(
                    "auth",
                    "User-Name = alice, MS-CHAP-Challenge = 0x"
                            + HexFormat.of().formatHex(authenticatorChallenge) + ", MS-CHAP2-Response = 0x"
                            + HexFormat.of().formatHex(response) + ", Message-Authenticator = 0x00");
            if (password.equals("alice-pass-1")) {
                assertThat(out).contains("Received Access-Accept").contains("MS-CHAP2-Success");
                String expected =
                        MsChapV2.authenticatorResponse(authenticatorChallenge, peerChallenge, nt, "alice", password);
                assertThat(out).contains(HexFormat.of().formatHex(expected.getBytes(StandardCharsets.US_ASCII)));
            } else {
                assertThat(out).contains("Received Access-Reject");
            }
        }
    }

    @Test
    void aRequestWithoutMessageAuthenticatorIsDropped() throws Exception {
        pppoe("bob", "bob-pass-1");
        assertThat(radclient("auth", "User-Name = bob, User-Password = bob-pass-1"))
                .contains("No reply");
        assertThat(pap("bob", "bob-pass-1")).contains("Access-Accept");
    }

    @Test
    void macAuthenticationForIpoeAndRejectionReasons() throws Exception {
        subscribe(Map.of(
                "accessType", "IPOE", "macAddress", "02:00:00:00:00:42", "ipv4Mode", "DYNAMIC", "ipv4PoolId", pool));
        assertThat(radclient(
                        "auth",
                        "User-Name = 02:00:00:00:00:42, User-Password = 02:00:00:00:00:42,"
                                + " Calling-Station-Id = 02-00-00-00-00-42, Message-Authenticator = 0x00"))
                .contains("Access-Accept");

        String suspended = pppoe("carol", "carol-pass-1");
        api.post(
                "/api/v1/subscriptions/" + suspended + "/suspend",
                Map.of("reason", "non-payment"),
                tenant.adminToken());
        assertThat(pap("carol", "carol-pass-1")).contains("Access-Reject").contains("Service suspended");
        api.post("/api/v1/subscriptions/" + suspended + "/terminate", Map.of("reason", "gone"), tenant.adminToken());
        assertThat(pap("carol", "carol-pass-1")).contains("Access-Reject").contains("Service terminated");
    }

    @Test
    void accountingMovesUsageAndAccountingOnClosesSessions() throws Exception {
        String id = pppoe("dave", "dave-pass-1");
        assertThat(pap("dave", "dave-pass-1")).contains("Access-Accept");
        String session = "User-Name = dave, Acct-Session-Id = S-1, Framed-IP-Address = 10.50.0.9, NAS-Port = 7";
        assertThat(radclient("acct", session + ", Acct-Status-Type = Start")).contains("Accounting-Response");
        assertThat(api.get("/api/v1/sessions?q=dave", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(pap("dave", "dave-pass-1"))
                .as("one session at a time")
                .contains("Access-Reject")
                .contains("Simultaneous-use limit reached");
        assertThat(radclient(
                        "acct",
                        session + ", Acct-Status-Type = Interim-Update, Acct-Input-Octets = 1000,"
                                + " Acct-Output-Octets = 2000, Acct-Session-Time = 60"))
                .contains("Accounting-Response");
        assertThat(radclient(
                        "acct",
                        session + ", Acct-Status-Type = Interim-Update, Acct-Input-Octets = 5000,"
                                + " Acct-Output-Octets = 100, Acct-Output-Gigawords = 1, Acct-Session-Time = 120"))
                .contains("Accounting-Response");
        var usage = api.get("/api/v1/subscriptions/" + id + "/usage", tenant.adminToken())
                .json();
        assertThat(usage.path("cycleInputOctets").asLong()).isEqualTo(5000);
        assertThat(usage.path("cycleOutputOctets").asLong())
                .as("Gigawords counted")
                .isEqualTo(4_294_967_296L + 100);
        assertThat(radclient(
                        "acct",
                        session + ", Acct-Status-Type = Stop, Acct-Input-Octets = 6000,"
                                + " Acct-Output-Octets = 200, Acct-Output-Gigawords = 1, Acct-Session-Time = 130,"
                                + " Acct-Terminate-Cause = User-Request"))
                .contains("Accounting-Response");
        var after = api.get("/api/v1/subscriptions/" + id + "/usage", tenant.adminToken())
                .json();
        assertThat(after.path("cycleInputOctets").asLong()).isEqualTo(6000);
        assertThat(after.path("cycleOutputOctets").asLong()).isEqualTo(4_294_967_296L + 200);
        var history = api.get("/api/v1/subscriptions/" + id + "/sessions", tenant.adminToken())
                .json()
                .path("items");
        assertThat(history.get(0).path("terminateCause").asString()).isEqualTo("User-Request");
        assertThat(api.get("/api/v1/sessions?q=dave", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .isZero();

        assertThat(radclient("acct", "User-Name = dave, Acct-Session-Id = S-2, Acct-Status-Type = Start"))
                .contains("Accounting-Response");
        assertThat(radclient("acct", "Acct-Session-Id = ON-1, Acct-Status-Type = Accounting-On"))
                .contains("Accounting-Response");
        assertThat(api.get("/api/v1/sessions?q=dave", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asInt())
                .as("Accounting-On closed the NAS's sessions")
                .isZero();
        assertThat(pap("dave", "dave-pass-1")).contains("Access-Accept");
    }

    @Test
    void suspensionDisconnectsTheLiveSessionAndTheNextLoginIsRejected() throws Exception {
        String id = pppoe("erin", "erin-pass-1");
        assertThat(pap("erin", "erin-pass-1")).contains("Access-Accept");
        assertThat(radclient(
                        "acct",
                        "User-Name = erin, Acct-Session-Id = E-1, Acct-Status-Type = Start,"
                                + " Framed-IP-Address = 10.50.0.20"))
                .contains("Accounting-Response");
        api.post("/api/v1/subscriptions/" + id + "/suspend", Map.of("reason", "non-payment"), tenant.adminToken());
        var disconnect = nas.next(10);
        assertThat(disconnect).as("a Disconnect-Request reached the NAS").isNotNull();
        assertThat(disconnect.code()).isEqualTo(40);
        assertThat(disconnect.signedCorrectly()).isTrue();
        assertThat(disconnect.text(1)).isEqualTo("erin");
        assertThat(disconnect.text(44)).isEqualTo("E-1");
        assertThat(pap("erin", "erin-pass-1")).contains("Access-Reject").contains("Service suspended");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(api.get("/api/v1/sessions?q=erin", tenant.adminToken())
                                .json()
                                .path("totalItems")
                                .asInt())
                        .as("closed once the NAS acknowledged")
                        .isZero());
    }

    @Test
    void crossingTheFairUseStepSendsACoaWithTheReducedRate() throws Exception {
        pppoe("frank", "frank-pass-1");
        assertThat(pap("frank", "frank-pass-1")).contains("Mikrotik-Rate-Limit = \"10M/20M\"");
        String session = "User-Name = frank, Acct-Session-Id = F-1";
        radclient("acct", session + ", Acct-Status-Type = Start");
        radclient("acct", session + ", Acct-Status-Type = Interim-Update, Acct-Output-Octets = 900000000");
        assertThat(nas.next(1)).as("no CoA below the step").isNull();
        radclient("acct", session + ", Acct-Status-Type = Interim-Update, Acct-Output-Octets = 1200000000");
        var coa = nas.next(10);
        assertThat(coa).as("a CoA reached the NAS").isNotNull();
        assertThat(coa.code()).isEqualTo(43);
        assertThat(coa.signedCorrectly()).isTrue();
        assertThat(coa.text(44)).isEqualTo("F-1");
        assertThat(coa.vendorText(14988, 8)).isEqualTo("1M/1M");
        // the NAS's answer is recorded on the session once it arrives, after the CoA went out
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(api.get("/api/v1/sessions?q=frank", tenant.adminToken())
                                .json()
                                .path("items")
                                .get(0)
                                .path("lastActionResult")
                                .asString())
                        .startsWith("ACK"));
    }

    @Test
    void aDataPackLetsASubscriberBlockedByFairUseBackOnlineUntilItIsUsedUp() throws Exception {
        plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "CAP1",
                                "name",
                                "Capped 1 GB",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "10",
                                "downloadKbps",
                                20_000,
                                "uploadKbps",
                                10_000,
                                "ipv4PoolId",
                                pool,
                                "fupRules",
                                List.of(Map.of("afterGigabytes", 1, "action", "BLOCK"))),
                        tenant.adminToken())
                .text("id");
        String pack = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "P500",
                                "name",
                                "Data 500 MB",
                                "billingType",
                                "DATA_PACK",
                                "price",
                                "2",
                                "validityDays",
                                7,
                                "quotaMb",
                                500,
                                "downloadKbps",
                                20_000,
                                "uploadKbps",
                                10_000),
                        tenant.adminToken())
                .text("id");
        String subscription = pppoe("ivy", "ivy-pass-1");
        assertThat(pap("ivy", "ivy-pass-1")).contains("Access-Accept");
        radclient("acct", "User-Name = ivy, Acct-Session-Id = I-1, Acct-Status-Type = Start");
        radclient(
                "acct",
                "User-Name = ivy, Acct-Session-Id = I-1, Acct-Status-Type = Stop, Acct-Output-Octets = "
                        + "1200000000");
        assertThat(pap("ivy", "ivy-pass-1")).contains("Access-Reject").contains("Fair usage limit reached");

        var bought = api.post(
                "/api/v1/subscriptions/" + subscription + "/data-packs", Map.of("planId", pack), tenant.adminToken());
        assertThat(bought.status()).as(bought.toString()).isEqualTo(201);
        assertThat(pap("ivy", "ivy-pass-1"))
                .as("the pack lifts the block")
                .contains("Access-Accept")
                .contains("Mikrotik-Rate-Limit = \"10M/20M\"");
        radclient("acct", "User-Name = ivy, Acct-Session-Id = I-2, Acct-Status-Type = Start");
        radclient(
                "acct",
                "User-Name = ivy, Acct-Session-Id = I-2, Acct-Status-Type = Interim-Update,"
                        + " Acct-Output-Octets = 300000000");
        assertThat(io.moonknight.shared.tenant.TenantContext.call(tenant.id(), dataPacks::consume))
                .isEqualTo(1);
        assertThat(nas.next(1)).as("the pack is not used up: nothing sent").isNull();

        radclient(
                "acct",
                "User-Name = ivy, Acct-Session-Id = I-2, Acct-Status-Type = Interim-Update,"
                        + " Acct-Output-Octets = 600000000");
        io.moonknight.shared.tenant.TenantContext.call(tenant.id(), dataPacks::consume);
        var disconnect = nas.next(10);
        assertThat(disconnect).as("used up: the block applies again").isNotNull();
        assertThat(disconnect.code()).isEqualTo(40);
        assertThat(disconnect.text(44)).isEqualTo("I-2");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(pap("ivy", "ivy-pass-1"))
                        .contains("Access-Reject")
                        .contains("Fair usage limit reached"));
        assertThat(api.get("/api/v1/subscriptions/" + subscription + "/data-packs", tenant.adminToken())
                        .json()
                        .path("items")
                        .get(0)
                        .path("status")
                        .asString())
                .isEqualTo("USED_UP");
    }

    @Test
    void aPlanChangeSendsACoaAndTheLastStopReturnsTheLease() throws Exception {
        String vlan = api.post(
                        "/api/v1/vlans",
                        Map.of("name", "V", "scopeType", "AREA", "scopeName", "North", "cVlan", 321, "mode", "SHARED"),
                        tenant.adminToken())
                .text("id");
        String id = subscribe(Map.of(
                "accessType",
                "PPPOE",
                "username",
                "henry",
                "password",
                "henry-pass-1",
                "ipv4Mode",
                "DYNAMIC",
                "ipv4PoolId",
                pool,
                "vlanId",
                vlan));
        String accept = pap("henry", "henry-pass-1");
        assertThat(accept).contains("Access-Accept").contains("Tunnel-Private-Group-Id:1 = \"321\"");
        assertThat(api.get("/api/v1/ip-pools/" + pool, tenant.adminToken())
                        .json()
                        .path("allocated")
                        .asLong())
                .as("a lease for the session")
                .isEqualTo(1);
        assertThat(radclient("acct", "User-Name = henry, Acct-Session-Id = H-1, Acct-Status-Type = Start"))
                .contains("Accounting-Response");
        String bigger = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "F40",
                                "name",
                                "Fibre 40",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "30",
                                "downloadKbps",
                                40_000,
                                "uploadKbps",
                                20_000),
                        tenant.adminToken())
                .text("id");
        api.post("/api/v1/subscriptions/" + id + "/change-plan", Map.of("planId", bigger), tenant.adminToken());
        var coa = nas.next(10);
        assertThat(coa).as("a CoA reached the NAS").isNotNull();
        assertThat(coa.code()).isEqualTo(43);
        assertThat(coa.vendorText(14988, 8)).isEqualTo("20M/40M");
        assertThat(radclient("acct", "User-Name = henry, Acct-Session-Id = H-1, Acct-Status-Type = Stop"))
                .contains("Accounting-Response");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(api.get("/api/v1/ip-pools/" + pool, tenant.adminToken())
                                .json()
                                .path("allocated")
                                .asLong())
                        .as("the lease went back to the pool")
                        .isZero());
    }

    /** Sends many packets with one radclient, {@code parallel} of them at a time; returns what it printed. */
    String radclientAll(String type, List<String> packets, int parallel) throws IOException, InterruptedException {
        int target = type.equals("auth") ? server.authPort() : server.acctPort();
        var process = new ProcessBuilder(
                        "/usr/bin/radclient",
                        "-x",
                        "-r",
                        "1",
                        "-t",
                        "10",
                        "-p",
                        String.valueOf(parallel),
                        "127.0.0.1:" + target,
                        type,
                        secret)
                .redirectErrorStream(true)
                .start();
        try (var in = process.getOutputStream()) {
            in.write(String.join("\n\n", packets).getBytes(StandardCharsets.UTF_8));
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return out;
    }

    /** Twenty Access-Requests of one subscriber at once (a CPE retrying over several links) share one lease. */
    @Test
    void concurrentAccessRequestsOfOneSubscriberHoldOneAddress() throws Exception {
        pppoe("racer", "racer-pass-1");
        String request = "User-Name = racer, User-Password = racer-pass-1, Message-Authenticator = 0x00,"
                + " NAS-Port-Type = Ethernet, Service-Type = Framed-User";
        String out = radclientAll("auth", java.util.Collections.nCopies(20, request), 20);
        List<String> framed = java.util.regex.Pattern.compile("Framed-IP-Address = (\\S+)")
                .matcher(out)
                .results()
                .map(m -> m.group(1))
                .toList();
        assertThat(framed).as(out).hasSize(20);
        assertThat(java.util.Set.copyOf(framed))
                .as("one address for every answer")
                .hasSize(1);
        assertThat(api.get("/api/v1/ip-pools/" + pool, tenant.adminToken())
                        .json()
                        .path("allocated")
                        .asLong())
                .as("exactly one address is held")
                .isEqualTo(1);
    }

    /**
     * The NAS may report an address IPAM did not hand out (it chose it itself, or the CPE was set by hand): it is
     * recorded as the subscription's, the allocator never hands it to anyone else, it goes back with the last
     * Stop, and an address reported for one subscriber while allocated to another is flagged on the pool.
     */
    @Test
    void anAddressTheNasReportsIsRecordedAsInUseAndNeverHandedOut() throws Exception {
        String reporter = pppoe("reporter", "reporter-pass-1");
        assertThat(radclient(
                        "acct",
                        "User-Name = reporter, Acct-Session-Id = R-1, Framed-IP-Address = 10.50.0.2,"
                                + " Acct-Status-Type = Start"))
                .contains("Accounting-Response");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(allocations()).anySatisfy(a -> {
                    assertThat(a.path("address").asString()).isEqualTo("10.50.0.2");
                    assertThat(a.path("holderId").asString()).isEqualTo(reporter);
                    assertThat(a.path("observed").asBoolean()).isTrue();
                }));

        String next = pppoe("next", "next-pass-1");
        String accept = pap("next", "next-pass-1");
        assertThat(accept)
                .contains("Access-Accept")
                .doesNotContain("Framed-IP-Address = 10.50.0.2")
                .contains("Framed-IP-Address = 10.50.0.3");

        String stray = pppoe("stray", "stray-pass-1");
        assertThat(radclient(
                        "acct",
                        "User-Name = stray, Acct-Session-Id = X-1, Framed-IP-Address = 10.50.0.3,"
                                + " Acct-Status-Type = Start"))
                .contains("Accounting-Response");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            var conflicts = api.get("/api/v1/ip-pools/" + pool + "/conflicts", tenant.adminToken())
                    .json()
                    .path("items");
            assertThat(conflicts.size()).isEqualTo(1);
            assertThat(conflicts.get(0).path("address").asString()).isEqualTo("10.50.0.3");
            assertThat(conflicts.get(0).path("reportedFor").asString()).isEqualTo(stray);
            assertThat(conflicts.get(0).path("holderId").asString()).isEqualTo(next);
        });

        assertThat(radclient("acct", "User-Name = reporter, Acct-Session-Id = R-1, Acct-Status-Type = Stop"))
                .contains("Accounting-Response");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(allocations())
                        .as("the reported address went back with the last Stop")
                        .noneSatisfy(
                                a -> assertThat(a.path("address").asString()).isEqualTo("10.50.0.2")));
    }

    private List<tools.jackson.databind.JsonNode> allocations() {
        List<tools.jackson.databind.JsonNode> all = new java.util.ArrayList<>();
        api.get("/api/v1/ip-pools/" + pool + "/allocations?size=200", tenant.adminToken())
                .json()
                .path("items")
                .forEach(all::add);
        return all;
    }

    /** A PAP Access-Request signed with a Message-Authenticator, built by hand so it can be sent twice. */
    private byte[] accessRequest(int identifier, byte[] authenticator, String user, String password) throws Exception {
        var md5 = java.security.MessageDigest.getInstance("MD5");
        md5.update(secret.getBytes(StandardCharsets.UTF_8));
        md5.update(authenticator);
        byte[] mask = md5.digest();
        byte[] plain = password.getBytes(StandardCharsets.UTF_8);
        byte[] hidden = new byte[16];
        for (int i = 0; i < 16; i++) {
            hidden[i] = (byte) ((i < plain.length ? plain[i] : 0) ^ mask[i]);
        }
        var packet = java.nio.ByteBuffer.allocate(200);
        packet.put((byte) 1).put((byte) identifier).putShort((short) 0).put(authenticator);
        packet.put((byte) 80).put((byte) 18).put(new byte[16]);
        byte[] name = user.getBytes(StandardCharsets.UTF_8);
        packet.put((byte) 1).put((byte) (name.length + 2)).put(name);
        packet.put((byte) 2).put((byte) 18).put(hidden);
        byte[] bytes = java.util.Arrays.copyOf(packet.array(), packet.position());
        bytes[3] = (byte) bytes.length;
        var hmac = javax.crypto.Mac.getInstance("HmacMD5");
        hmac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacMD5"));
        System.arraycopy(hmac.doFinal(bytes), 0, bytes, 22, 16);
        return bytes;
    }

    private static byte[] exchange(DatagramSocket socket, byte[] request, int port) throws IOException {
        socket.send(new DatagramPacket(request, request.length, InetAddress.getLoopbackAddress(), port));
        var answer = new DatagramPacket(new byte[4096], 4096);
        socket.receive(answer);
        return java.util.Arrays.copyOf(answer.getData(), answer.getLength());
    }

    @Test
    void aRetransmissionGetsTheCachedAnswerAndANewRequestAFreshOne() throws Exception {
        pppoe("henry", "henry-pass-1");
        try (var socket = new DatagramSocket()) {
            socket.setSoTimeout(5000);
            byte[] authenticator = new byte[16];
            new Random(7).nextBytes(authenticator);
            byte[] request = accessRequest(42, authenticator, "henry", "henry-pass-1");
            byte[] first = exchange(socket, request, server.authPort());
            assertThat(first[0]).as("Access-Accept").isEqualTo((byte) 2);
            byte[] again = exchange(socket, request, server.authPort());
            assertThat(again)
                    .as("the same answer, not a second decision (no second lease)")
                    .isEqualTo(first);

            // the same identifier with a new authenticator is a new request, decided afresh
            byte[] fresh = new byte[16];
            new Random(8).nextBytes(fresh);
            byte[] next = exchange(socket, accessRequest(42, fresh, "henry", "wrong-pass"), server.authPort());
            assertThat(next[0]).as("Access-Reject for the wrong password").isEqualTo((byte) 3);
        }
    }

    @Test
    void garbageNeverStopsTheServer() throws Exception {
        pppoe("grace", "grace-pass-1");
        var random = new Random(42);
        try (var socket = new DatagramSocket()) {
            InetAddress local = InetAddress.getLoopbackAddress();
            List<byte[]> junk = new java.util.ArrayList<>();
            junk.add(new byte[0]);
            junk.add(new byte[] {1});
            junk.add(new byte[] {1, 1, 0, 20});
            byte[] lying = new byte[40];
            lying[0] = 1;
            lying[3] = (byte) 200; // length larger than the datagram
            junk.add(lying);
            byte[] badAttribute = new byte[30];
            badAttribute[0] = 1;
            badAttribute[3] = 30;
            badAttribute[20] = 1;
            badAttribute[21] = 0; // attribute length 0
            junk.add(badAttribute);
            byte[] overrun = new byte[30];
            overrun[0] = 1;
            overrun[3] = 30;
            overrun[20] = 80;
            overrun[21] = 40; // runs past the end
            junk.add(overrun);
            for (int i = 0; i < 300; i++) {
                byte[] noise = new byte[random.nextInt(600)];
                random.nextBytes(noise);
                if (noise.length > 4 && i % 2 == 0) {
                    noise[0] = (byte) (i % 3 == 0 ? 4 : 1);
                    noise[2] = (byte) (noise.length >>> 8);
                    noise[3] = (byte) noise.length;
                }
                junk.add(noise);
            }
            for (byte[] packet : junk) {
                for (int target : new int[] {server.authPort(), server.acctPort()}) {
                    socket.send(new DatagramPacket(packet, packet.length, local, target));
                }
            }
        }
        assertThat(pap("grace", "grace-pass-1")).contains("Access-Accept");
        assertThat(radclient("acct", "User-Name = grace, Acct-Session-Id = G-1, Acct-Status-Type = Start"))
                .contains("Accounting-Response");
    }
}
