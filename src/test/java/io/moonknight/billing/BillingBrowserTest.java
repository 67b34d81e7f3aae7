package io.moonknight.billing;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.Browser;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A billing clerk's day on a phone: preview and run billing, open the invoice, take a payment. */
@IntegrationTest
class BillingBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;

    @BeforeAll
    static void launch() {
        browser = new Browser();
    }

    @AfterAll
    static void shutdown() {
        browser.close();
    }

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void runBillingAndRecordAPayment() {
        String base = "http://localhost:" + port;
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        String plan = api.post(
                        "/api/v1/plans",
                        Map.of(
                                "code",
                                "B",
                                "name",
                                "Browser plan",
                                "billingType",
                                "MONTHLY_POSTPAID",
                                "price",
                                "800",
                                "downloadKbps",
                                10_000,
                                "uploadKbps",
                                5_000),
                        tenant.adminToken())
                .text("id");
        String customer = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Pay",
                                "lastName",
                                "Ment",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        api.post(
                "/api/v1/subscriptions",
                Map.of(
                        "customerId",
                        customer,
                        "planId",
                        plan,
                        "activate",
                        true,
                        "service",
                        Map.of(
                                "accessType",
                                "PPPOE",
                                "username",
                                "pay.ment",
                                "startDate",
                                TestTenants.today().minusMonths(2).toString())),
                tenant.adminToken());

        context = browser.chromium()
                .newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(390, 844));
        Page page = context.newPage();
        page.onDialog(dialog -> dialog.accept());
        page.navigate(base + "/login");
        page.locator("#tenant").fill(tenant.slug());
        page.locator("#username").fill("admin");
        page.locator("#password").fill(TestTenants.PASSWORD);
        page.locator("#sign-in").click();
        assertThat(page.locator("#user-menu")).isVisible();

        page.navigate(base + "/billing/settings");
        assertThat(page.locator("[name='dunningSteps[2].days']")).hasValue("7");
        assertThat(page.locator("[name='dunningSteps[2].action']")).hasValue("SUSPEND");
        page.locator("#invoiceNumberFormat").fill("INV-{yyyy}");
        page.locator("#add-tax-rate").click();
        page.locator("[name='taxRates[0].taxClass']").fill("standard");
        page.locator("[name='taxRates[0].name']").fill("VAT");
        page.locator("[name='taxRates[0].percent']").fill("5");
        page.locator("[name='taxRates[0].inclusive']").selectOption("true");
        page.locator("#save-settings").click();
        assertThat(page.locator("#invoiceNumberFormat")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("[name='taxRates[0].percent']")).hasValue("5");
        page.locator("#invoiceNumberFormat").fill("INV-{yyyy}-{seq:6}");
        page.locator("#remove-tax-rate-0").click();
        assertThat(page.locator(".tax-rate")).hasCount(0);
        page.locator("#save-settings").click();
        assertThat(page.locator(".alert-success")).containsText("Billing settings saved");

        page.navigate(base + "/billing/runs");
        page.locator("#preview-run").click();
        assertThat(page.locator("#run-preview")).containsText("pay.ment");
        assertThat(page.locator("#run-preview .preview-total")).containsText("800.00");
        assertThat(page.locator("#run-list")).containsText("No runs yet.");
        page.locator("#start-run").click();
        assertThat(page.locator("#run-list")).containsText("completed: 1 of 1, 1 invoiced");

        page.navigate(base + "/customers/" + customer + "?tab=billing");
        assertThat(page.locator("#ledger-balance")).containsText("800.00");
        page.locator("#payment-form input[name=amount]").fill("500");
        page.locator("#payment-form button[type=submit]").click();
        assertThat(page.locator("#ledger-balance")).containsText("300.00");

        page.locator("#customer-invoices a").first().click();
        assertThat(page.locator("#invoice-status")).hasText("partially paid");
        assertThat(page.locator("#invoice-lines")).containsText("Browser plan");

        // the invoice list on a phone: filters folded away until asked for, totals at the foot
        page.navigate(base + "/billing/invoices");
        assertThat(page.locator("#invoice-filters")).isHidden();
        page.locator("#toggle-invoice-filters").click();
        page.locator("#filter-customer").fill("Ment");
        page.locator("#apply-invoice-filters").click();
        assertThat(page.locator("#invoice-table")).containsText("Pay Ment");
        assertThat(page.locator("#invoice-totals .invoice-outstanding")).containsText("300.00");
        assertThat(page.locator("#invoice-filters")).isVisible();

        page.navigate(base + "/customers/" + customer + "?tab=billing");
        // a device sold and invoiced at once, a setup fee left for the run and then cancelled
        page.locator("#charge-form input[name=description]").fill("ONU router");
        page.locator("#charge-form input[name=unitPrice]").fill("1200");
        page.locator("#charge-form select[name=kind]").selectOption("DEVICE");
        page.locator("#charge-form input[name=invoiceNow]").check();
        page.locator("#charge-form button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("and invoiced");
        assertThat(page.locator("#ledger-balance")).containsText("1500.00");
        page.locator("#charge-form input[name=description]").fill("Installation");
        page.locator("#charge-form input[name=unitPrice]").fill("abc");
        page.locator("#charge-form button[type=submit]").click();
        assertThat(page.locator(".alert-danger")).containsText("enter a number");
        page.locator("#charge-form input[name=description]").fill("Installation");
        page.locator("#charge-form input[name=unitPrice]").fill("300");
        page.locator("#charge-form select[name=kind]").selectOption("SETUP_FEE");
        page.locator("#charge-form button[type=submit]").click();
        assertThat(page.locator("#customer-charges")).containsText("300.00 · pending");
        page.locator("#customer-charges button:has-text('Cancel')").click();
        assertThat(page.locator("#customer-charges")).containsText("300.00 · cancelled");

        // an overpayment, part of it paid back; the receipt opens as PDF
        page.locator("#payment-form input[name=amount]").fill("2000");
        page.locator("#payment-form button[type=submit]").click();
        assertThat(page.locator("#ledger-balance")).containsText("500.00");
        page.locator("#customer-payments summary").first().click();
        page.locator(".refund-form input[name=amount]").first().fill("200");
        page.locator(".refund-form input[name=reason]").first().fill("Overpaid");
        page.locator(".refund-form button[type=submit]").first().click();
        assertThat(page.locator(".alert-success")).containsText("Refund of 200");
        assertThat(page.locator("#ledger-balance")).containsText("300.00");
        assertThat(page.locator("#customer-payments")).containsText("refunded 200.00");

        // a data pack bought from the subscription page's panel
        api.post(
                "/api/v1/plans",
                Map.of(
                        "code",
                        "D5",
                        "name",
                        "Data 5 GB",
                        "billingType",
                        "DATA_PACK",
                        "price",
                        "200",
                        "validityDays",
                        30,
                        "quotaMb",
                        5000,
                        "downloadKbps",
                        10_000,
                        "uploadKbps",
                        5_000),
                tenant.adminToken());
        String subscription = api.get("/api/v1/subscriptions?customerId=" + customer, tenant.adminToken())
                .json()
                .path("items")
                .get(0)
                .path("id")
                .asString();
        page.navigate(base + "/subscriptions/" + subscription);
        assertThat(page.locator("#data-pack-list")).containsText("No data packs");
        page.locator("#data-pack-form button[type=submit]").click();
        assertThat(page.locator(".alert-success")).containsText("Data 5 GB bought and invoiced");
        assertThat(page.locator("#data-pack-list")).containsText("0.00 of 5.00 GB used");
    }
}
