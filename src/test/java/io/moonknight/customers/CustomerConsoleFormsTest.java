package io.moonknight.customers;

import static io.moonknight.testsupport.FormPages.assertFieldError;
import static io.moonknight.testsupport.FormPages.assertNoFieldError;
import static io.moonknight.testsupport.FormPages.assertSavedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The customer form over plain HTTP: blank, too long and malformed input (phones, emails, coordinates) comes back on
 * the form with the error on the input that holds it, never a 500, and valid input is saved.
 */
@IntegrationTest
class CustomerConsoleFormsTest {

    static final String LONG = "x".repeat(400);

    @LocalServerPort
    int port;

    Api api;
    TestTenants.TenantFixture tenant;
    ConsoleSession console;

    @BeforeEach
    void signIn() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        console = ConsoleSession.admin(api, tenant.slug());
    }

    @Test
    void aBlankCustomerNamesTheNameAndTheContactInputs() {
        var blank = create(Map.of());
        assertFieldError(blank, "firstName", "enter the customer's first or last name");
        assertFieldError(blank, "phone1", "give at least one phone number or email address");
        assertNoFieldError(blank, "email1");
        assertNoFieldError(blank, "install.latitude");

        var business = create(Map.of("type", "BUSINESS", "email1", "office@isp.test"));
        assertFieldError(business, "companyName", "a business customer needs a company name");
        assertThat(business.body()).as("what was typed stays").contains("value=\"office@isp.test\"");
    }

    @Test
    void malformedPhonesEmailsAndAddressLinesAreMarkedAllAtOnce() {
        var garbage = create(Map.of(
                "firstName", "Nadia",
                "phone1", "not a phone",
                "phone2", "+880 1711-123456",
                "email1", "nobody",
                "install.line1", LONG,
                "install.postalCode", LONG,
                "accountNumber", "no spaces allowed",
                "type", "ROBOT",
                "status", "WHATEVER"));
        assertFieldError(garbage, "phone1", "must be a phone number");
        assertNoFieldError(garbage, "phone2");
        assertFieldError(garbage, "email1", "must be an email address");
        assertFieldError(garbage, "install.line1", "at most 200 characters");
        assertFieldError(garbage, "install.postalCode", "at most 20 characters");
        assertFieldError(garbage, "accountNumber", "must be 1-40 letters");
        assertThat(garbage.body())
                .as("the unknown type and status")
                .contains("class=\"form-check-input is-invalid\" type=\"radio\" name=\"type\"")
                .containsPattern("class=\"form-select is-invalid\" id=\"status\"")
                .contains("choose one of the options");

        var tooLong = create(Map.of(
                "firstName",
                LONG,
                "phone1",
                "+880 1711-123456",
                "companyName",
                LONG,
                "notes",
                "n".repeat(4001),
                "tags",
                "ok, " + "t".repeat(41)));
        assertFieldError(tooLong, "firstName", "at most 80 characters");
        assertFieldError(tooLong, "companyName", "at most 160 characters");
        assertFieldError(tooLong, "notes", "at most 4000 characters");
        assertFieldError(tooLong, "tags", "at most 20 tags of 1-40 characters");
    }

    @Test
    void garbageCoordinatesAreMarkedOnTheirInputs() {
        var words = create(valid(Map.of("install.latitude", "north", "install.longitude", "Infinity")));
        assertFieldError(words, "install.latitude", "enter a number");
        assertFieldError(words, "install.longitude", "enter a number");

        var outOfRange = create(valid(Map.of("install.latitude", "95", "install.longitude", "-181")));
        assertFieldError(outOfRange, "install.latitude", "latitude must be between -90 and 90");
        assertFieldError(outOfRange, "install.longitude", "longitude must be between -180 and 180");

        var half = create(valid(Map.of("install.latitude", "23.7", "install.longitude", "")));
        assertFieldError(half, "install.longitude", "a map pin needs both latitude and longitude");
        assertNoFieldError(half, "install.latitude");
    }

    @Test
    void validInputIsSavedAndTheEditFormOpensFilledAndRefusesTheSameMistakes() {
        String id = assertSavedTo(
                create(valid(Map.of(
                        "email1", "nadia@isp.test",
                        "tags", "vip, fibre, vip",
                        "install.line1", "12 Road 5",
                        "install.latitude", "23,7465",
                        "install.longitude", "90.376",
                        "billing.line1", "PO Box 7",
                        "billing.city", "Dhaka"))),
                "/customers/");
        var saved = api.get("/api/v1/customers/" + id, tenant.adminToken());
        assertThat(saved.text("firstName")).isEqualTo("Nadia");
        assertThat(saved.json().path("phones").get(0).asString()).isEqualTo("+8801711123456");
        assertThat(saved.json().path("tags")).hasSize(2);
        assertThat(saved.json().path("installationAddress").path("latitude").asDouble())
                .isEqualTo(23.7465);
        assertThat(saved.json().path("billingAddress").path("line1").asString()).isEqualTo("PO Box 7");

        String edit = "/customers/" + id + "/edit";
        assertThat(console.page(edit).body())
                .contains("value=\"Nadia\"", "value=\"nadia@isp.test\"", "value=\"vip, fibre\"", "value=\"23.7465\"")
                .containsPattern("value=\"INDIVIDUAL\"[^>]*checked")
                .containsPattern("value=\"ACTIVE\"[^>]*selected")
                .doesNotContainPattern("id=\"billingSame\"[^>]*checked");

        var cleared = console.submit(edit, edit, Map.of("firstName", "", "lastName", "", "phone1", "", "email1", ""));
        assertFieldError(cleared, "firstName", "enter the customer's first or last name");
        assertFieldError(cleared, "phone1", "give at least one phone number or email address");
        assertThat(console.submit(edit, edit, Map.of("firstName", "Nadia", "phone1", "x", "install.latitude", "up"))
                        .status())
                .isIn(200, 400);

        assertSavedTo(
                console.submit(edit, edit, valid(Map.of("firstName", "Nadia R.", "billingSame", "true"))),
                "/customers/" + id);
        var renamed = api.get("/api/v1/customers/" + id, tenant.adminToken());
        assertThat(renamed.text("firstName")).isEqualTo("Nadia R.");
        assertThat(renamed.json().path("billingSameAsInstallation").asBoolean()).isTrue();
    }

    private Api.Response create(Map<String, String> typed) {
        var fields = new HashMap<String, String>();
        for (String name : new String[] {
            "type",
            "firstName",
            "lastName",
            "companyName",
            "phone1",
            "phone2",
            "email1",
            "email2",
            "status",
            "accountNumber",
            "tags",
            "notes",
            "install.line1",
            "install.postalCode",
            "install.latitude",
            "install.longitude"
        }) {
            fields.put(name, "");
        }
        fields.put("type", "INDIVIDUAL");
        fields.put("status", "LEAD");
        fields.putAll(typed);
        return console.submit("/customers/new", "/customers/new", fields);
    }

    private static Map<String, String> valid(Map<String, String> more) {
        var fields = new HashMap<>(Map.of("firstName", "Nadia", "phone1", "+880 1711-123456", "status", "ACTIVE"));
        fields.putAll(more);
        return fields;
    }
}
