package io.moonknight.customers;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.Browser;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestFiles;
import io.moonknight.testsupport.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Support staff's daily work with a customer, in a real Chromium. */
@IntegrationTest
class CustomerBrowserTest {

    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    String base;
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
        tenant = new TestTenants(new Api(port)).create();
        context = browser.chromium().newContext();
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
    void createACustomerPinTheAddressUploadADocumentAndVerifyIt() {
        page.navigate(base + "/customers");
        page.locator("#new-customer").click();
        page.locator("#firstName").fill("Nadia");
        page.locator("#lastName").fill("Rahman");
        page.locator("#phone1").fill("not a phone");
        page.locator("#save-customer").click();
        assertThat(page.locator("#phone1")).hasClass(java.util.regex.Pattern.compile("is-invalid"));
        assertThat(page.locator("#phone1 + .invalid-feedback")).containsText("phone number");

        page.locator("#phone1").fill("+880 1711-123456");
        page.locator("#area").fill("Dhanmondi");
        page.locator("[id='install.line1']").fill("12 Road 5");
        page.locator("[id='install.city']").fill("Dhaka");
        page.locator("#pin-map").click();
        assertThat(page.locator("[id='install.latitude']")).not().hasValue("");
        String latitude = page.locator("[id='install.latitude']").inputValue();
        page.locator("#save-customer").click();

        assertThat(page.locator(".alert-success")).containsText("Customer C-000001 created.");
        assertThat(page.locator("#customer-name")).hasText("Nadia Rahman");
        assertThat(page.locator("#pin-text")).containsText(latitude.replaceAll("0+$", ""));

        page.locator("#tab-documents").click();
        page.locator("#doc-type").selectOption("national-id");
        page.locator("#doc-file").setInputFiles(new FilePayload("nid scan.pdf", "application/pdf", TestFiles.pdf()));
        page.locator("#upload-document").click();
        assertThat(page.locator(".alert-success")).containsText("Document uploaded");
        assertThat(page.locator("#document-table")).containsText("nid scan.pdf");
        assertThat(page.locator("#document-table")).containsText("pending");

        page.locator(".verify-document").first().click();
        assertThat(page.locator(".alert-success")).containsText("Document verified.");
        assertThat(page.locator("#document-table")).containsText("verified");

        page.locator("#tab-history").click();
        assertThat(page.locator("#timeline")).containsText("Document verified");
        assertThat(page.locator("#timeline")).containsText("Customer created");

        page.locator("#tab-map").click();
        assertThat(page.locator("#customer-map .leaflet-marker-icon")).hasCount(1);
    }

    @Test
    void theListSearchesAsYouType() {
        var api = new Api(port);
        for (String name : new String[] {"Farhana Das", "Faisal Khan", "Omar Haque"}) {
            String[] parts = name.split(" ");
            api.post(
                    "/api/v1/customers",
                    java.util.Map.of(
                            "type",
                            "INDIVIDUAL",
                            "firstName",
                            parts[0],
                            "lastName",
                            parts[1],
                            "phones",
                            java.util.List.of("+8801711" + Math.abs(name.hashCode() % 1000000))),
                    tenant.adminToken());
        }
        page.navigate(base + "/customers");
        assertThat(page.locator("#customer-table tbody tr")).hasCount(3);
        page.locator("#q").fill("farhna");
        assertThat(page.locator("#customer-table tbody tr")).hasCount(1);
        assertThat(page.locator("#customer-table")).containsText("Farhana Das");
        assertThat(page.url()).contains("q=farhna");
    }
}
