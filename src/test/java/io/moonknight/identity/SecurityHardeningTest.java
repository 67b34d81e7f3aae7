package io.moonknight.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.TestDatabaseInitializer;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;

/**
 * Brute-force protection and security headers, in a context of their own: lockout thresholds are low, and
 * the server sits "behind a proxy", so X-Forwarded-For stands for distinct client addresses and
 * X-Forwarded-Proto for https.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "moonknight.demo.enabled=false",
            "moonknight.platform.admin-username=" + TestTenants.OPERATOR,
            "moonknight.platform.admin-password=" + TestTenants.OPERATOR_PASSWORD,
            "moonknight.security.lockout.account-failures=5",
            "moonknight.security.lockout.account-total-failures=10",
            "moonknight.security.lockout.address-failures=12",
            "moonknight.security.metrics-password=" + SecurityHardeningTest.METRICS_PASSWORD,
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"
        })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class SecurityHardeningTest {

    static final String METRICS_PASSWORD = "scrape-secret-4711";

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
    }

    @Test
    void aBurstOfWrongPasswordsFromOneAddressLocksTheAccountForThatAddressOnly() throws Exception {
        var tenant = tenants.create();
        List<Api.Response> burst = burst(tenant.slug(), "admin", "wrong-password-x", 10, "198.51.100.1");
        long refused = burst.stream().filter(r -> r.status() == 401).count();
        long locked = burst.stream().filter(r -> r.status() == 429).count();
        assertThat(refused + locked).isEqualTo(10);
        assertThat(locked).as("at most 5 guesses get through").isGreaterThanOrEqualTo(5);

        // The right password waits at that address ...
        var right = login(tenant.slug(), "admin", TestTenants.PASSWORD, "198.51.100.1");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.isProblem()).isTrue();
        assertThat(right.text("type")).endsWith("/too-many-attempts");
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 900L);
        // ... but not from the user's own address.
        assertThat(login(tenant.slug(), "admin", TestTenants.PASSWORD, "198.51.100.2")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void aGuessSpreadOverAddressesLocksTheAccountEverywhereButItsKnownAddressesUntilAnAdminUnlocksIt() {
        var tenant = tenants.create();
        String home = "192.0.2.80";
        assertThat(login(tenant.slug(), "admin", TestTenants.PASSWORD, home).status())
                .isEqualTo(200);
        String adminToken =
                login(tenant.slug(), "admin", TestTenants.PASSWORD, home).text("accessToken");
        var clerk = api.post(
                "/api/v1/users",
                Map.of(
                        "username", "clerk",
                        "email", "clerk@example.test",
                        "fullName", "Clerk",
                        "password", TestTenants.PASSWORD,
                        "roleIds", List.of(roleId("Support", adminToken))),
                adminToken);
        assertThat(clerk.status()).as(clerk.toString()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            assertThat(login(tenant.slug(), "clerk", "guess-" + i, "198.51.100." + (100 + i / 3))
                            .status())
                    .isEqualTo(401);
        }
        var fromNewAddress = login(tenant.slug(), "clerk", TestTenants.PASSWORD, "192.0.2.81");
        assertThat(fromNewAddress.status()).isEqualTo(429);

        var shown = api.get("/api/v1/users/" + clerk.text("id"), adminToken);
        assertThat(shown.text("status")).isEqualTo("ACTIVE");
        assertThat(shown.json().path("lockedUntil").isNull())
                .as("the lock is shown")
                .isFalse();
        var unlocked = api.post("/api/v1/users/" + clerk.text("id") + "/unlock", null, adminToken);
        assertThat(unlocked.status()).as(unlocked.toString()).isEqualTo(200);
        assertThat(unlocked.json().path("lockedUntil").isNull()).isTrue();
        assertThat(login(tenant.slug(), "clerk", TestTenants.PASSWORD, "192.0.2.81")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void manyFailuresFromOneOfficeAddressDoNotLockOutAColleagueWithTheRightPassword() throws Exception {
        var tenant = tenants.create();
        String office = "203.0.113.7";
        assertThat(login(tenant.slug(), "admin", TestTenants.PASSWORD, office).status())
                .as("the colleague has logged in from the office before")
                .isEqualTo(200);
        var results = new ArrayList<Api.Response>();
        for (int i = 0; i < 4; i++) {
            results.addAll(burst(tenant.slug(), "victim" + i, "guess-" + i, 4, office));
        }
        assertThat(results.stream().filter(r -> r.status() == 429).count())
                .as("past the address allowance, guesses are slowed down")
                .isGreaterThanOrEqualTo(1);
        var colleague = login(tenant.slug(), "admin", TestTenants.PASSWORD, office);
        assertThat(colleague.status()).as("the right password still works").isEqualTo(200);
        var newcomer = login(tenant.slug(), "nobody-yet", "whatever-password", office);
        if (newcomer.status() == 429) {
            assertThat(Long.parseLong(newcomer.header("Retry-After")))
                    .as("an unknown account waits seconds, not the lockout window")
                    .isBetween(1L, 60L);
        }
    }

    @Test
    void aSuccessfulLoginResetsTheAccountsCountForItsAddress() {
        var tenant = tenants.create();
        String address = "198.51.100.77";
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(login(tenant.slug(), "admin", "nope-" + i, address).status())
                        .isEqualTo(401);
            }
            assertThat(login(tenant.slug(), "admin", TestTenants.PASSWORD, address)
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void metricsAndInfoNeedTheMetricsUserWhileHealthStaysPublic() {
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(api.get("/actuator/info", null).status()).isEqualTo(401);
        var tenant = tenants.create();
        assertThat(api.get("/actuator/prometheus", tenant.adminToken()).status())
                .as("a tenant admin's token is no metrics credential")
                .isEqualTo(401);
        String wrong = "Basic " + java.util.Base64.getEncoder().encodeToString("metrics:guess".getBytes());
        assertThat(api.send("GET", "/actuator/prometheus", null, null, Map.of("Authorization", wrong))
                        .status())
                .isEqualTo(401);
        String basic =
                "Basic " + java.util.Base64.getEncoder().encodeToString(("metrics:" + METRICS_PASSWORD).getBytes());
        var metrics = api.send("GET", "/actuator/prometheus", null, null, Map.of("Authorization", basic));
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
        assertThat(api.send("GET", "/actuator/info", null, null, Map.of("Authorization", basic))
                        .status())
                .isEqualTo(200);
    }

    private String roleId(String name, String token) {
        var roles = api.get("/api/v1/roles", token).json();
        var list = roles.path("items");
        for (var role : list) {
            if (role.path("name").asString().equals(name)) {
                return role.path("id").asString();
            }
        }
        throw new AssertionError("no role " + name);
    }

    @Test
    void consolePagesCarryTheSecurityHeaders() {
        var page = api.send("GET", "/login", null, null, Map.of());
        assertThat(page.header("Content-Security-Policy"))
                .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(page.header("Strict-Transport-Security"))
                .as("not over plain http")
                .isNull();

        var overHttps = api.send("GET", "/login", null, null, Map.of("X-Forwarded-Proto", "https"));
        assertThat(overHttps.header("Strict-Transport-Security")).contains("max-age=");

        var api401 = api.get("/api/v1/me", null);
        assertThat(api401.header("Content-Security-Policy")).isEqualTo("default-src 'none'; frame-ancestors 'none'");
        assertThat(api401.header("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndSecureBehindHttps() {
        var login = api.send(
                "POST",
                "/login",
                "username=x&password=y",
                null,
                Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Forwarded-Proto", "https"));
        // Without a CSRF token the form post is refused, but the session cookie is set on the page itself.
        var page = api.send("GET", "/login", null, null, Map.of("X-Forwarded-Proto", "https"));
        String cookie = page.header("Set-Cookie");
        assertThat(login.status()).isEqualTo(403);
        assertThat(cookie).contains("MOONKNIGHT_SESSION=", "HttpOnly", "SameSite=Lax", "Secure");
    }

    private Api.Response login(String tenant, String username, String password, String address) {
        var body = new HashMap<String, Object>(Map.of("tenant", tenant, "username", username, "password", password));
        return api.send("POST", "/api/v1/auth/login", body, null, Map.of("X-Forwarded-For", address));
    }

    private List<Api.Response> burst(String tenant, String username, String password, int size, String address)
            throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Api.Response>> futures = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return login(tenant, username, password, address);
                }));
            }
            start.countDown();
            List<Api.Response> responses = new ArrayList<>();
            for (var future : futures) {
                responses.add(future.get());
            }
            return responses;
        }
    }
}
