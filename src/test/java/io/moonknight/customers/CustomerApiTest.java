package io.moonknight.customers;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Tag("smoke")
class CustomerApiTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        tenant = tenants.create();
    }

    @Test
    void aCustomerIsCreatedWithAGeneratedAccountNumberAndChangesLandOnTheTimeline() {
        var created =
                api.post("/api/v1/customers", customer("Nadia", "Rahman", "+880 1711-123456"), tenant.adminToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("accountNumber")).isEqualTo("C-000001");
        assertThat(created.text("displayName")).isEqualTo("Nadia Rahman");
        assertThat(created.json().path("phones").get(0).asString()).isEqualTo("+8801711123456");
        assertThat(created.text("status")).isEqualTo("LEAD");
        assertThat(created.json().path("installationAddress").path("latitude").asDouble())
                .isEqualTo(23.7465);
        String id = created.text("id");

        var second = api.post("/api/v1/customers", customer("Rafiq", "Islam", "+8801811000000"), tenant.adminToken());
        assertThat(second.text("accountNumber")).isEqualTo("C-000002");

        var body = new HashMap<>(customer("Nadia", "Rahman-Khan", "+8801711123456"));
        body.put("status", "ACTIVE");
        body.put("area", "Gulshan");
        var updated = api.put("/api/v1/customers/" + id, body, tenant.adminToken());
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(updated.text("accountNumber")).isEqualTo("C-000001");

        var history = api.get("/api/v1/customers/" + id + "/history", tenant.adminToken())
                .json()
                .path("items");
        assertThat(history).hasSize(2);
        assertThat(history.get(0).path("kind").asString()).isEqualTo("customer.updated");
        JsonNode changes = history.get(0).path("details").path("changes");
        assertThat(changes.path("name").path("to").asString()).isEqualTo("Nadia Rahman-Khan");
        assertThat(changes.path("status").path("from").asString()).isEqualTo("LEAD");
        assertThat(changes.path("area").path("to").asString()).isEqualTo("Gulshan");
        assertThat(history.get(0).path("actorName").asString()).startsWith("Admin");
        assertThat(history.get(1).path("kind").asString()).isEqualTo("customer.created");
    }

    @Test
    void theAccountNumberFormatIsTheTenantsChoice() {
        var changed =
                api.put("/api/v1/customer-settings", Map.of("accountNumberFormat", "DHK-{seq:4}"), tenant.adminToken());
        assertThat(changed.text("example")).isEqualTo("DHK-0123");
        assertThat(api.post("/api/v1/customers", customer("A", "B", "+8801711000001"), tenant.adminToken())
                        .text("accountNumber"))
                .isEqualTo("DHK-0001");
        var bad = api.put("/api/v1/customer-settings", Map.of("accountNumberFormat", "C-0000"), tenant.adminToken());
        assertThat(bad.status()).isEqualTo(400);
        assertThat(fields(bad)).contains("accountNumberFormat");

        var given = new HashMap<>(customer("C", "D", "+8801711000002"));
        given.put("accountNumber", "LEGACY-77");
        assertThat(api.post("/api/v1/customers", given, tenant.adminToken()).text("accountNumber"))
                .isEqualTo("LEGACY-77");
        var duplicate = api.post("/api/v1/customers", given, tenant.adminToken());
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("type")).endsWith("/account-number-taken");
    }

    @Test
    void invalidPhonesEmailsNamesAndPinsAreRefusedNamingTheField() {
        assertThat(fields(create(Map.of("phones", List.of("call me maybe"))))).contains("phones[0]");
        assertThat(fields(create(Map.of("emails", List.of("not@mail"))))).contains("emails[0]");
        assertThat(fields(create(Map.of("firstName", "", "lastName", "")))).contains("firstName");
        assertThat(fields(create(Map.of("type", "BUSINESS")))).contains("companyName");
        assertThat(fields(create(Map.of("phones", List.of(), "emails", List.of()))))
                .contains("phones");
        assertThat(fields(create(Map.of("installationAddress", Map.of("latitude", 95.0, "longitude", 90.0)))))
                .contains("installationAddress");
        assertThat(fields(create(Map.of("installationAddress", Map.of("latitude", 23.0)))))
                .contains("installationAddress");
        assertThat(fields(create(Map.of("tags", List.of("x".repeat(41)))))).contains("tags[0]");
        assertThat(create(Map.of("status", "SLEEPING")).status()).isEqualTo(400);
    }

    @Test
    void customFieldsAreValidatedOnSave() {
        api.post(
                "/api/v1/customer-fields",
                Map.of(
                        "key",
                        "connection",
                        "label",
                        "Connection",
                        "type",
                        "CHOICE",
                        "required",
                        true,
                        "choices",
                        List.of("Fibre", "Wireless")),
                tenant.adminToken());
        api.post(
                "/api/v1/customer-fields",
                Map.of("key", "monthly_usage", "label", "Usage (GB)", "type", "NUMBER"),
                tenant.adminToken());
        assertThat(fields(create(Map.of()))).contains("customFields.connection");
        assertThat(fields(create(Map.of("customFields", Map.of("connection", "Satellite")))))
                .contains("customFields.connection");
        assertThat(fields(create(Map.of("customFields", Map.of("connection", "fibre", "monthly_usage", "lots")))))
                .contains("customFields.monthly_usage");
        assertThat(fields(create(Map.of("customFields", Map.of("connection", "fibre", "shoe_size", "42")))))
                .contains("customFields.shoe_size");
        var ok = create(Map.of("customFields", Map.of("connection", "fibre", "monthly_usage", "120.50")));
        assertThat(ok.status()).as(ok.toString()).isEqualTo(201);
        assertThat(ok.json().path("customFields").path("connection").asString()).isEqualTo("Fibre");
        assertThat(ok.json().path("customFields").path("monthly_usage").asString())
                .isEqualTo("120.5");
    }

    @Test
    void searchFindsByNamePrefixTypoPhoneAccountIdAddressAndTag() {
        var nadia = new HashMap<>(customer("Nadia", "Rahman", "+8801711123456"));
        nadia.put("nationalId", "1990123456789");
        nadia.put("tags", List.of("vip"));
        nadia.put("area", "Dhanmondi");
        nadia.put("installationAddress", Map.of("line1", "7 Lake Circus", "city", "Dhaka"));
        String id = api.post("/api/v1/customers", nadia, tenant.adminToken()).text("id");
        api.post("/api/v1/customers", customer("Rafiq", "Islam", "+8801811999888"), tenant.adminToken());
        for (String q : List.of(
                "nadia",
                "nad",
                "rahmna",
                "rhaman",
                "nadia rahman",
                "nadia rahmn",
                "dhanmodi nadia",
                "01711123456",
                "+880 1711",
                "C-000001",
                "1990123456789",
                "lake circus",
                "vip",
                "dhanmondi")) {
            var found = api.get(
                    "/api/v1/customers?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                    tenant.adminToken());
            assertThat(found.status()).isEqualTo(200);
            assertThat(ids(found)).as(q).containsExactly(id);
        }
        assertThat(ids(api.get("/api/v1/customers?status=LEAD&area=Dhanmondi&tag=vip", tenant.adminToken())))
                .containsExactly(id);
        assertThat(ids(api.get("/api/v1/customers?tag=gold", tenant.adminToken())))
                .isEmpty();
        assertThat(api.get("/api/v1/customers?sort=name,desc", tenant.adminToken())
                        .json()
                        .path("items")
                        .get(0)
                        .path("displayName")
                        .asString())
                .isEqualTo("Rafiq Islam");
        assertThat(api.get("/api/v1/customers?sort=passwordHash", tenant.adminToken())
                        .status())
                .isEqualTo(400);
    }

    @Test
    void theFilteredListExportsAsCsv() {
        var tagged = new HashMap<>(customer("Nadia", "Rahman", "+8801711123456"));
        tagged.put("tags", List.of("export-me"));
        api.post("/api/v1/customers", tagged, tenant.adminToken());
        api.post("/api/v1/customers", customer("=cmd", "Evil", "+8801811999888"), tenant.adminToken());
        var csv = api.get("/api/v1/customers/export?tag=export-me", tenant.adminToken());
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        assertThat(csv.body())
                .startsWith("account number,name,status")
                .contains("Nadia Rahman")
                .doesNotContain("Evil");
        assertThat(api.get("/api/v1/customers/export", tenant.adminToken()).body())
                .contains("'=cmd Evil");
    }

    @Test
    void readersCannotWrite() {
        var reader = tenants.userWith(tenant, Set.of("customers:read"));
        assertThat(api.get("/api/v1/customers", reader.token()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/customers", customer("A", "B", "+8801711000001"), reader.token())
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/v1/customers/export", reader.token()).status()).isEqualTo(403);
    }

    private Api.Response create(Map<String, Object> overrides) {
        var body = new HashMap<>(customer("Test", "Person", "+8801711000009"));
        body.putAll(overrides);
        return api.post("/api/v1/customers", body, tenant.adminToken());
    }

    private static Map<String, Object> customer(String first, String last, String phone) {
        return Map.of(
                "type",
                "INDIVIDUAL",
                "firstName",
                first,
                "lastName",
                last,
                "phones",
                List.of(phone),
                "emails",
                List.of(first.toLowerCase().replaceAll("[^a-z]", "x") + "@example.com"),
                "installationAddress",
                Map.of("line1", "12 Road 5", "city", "Dhaka", "latitude", 23.7465, "longitude", 90.376));
    }

    private static List<String> fields(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        var fields = new ArrayList<String>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
        return fields;
    }

    private static List<String> ids(Api.Response response) {
        var ids = new ArrayList<String>();
        response.json().path("items").forEach(item -> ids.add(item.path("id").asString()));
        return ids;
    }
}
