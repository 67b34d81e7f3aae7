package io.moonknight.network;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.Browser;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What the pool's page shows of addresses a NAS reported: observed leases, and conflicts. */
@IntegrationTest
class PoolConflictBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    @Autowired
    IpAddressManagement ipam;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void shutdown() {
        browser.close();
    }

    @Test
    void thePoolPageFlagsAnAddressReportedForOneSubscriberButAllocatedToAnother() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String pool = api.post(
                        "/api/v1/ip-pools",
                        Map.of("name", "Dyn", "prefix", "10.71.0.0/24", "purpose", "DYNAMIC", "gateway", "10.71.0.1"),
                        tenant.adminToken())
                .text("id");
        UUID holder = UUID.randomUUID();
        UUID reporter = UUID.randomUUID();
        TenantContext.run(tenant.id(), () -> {
            ipam.lease(UUID.fromString(pool), holder); // 10.71.0.2
            ipam.observe("10.71.0.2", reporter);
            ipam.observe("10.71.0.9", reporter);
        });

        try (BrowserContext context = browser.chromium().newContext()) {
            Page page = context.newPage();
            String base = "http://localhost:" + port;
            page.navigate(base + "/login");
            page.locator("#tenant").fill(tenant.slug());
            page.locator("#username").fill("admin");
            page.locator("#password").fill(TestTenants.PASSWORD);
            page.locator("#sign-in").click();
            assertThat(page.locator("#user-menu")).isVisible();

            page.navigate(base + "/network/pools/" + pool);
            assertThat(page.locator("#pool-conflicts")).containsText("10.71.0.2");
            assertThat(page.locator("#pool-conflicts")).containsText("Subscription (lease)");
            assertThat(page.locator("#allocation-table")).containsText("10.71.0.9");
            assertThat(page.locator("#allocation-table")).containsText("reported by NAS");
            assertThat(page.locator("#pool-usage")).containsText("2 allocated");
        }
    }
}
