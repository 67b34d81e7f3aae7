package io.moonknight.subscriptions;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.Browser;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Setting up a service from the console: pool, plan, subscription from the customer page, suspension. */
@IntegrationTest
class ServiceConsoleBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    String base;
    Api api;
    TestTenants.TenantFixture tenant;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void shutdown() {
        browser.close();
    }

    @BeforeEach
    void signIn() {
        base = "http://localhost:" + port;
        api = new Api(port);
        tenant = new TestTenants(api).create();
        context = browser.chromium()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844));
        page = context.newPage();
        page.navigate(base + "/login");
        page.locator("#tenant").fill(tenant.slug());
        page.locator("#username").fill("admin");
        page.locator("#password").fill(TestTenants.PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page.locator("#user-menu")).isVisible();
    }

    @AfterEach
    void close() {
        context.close();
    }

    @Test
    void aPoolAPlanAndASubscriptionFromTheCustomerPageOnAPhone() {
        page.navigate(base + "/network/pools/new");
        page.locator("#name").fill("Static");
        page.locator("#prefix").fill("192.0.2.0/28");
        page.locator("#purpose").selectOption("STATIC");
        page.locator("#gateway").fill("192.0.2.99");
        page.locator("#pool-form button[type=submit]").click();
        assertThat(page.locator("#gateway")).hasClass(Pattern.compile("is-invalid"));
        page.locator("#gateway").fill("192.0.2.1");
        page.locator("#pool-form button[type=submit]").click();
        assertThat(page.locator("#pool-usage")).containsText("0 allocated of 13 usable");

        page.navigate(base + "/plans/new");
        page.locator("#code").fill("FIBRE-50");
        page.locator("#name").fill("Fibre 50");
        page.locator("#price").fill("35");
        page.locator("#downloadKbps").fill("50000");
        page.locator("#uploadKbps").fill("20000");
        page.locator("#downloadBurstRate").fill("80000");
        page.locator("#downloadBurstThreshold").fill("90000");
        page.locator("#downloadBurstSeconds").fill("16");
        page.locator("#plan-form button[type=submit]").click();
        assertThat(page.locator("#downloadBurstRate + .invalid-feedback")).containsText("below the burst rate");
        page.locator("#downloadBurstThreshold").fill("40000");
        page.locator("#time0Name").fill("Night");
        page.locator("#time0From").fill("01:00");
        page.locator("#time0To").fill("07:00");
        page.locator("#time0Down").fill("100000");
        page.locator("#time0Up").fill("50000");
        page.locator("#plan-form button[type=submit]").click();
        assertThat(page.locator("#radius-mikrotik")).containsText("Mikrotik-Rate-Limit");
        assertThat(page.locator("#radius-cisco")).containsText("ip:sub-qos-policy-out=MK-DOWN-");

        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Tab",
                                "lastName",
                                "Test",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        page.navigate(base + "/customers/" + customer + "?tab=subscriptions");
        page.locator("#add-subscription").click();
        assertThat(page.locator("#planId")).hasValue("");
        assertThat(page.locator("#planId option").nth(1)).containsText("Fibre 50 - BDT 35");
        assertThat(page.locator("#macAddress")).isHidden();
        page.locator("#accessType").selectOption("IPOE");
        assertThat(page.locator("#macAddress")).isVisible();
        assertThat(page.locator("#circuitId")).isVisible();
        assertThat(page.locator("#username")).isHidden();
        page.locator("#accessType").selectOption("PPPOE");
        page.locator("#planId").selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        page.locator("#username").fill("tab.test");
        page.locator("#ipv4Mode").selectOption("STATIC");
        page.locator("#ipv4PoolId")
                .selectOption(
                        new com.microsoft.playwright.options.SelectOption().setLabel("Static (192.0.2.0/28, STATIC)"));
        page.locator("#subscription-form button[type=submit]").click();
        assertThat(page.locator("h1")).containsText("tab.test");
        assertThat(page.locator("h1 .badge")).hasText("active");
        page.locator("#show-credentials").click();
        assertThat(page.locator("#credential-values")).containsText("tab.test /");

        assertThat(page.locator("#terminate-form")).isHidden();
        page.locator("#status-form input[name=reason]").fill("non-payment");
        page.locator("#status-form button[type=submit]").click();
        assertThat(page.locator("h1 .badge")).hasText("suspended");
        assertThat(page.locator("#subscription-log")).containsText("suspend");
        page.locator("#resume").click();
        assertThat(page.locator("h1 .badge")).hasText("active");
        assertThat(page.locator("#sessions-panel #cycle-usage")).containsText("0.00 GB down");
        assertThat(page.locator("#sessions-panel canvas[data-drawn=true]")).isVisible();
        assertThat(page.locator("#session-list")).containsText("No sessions yet");

        page.navigate(base + "/customers/" + customer + "?tab=subscriptions");
        assertThat(page.locator("#customer-subscriptions")).containsText("tab.test");
        assertThat(page.locator("#customer-subscriptions")).containsText("192.0.2.2");

        page.navigate(base + "/network/pools");
        assertThat(page.locator("#pool-cards")).containsText("1 of 13 in use");

        page.navigate(base + "/radius/sessions");
        assertThat(page.locator("#session-table")).containsText("Nobody is online");
    }
}
