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
            "moonknight.security.lockout.address-failures=12",
            "server.forward-headers-strategy=native",
            "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"
        })
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class SecurityHardeningTest {

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
    void aBurstOfWrongPasswordsAgainstOneAccountLocksItWithRetryAfter() throws Exception {
        var tenant = tenants.create();
        List<Api.Response> burst = burst(tenant.slug(), "admin", "wrong-password-x", 10, "198.51.100.1");
        long refused = burst.stream().filter(r -> r.status() == 401).count();
        long locked = burst.stream().filter(r -> r.status() == 429).count();
        assertThat(refused + locked).isEqualTo(10);
        assertThat(locked).as("at most 5 guesses get through").isGreaterThanOrEqualTo(5);

        // Even the right password waits, from another address too: the account is locked.
        var right = login(tenant.slug(), "admin", TestTenants.PASSWORD, "198.51.100.2");
        assertThat(right.status()).isEqualTo(429);
        assertThat(right.isProblem()).isTrue();
        assertThat(right.text("type")).endsWith("/too-many-attempts");
        assertThat(Long.parseLong(right.header("Retry-After"))).isBetween(1L, 900L);
    }

    @Test
    void aBurstFromOneAddressAgainstManyAccountsLocksTheAddress() throws Exception {
        var tenant = tenants.create();
        String attacker = "203.0.113.7";
        var results = new ArrayList<Api.Response>();
        for (int i = 0; i < 4; i++) {
            results.addAll(burst(tenant.slug(), "victim" + i, "guess-" + i, 4, attacker));
        }
        assertThat(results.stream().filter(r -> r.status() == 429).count()).isGreaterThanOrEqualTo(4);
        var fromAttacker = login(tenant.slug(), "admin", TestTenants.PASSWORD, attacker);
        assertThat(fromAttacker.status())
                .as("the address is locked, whatever the account")
                .isEqualTo(429);
        var fromElsewhere = login(tenant.slug(), "admin", TestTenants.PASSWORD, "192.0.2.44");
        assertThat(fromElsewhere.status()).as("other addresses are not").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginResetsTheAccountsCount() {
        var tenant = tenants.create();
        String address = "198.51.100.77";
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 4; i++) {
                assertThat(login(tenant.slug(), "admin", "nope-" + i, address).status())
                        .isEqualTo(401);
            }
            assertThat(login(tenant.slug(), "admin", TestTenants.PASSWORD, "198.51.100.78")
                            .status())
                    .isEqualTo(200);
        }
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
