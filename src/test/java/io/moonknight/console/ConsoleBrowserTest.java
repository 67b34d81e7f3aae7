package io.moonknight.console;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.moonknight.identity.domain.Totp;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.Browser;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The console in a real Chromium: what staff do, and what a custom role lets them see. */
@IntegrationTest
class ConsoleBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
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
        tenants = new TestTenants(new Api(port));
        base = "http://localhost:" + port;
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void anAdminBuildsACustomRoleAndItsUserSeesOnlyWhatTheRoleAllows() {
        var tenant = tenants.create();
        signIn(tenant.slug(), "admin", TestTenants.PASSWORD);
        assertThat(page.locator("h1")).hasText("Dashboard");
        assertThat(page.locator("#sidebar")).containsText("Roles");

        page.navigate(base + "/roles");
        page.locator("#new-role").click();
        page.locator("#name").fill("Staff auditor");
        page.locator("#description").fill("Looks at staff, changes nothing");
        for (String permission : new String[] {"users:read", "tenant:read", "dashboard:view"}) {
            page.locator("input[type=checkbox][value='" + permission + "']").check();
        }
        page.locator("#save-role").click();
        assertThat(page.locator(".alert-success")).containsText("Role Staff auditor created.");

        page.navigate(base + "/users");
        page.locator("#new-user").click();
        page.locator("#username").fill("auditor");
        page.locator("#fullName").fill("Ada Auditor");
        page.locator("#email").fill("ada@isp.test");
        page.locator("#password").fill("short");
        page.getByLabel("Staff auditor").check();
        page.locator("#create-user").click();
        assertThat(page.locator(".invalid-feedback").first()).containsText("at least 10 characters");
        page.locator("#password").fill(TestTenants.PASSWORD);
        page.getByLabel("Staff auditor").check();
        page.locator("#create-user").click();
        assertThat(page.locator(".alert-success")).containsText("User auditor created.");

        signOut();
        signIn(tenant.slug(), "auditor", TestTenants.PASSWORD);
        var sidebar = page.locator("#sidebar");
        assertThat(sidebar).containsText("Staff users");
        assertThat(sidebar).not().containsText("Roles");
        assertThat(sidebar).not().containsText("ISP settings");

        page.navigate(base + "/users");
        assertThat(page.locator("#user-results")).containsText("auditor");
        assertThat(page.locator("#new-user")).hasCount(0);
        page.locator("#q").fill("ada");
        assertThat(page.locator("#user-results tbody tr")).hasCount(1);

        var denied = page.navigate(base + "/roles");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(page.locator("body")).containsText("You do not have permission");
        assertThat(page.navigate(base + "/settings/tenant").status()).isEqualTo(403);
    }

    @Test
    void theOperatorCreatesAndSuspendsATenantWhoseUsersAreToldWhy() {
        signIn("", TestTenants.OPERATOR, TestTenants.OPERATOR_PASSWORD);
        assertThat(page.locator("#tenant-name")).hasText("Platform");
        page.navigate(base + "/platform/tenants");
        page.locator("#new-tenant").click();
        String slug = "br" + Long.toString(System.nanoTime(), 36);
        page.locator("#slug").fill(slug);
        page.locator("#name").fill("Browser Fibre");
        page.locator("#timezone").fill("Asia/Dhaka");
        page.locator("#currency").fill("BDT");
        page.locator("#adminFullName").fill("Bea Owner");
        page.locator("#adminEmail").fill("bea@fibre.test");
        page.locator("#adminPassword").fill(TestTenants.PASSWORD);
        page.locator("#create-tenant").click();
        assertThat(page.locator(".alert-success")).containsText("Tenant " + slug + " created");

        page.locator("#reason").fill("Platform invoice unpaid");
        page.onDialog(dialog -> dialog.accept());
        page.getByText("Suspend tenant").click();
        assertThat(page.locator(".alert-warning")).containsText("Platform invoice unpaid");
        signOut();

        // On the tenant's own subdomain the login page names the ISP and needs no tenant field.
        page.navigate("http://" + slug + ".localhost:" + port + "/login");
        assertThat(page.locator("main")).containsText("Sign in to Browser Fibre");
        assertThat(page.locator("#tenant")).hasCount(0);
        page.locator("#username").fill("admin");
        page.locator("#password").fill(TestTenants.PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page.locator("#login-error")).containsText("Platform invoice unpaid");
    }

    @Test
    void aRoleRequiringTwoFactorMakesItsUsersEnrolAtTheirNextLogin() {
        var api = new Api(port);
        var tenant = tenants.create();
        var user = tenants.userWith(tenant, java.util.Set.of("tenant:read", "dashboard:view"));
        String roleId = api.get("/api/v1/users/" + user.id(), tenant.adminToken())
                .json()
                .path("roles")
                .get(0)
                .path("id")
                .asString();
        api.put("/api/v1/roles/" + roleId + "/two-factor", java.util.Map.of("required", true), tenant.adminToken());

        page.navigate(base + "/login");
        page.locator("#tenant").fill(tenant.slug());
        page.locator("#username").fill(user.username());
        page.locator("#password").fill(TestTenants.PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page.locator("h1")).hasText("Set up two-factor authentication");
        assertThat(page.locator("#qr-code")).isVisible();
        String secret = page.locator("#totp-secret").textContent().strip();

        page.locator("#code").fill("000000".equals(Totp.code(secret, Totp.step(Instant.now()))) ? "111111" : "000000");
        page.locator("#confirm-enrolment").click();
        assertThat(page.locator("#code-error")).isVisible();

        long step = Totp.step(Instant.now());
        page.locator("#code").fill(Totp.code(secret, step));
        page.locator("#confirm-enrolment").click();
        assertThat(page.locator("#recovery-codes li")).hasCount(10);
        page.locator("#continue").click();
        assertThat(page.locator("h1")).hasText("Dashboard");

        signOut();
        page.navigate(base + "/login");
        page.locator("#tenant").fill(tenant.slug());
        page.locator("#username").fill(user.username());
        page.locator("#password").fill(TestTenants.PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page.locator("h1")).hasText("Two-factor authentication");
        page.locator("#code").fill(Totp.code(secret, step));
        page.locator("#verify-code").click();
        assertThat(page.locator("#code-error")).isVisible(); // the enrolment's time step is spent
        page.locator("#code").fill(Totp.code(secret, step + 1));
        page.locator("#verify-code").click();
        assertThat(page.locator("h1")).hasText("Dashboard");
        page.navigate(base + "/account");
        assertThat(page.locator("#two-factor")).containsText("On");
    }

    @Test
    void theConsoleWorksOnAPhone() {
        context.close();
        context = browser.chromium()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions()
                        .setViewportSize(390, 844)
                        .setIsMobile(true)
                        .setHasTouch(true));
        page = context.newPage();
        var tenant = tenants.create();
        signIn(tenant.slug(), "admin", TestTenants.PASSWORD);
        assertThat(page.locator("#sidebar .nav-link").first()).not().isVisible();
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Menu"))
                .click();
        assertThat(page.locator("#sidebar")).containsText("Staff users");
        page.locator("#sidebar").getByText("Staff users").click();
        assertThat(page.locator("h1")).hasText("Staff users");
        // measured once the style sheets have applied: before that a table is as wide as its content
        page.waitForLoadState(com.microsoft.playwright.options.LoadState.LOAD);
        page.waitForFunction("() => getComputedStyle(document.querySelector('.table-responsive') ?? document.body)"
                + ".overflowX !== 'visible' || !document.querySelector('.table-responsive')");
        int scrollWidth = ((Number) page.evaluate("document.documentElement.scrollWidth")).intValue();
        assertThat(scrollWidth).isLessThanOrEqualTo(390);
    }

    private void signIn(String tenant, String username, String password) {
        page.navigate(base + "/login");
        page.locator("#tenant").fill(tenant);
        page.locator("#username").fill(username);
        page.locator("#password").fill(password);
        page.locator("#sign-in").click();
        assertThat(page.locator("#user-menu")).isVisible();
    }

    private void signOut() {
        page.locator("#user-menu").click();
        page.locator("#logout-button").click();
        assertThat(page.locator("body")).containsText("You have logged out.");
    }
}
