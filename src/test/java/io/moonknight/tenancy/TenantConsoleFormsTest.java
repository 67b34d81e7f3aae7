package io.moonknight.tenancy;

import static io.moonknight.testsupport.FormPages.assertFieldError;
import static io.moonknight.testsupport.FormPages.assertNoFieldError;
import static io.moonknight.testsupport.FormPages.assertSavedTo;
import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.ConsoleSession;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The tenant console forms over plain HTTP (the operator's new tenant and tenant page, an admin's own settings):
 * blank, too long and malformed input comes back on the form with the error on the right field, never a 500, and
 * valid input is saved.
 */
@IntegrationTest
class TenantConsoleFormsTest {

    static final String LONG = "x".repeat(600);

    @LocalServerPort
    int port;

    @Test
    void theNewTenantFormNamesEverySettingAndTheFirstAdminsFields() {
        var api = new Api(port);
        var operator = ConsoleSession.operator(api);
        String page = "/platform/tenants/new";

        var blank = operator.submit(
                page, page, Map.of("slug", "", "name", "", "timezone", "", "currency", "", "locale", ""));
        assertFieldError(blank, "slug", "must be 1-63 lowercase letters");
        assertFieldError(blank, "name", "must be 1-120 characters");
        assertFieldError(blank, "timezone", "not an IANA timezone");
        assertFieldError(blank, "currency", "not an ISO 4217 currency code");
        assertFieldError(blank, "locale", "not a language tag");

        var garbage = operator.submit(
                page,
                page,
                Map.of(
                        "slug",
                        "-Bad Slug-",
                        "name",
                        LONG,
                        "timezone",
                        "Mars/Olympus",
                        "currency",
                        "EURO",
                        "locale",
                        "!!"));
        assertFieldError(garbage, "slug", "must be 1-63 lowercase letters");
        assertFieldError(garbage, "name", "must be 1-120 characters");
        assertFieldError(garbage, "timezone", "not an IANA timezone");
        assertFieldError(garbage, "currency", "not an ISO 4217 currency code");
        assertFieldError(garbage, "locale", "not a language tag");

        String slug = "tf" + Long.toString(System.nanoTime(), 36);
        var badEmail = operator.submit(page, page, with(tenant(slug), "adminEmail", "owner-at-nowhere"));
        assertFieldError(badEmail, "adminEmail", "must be an email address");
        assertNoFieldError(badEmail, "slug");
        assertThat(badEmail.body()).doesNotContain(TestTenants.PASSWORD);

        var weak = operator.submit(page, page, with(tenant(slug), "adminPassword", "xq-admin-zz9"));
        assertFieldError(weak, "adminPassword", "must not contain the username");

        var badUsername = operator.submit(page, page, with(tenant(slug), "adminUsername", "Owner Of It"));
        assertFieldError(badUsername, "adminUsername", "must be 2-64 characters");

        String id = assertSavedTo(operator.submit(page, page, tenant(slug)), "/platform/tenants/");
        assertThat(operator.page("/platform/tenants/" + id).body()).contains("value=\"Asia/Dhaka\"");
        assertThat(new TestTenants(api)
                        .login(slug, "admin", TestTenants.PASSWORD)
                        .status())
                .isEqualTo(200);

        var taken = operator.submit(page, page, tenant(slug));
        assertFieldError(taken, "slug", "already exists");
    }

    @Test
    void theTenantPageShowsTheFormThatFailedAndFillsTheOtherFromTheRecord() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        var operator = ConsoleSession.operator(api);
        String page = "/platform/tenants/" + tenant.id();

        var settings = operator.submit(
                page, page, Map.of("name", " ", "timezone", "Asia/Dhaka", "currency", "usd", "locale", "en"));
        assertFieldError(settings, "name", "must be 1-120 characters");
        assertNoFieldError(settings, "currency");
        assertThat(settings.body()).contains("id=\"suspension-form\"");

        var suspension = operator.submit(page, page + "/suspend", Map.of("reason", "   "));
        assertFieldError(suspension, "reason", "must be 1-500 characters");
        assertThat(suspension.body())
                .as("the settings form comes from the record")
                .contains("value=\"Tenant " + tenant.slug() + "\"");
        assertFieldError(operator.submit(page, page + "/suspend", Map.of("reason", LONG)), "reason", "1-500");

        assertSavedTo(
                operator.submit(
                        page,
                        page,
                        Map.of("name", "Renamed ISP", "timezone", "Europe/Berlin", "currency", "eur", "locale", "de")),
                page);
        assertThat(operator.page(page).body()).contains("value=\"Renamed ISP\"", "value=\"EUR\"");
        assertSavedTo(operator.submit(page, page + "/suspend", Map.of("reason", "Platform invoice unpaid")), page);
        assertThat(operator.page(page).body()).contains("Platform invoice unpaid");
        assertSavedTo(operator.submit(page, page + "/activate", Map.of()), page);

        String unknown = "/platform/tenants/" + UUID.randomUUID();
        assertThat(operator.submit("/platform/tenants", unknown + "/activate", Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(operator.submit("/platform/tenants", unknown + "/suspend", Map.of("reason", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(operator.submit("/platform/tenants", unknown, Map.of("name", "x"))
                        .status())
                .isEqualTo(404);
    }

    @Test
    void anAdminsOwnSettingsFormRefusesBadInputAndSavesGoodInput() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        var admin = ConsoleSession.admin(api, tenant.slug());

        var bad = admin.submit(
                "/settings/tenant",
                "/settings/tenant",
                Map.of("name", "Fine ISP", "timezone", "Nowhere", "currency", "EURO", "locale", "en"));
        assertFieldError(bad, "timezone", "not an IANA timezone");
        assertFieldError(bad, "currency", "not an ISO 4217 currency code");
        assertNoFieldError(bad, "name");
        assertThat(bad.body()).contains("value=\"Fine ISP\"");

        assertSavedTo(
                admin.submit(
                        "/settings/tenant",
                        "/settings/tenant",
                        Map.of("name", "Fine ISP", "timezone", "Asia/Dhaka", "currency", "BDT", "locale", "bn-BD")),
                "/settings/tenant");
        assertThat(admin.page("/settings/tenant").body()).contains("value=\"Fine ISP\"", "value=\"bn-BD\"");
    }

    @Test
    void theTenantsListReadsItsFiltersLeniently() {
        var operator = ConsoleSession.operator(new Api(port));
        var odd = operator.page("/platform/tenants?status=NOPE&page=x&q=no-such-tenant-" + "z".repeat(300));
        assertThat(odd.status()).isEqualTo(200);
        assertThat(odd.body()).contains("No tenants match these filters.");
    }

    private static Map<String, String> tenant(String slug) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("slug", slug);
        fields.put("name", "Form Fibre");
        fields.put("timezone", "Asia/Dhaka");
        fields.put("currency", "BDT");
        fields.put("locale", "en");
        fields.put("adminUsername", "admin");
        fields.put("adminFullName", "Fay Owner");
        fields.put("adminEmail", "fay@form-fibre.test");
        fields.put("adminPassword", TestTenants.PASSWORD);
        return fields;
    }

    private static Map<String, String> with(Map<String, String> fields, String name, String value) {
        var more = new LinkedHashMap<>(fields);
        more.put(name, value);
        return more;
    }
}
