package io.moonknight.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.moonknight.identity.domain.Totp;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.Browser;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The identity pages in a real Chromium: the users table, the lock and its unlock, the grant rules. */
@IntegrationTest
class IdentityConsoleBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.crypto.password.PasswordEncoder encoder;

    BrowserContext context;
    Page page;
    Api api;
    TestTenants tenants;
    String base;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void shutdown() {
        browser.close();
    }

    @BeforeEach
    void open() {
        context = browser.chromium().newContext();
        page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        api = new Api(port);
        tenants = new TestTenants(api);
        base = "http://localhost:" + port;
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void theUsersTableKeepsEachStatusInItsOwnColumnAndShowsALockThatAnAdminLifts() {
        var tenant = tenants.create();
        var clerk = tenants.userWith(tenant, Set.of("tenant:read"));
        for (int i = 0; i < 5; i++) {
            assertThat(tenants.login(tenant.slug(), clerk.username(), "wrong-password-" + i)
                            .status())
                    .isEqualTo(401);
        }
        assertThat(tenants.login(tenant.slug(), clerk.username(), TestTenants.PASSWORD)
                        .status())
                .as("locked")
                .isEqualTo(429);

        signIn(tenant.slug(), "admin", TestTenants.PASSWORD);
        page.navigate(base + "/users");
        Locator rows = page.locator("#user-results table tbody tr");
        assertThat(rows).hasCount(2);
        for (int i = 0; i < 2; i++) {
            assertThat(rows.nth(i).locator(":scope > td")).hasCount(6);
            assertThat(rows.nth(i).locator(":scope > td").nth(4)).containsText("Active");
        }
        assertThat(page.locator("#user-results > .badge, #user-results > .table-responsive > .badge"))
                .hasCount(0);
        Locator clerkRow = rows.filter(new Locator.FilterOptions().setHasText(clerk.username()));
        assertThat(clerkRow.locator(":scope > td").nth(4)).containsText("Locked");

        clerkRow.locator("a").first().click();
        assertThat(page.locator("#locked")).containsText("Locked until");
        page.locator("#unlock").click();
        assertThat(page.locator(".alert-success")).containsText("unlocked");
        assertThat(page.locator("#locked")).hasCount(0);
        assertThat(tenants.login(tenant.slug(), clerk.username(), TestTenants.PASSWORD)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theConsoleRefusesAUsersManagerWhoTouchesAnAdmin() {
        var tenant = tenants.create();
        var manager = tenants.userWith(tenant, Set.of("users:read", "users:manage", "tenant:read", "dashboard:view"));
        String adminId = api.get("/api/v1/me", tenant.adminToken()).text("id");

        signIn(tenant.slug(), manager.username(), TestTenants.PASSWORD);
        page.navigate(base + "/users/" + adminId);
        page.locator("#force-logout").click();
        assertThat(page.locator(".alert-danger")).containsText("they hold permissions you do not hold");
        assertThat(api.get("/api/v1/me", tenant.adminToken()).status()).isEqualTo(200);

        page.navigate(base + "/users/" + manager.id());
        page.locator("input[name=roleIds][value='" + adminRoleId(tenant.adminToken()) + "']")
                .check();
        page.locator("button:has-text('Save roles')").click();
        assertThat(page.locator(".alert-danger")).containsText("You cannot change your own roles");
        assertThat(api.get("/api/v1/me", manager.token())
                        .json()
                        .path("permissions")
                        .toString())
                .doesNotContain("tenant:settings");
    }

    @Test
    void thePlatformTenantsTableKeepsEachStatusInItsOwnColumn() {
        var tenant = tenants.create();
        signIn("", TestTenants.OPERATOR, TestTenants.OPERATOR_PASSWORD);
        page.navigate(base + "/platform/tenants?q=" + tenant.slug());
        Locator rows = page.locator("table tbody tr");
        assertThat(rows).hasCount(1);
        assertThat(rows.first().locator(":scope > td")).hasCount(6);
        assertThat(rows.first().locator(":scope > td").nth(2).locator(".badge")).hasText("Active");
        assertThat(rows.first().locator(":scope > td").nth(3)).containsText("Asia/Dhaka");
    }

    @Test
    void aPlatformOperatorSetsUpTwoFactorInTheConsoleAndIsAskedForACodeAtLogin() {
        String operator = "opc" + Long.toString(System.nanoTime(), 36);
        jdbc.sql("""
            insert into identity.operators
                (id, username, email, full_name, status, password_hash, created_at, updated_at)
            values (:id, :username, :email, 'Console Operator', 'ACTIVE', :hash, now(), now())
            """)
                .param("id", java.util.UUID.randomUUID())
                .param("username", operator)
                .param("email", operator + "@platform.test")
                .param("hash", encoder.encode(TestTenants.PASSWORD))
                .update();
        signIn("", operator, TestTenants.PASSWORD);
        page.navigate(base + "/account");
        page.locator("#enable-two-factor").click();
        assertThat(page.locator("h1")).hasText("Set up two-factor authentication");
        String secret = page.locator("#totp-secret").textContent().strip();
        long step = Totp.step(Instant.now());
        page.locator("#code").fill(Totp.code(secret, step));
        page.locator("#confirm-enrolment").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);

        context.clearCookies();
        page.navigate(base + "/login");
        page.locator("#tenant").fill("");
        page.locator("#username").fill(operator);
        page.locator("#password").fill(TestTenants.PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page.locator("h1")).hasText("Two-factor authentication");
        page.locator("#code").fill(Totp.code(secret, step + 1));
        page.locator("#verify-code").click();
        assertThat(page.locator("#user-menu")).isVisible();
        page.navigate(base + "/account");
        assertThat(page.locator("#two-factor")).containsText("On");
    }

    private String adminRoleId(String token) {
        var roles = api.get("/api/v1/roles", token).json();
        for (var role : roles.path("items")) {
            if (role.path("name").asString().equals("Admin")) {
                return role.path("id").asString();
            }
        }
        throw new AssertionError("no Admin role");
    }

    private void signIn(String tenant, String username, String password) {
        page.navigate(base + "/login");
        page.locator("#tenant").fill(tenant);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#sign-in").click();
        assertThat(page.locator("#user-menu")).isVisible();
    }
}
