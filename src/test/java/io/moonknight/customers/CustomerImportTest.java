package io.moonknight.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
@Tag("smoke")
class CustomerImportTest {

    private static final String FILE = """
        Customer ID;Full Name;Mobile;E-mail;Zone;Status;Lat;Lng;Connection
        OLD-1;Jane Doe;+8801711000001;jane@example.com;Gulshan;active;23.79;90.41;Fibre
        OLD-2;;not a phone;bad;Gulshan;weird;;;
        OLD-3;John Smith;+8801711000003;;Gulshan;lead;;;Wireless
        OLD-1;Jane Again;+8801711000009;;;active;;;
        OLD-4;Ana Lima;01711000004;ana@example.com;Uttara;suspended;95;90;Satellite
        """;

    @LocalServerPort
    int port;

    Api api;
    TestTenants.TenantFixture tenant;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenant = new TestTenants(api).create();
        api.post(
                "/api/v1/customer-fields",
                Map.of(
                        "key",
                        "connection",
                        "label",
                        "Connection",
                        "type",
                        "CHOICE",
                        "choices",
                        java.util.List.of("Fibre", "Wireless")),
                tenant.adminToken());
    }

    @Test
    void validRowsAreImportedAndBadOnesReportedWithReasons() {
        var preview = upload(FILE);
        assertThat(preview.json().path("job").path("columns")).hasSize(9);
        JsonNode suggested = preview.json().path("suggested");
        assertThat(suggested.path("Customer ID").asString()).isEqualTo("ACCOUNT_NUMBER");
        assertThat(suggested.path("Full Name").asString()).isEqualTo("FULL_NAME");
        assertThat(suggested.path("Connection").asString()).isEqualTo("custom:connection");
        assertThat(preview.json().path("sample")).hasSize(5);

        var done = run(preview);
        assertThat(done.path("status").asString()).isEqualTo("COMPLETED");
        assertThat(done.path("totalRows").asInt()).isEqualTo(5);
        assertThat(done.path("createdCount").asInt()).isEqualTo(2);
        assertThat(done.path("rejectedCount").asInt()).isEqualTo(3);

        var jane = api.get("/api/v1/customers?q=OLD-1", tenant.adminToken())
                .json()
                .path("items")
                .get(0);
        assertThat(jane.path("displayName").asString()).isEqualTo("Jane Doe");
        assertThat(jane.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(jane.path("latitude").asDouble()).isEqualTo(23.79);
        String janeId = jane.path("id").asString();
        assertThat(api.get("/api/v1/customers/" + janeId, tenant.adminToken())
                        .json()
                        .path("customFields")
                        .path("connection")
                        .asString())
                .isEqualTo("Fibre");
        assertThat(api.get("/api/v1/customers/" + janeId + "/history", tenant.adminToken())
                        .body())
                .contains("customer.imported");

        String report = api.get(
                        "/api/v1/customers/imports/" + done.path("id").asString() + "/rejected", tenant.adminToken())
                .body();
        assertThat(report).startsWith("row,Customer ID,Full Name");
        assertThat(report).contains("3,OLD-2", "phone: 'not a phone'", "email: 'bad'", "status: must be active");
        assertThat(report).contains("5,OLD-1", "appears more than once in this file");
        assertThat(report).contains("6,OLD-4", "latitude must be between -90 and 90");

        var audit = api.get("/api/v1/audit-events?action=customer-import.completed", tenant.adminToken())
                .json()
                .path("items")
                .get(0);
        assertThat(audit.path("details").path("created").asInt()).isEqualTo(2);
        assertThat(audit.path("actorName").asString()).isEqualTo("admin");
    }

    @Test
    void reImportingTheSameFileChangesNothingAndACorrectedFileUpdatesWhatChanged() {
        run(upload(FILE));
        long before = api.get("/api/v1/customers", tenant.adminToken())
                .json()
                .path("totalItems")
                .asLong();

        var again = run(upload(FILE));
        assertThat(again.path("createdCount").asInt()).isZero();
        assertThat(again.path("updatedCount").asInt()).isZero();
        assertThat(again.path("unchangedCount").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/customers", tenant.adminToken())
                        .json()
                        .path("totalItems")
                        .asLong())
                .isEqualTo(before);

        var corrected = run(upload("""
            Customer ID,Full Name,Mobile,Zone
            OLD-3,John Smith,+8801711000003,Banani
            """));
        assertThat(corrected.path("updatedCount").asInt()).isEqualTo(1);
        var john = api.get("/api/v1/customers?q=OLD-3", tenant.adminToken())
                .json()
                .path("items")
                .get(0);
        assertThat(john.path("area").asString()).isEqualTo("Banani");
        assertThat(john.path("status").asString())
                .as("unmapped columns keep their values")
                .isEqualTo("LEAD");
    }

    @Test
    void aMappingWithoutAccountNumbersOrWithUnknownTargetsIsRefused() {
        var preview = upload(FILE);
        String id = preview.json().path("job").path("id").asString();
        var noAccount = api.post(
                "/api/v1/customers/imports/" + id + "/start",
                Map.of("mapping", Map.of("Full Name", "FULL_NAME")),
                tenant.adminToken());
        assertThat(noAccount.status()).isEqualTo(400);
        assertThat(noAccount.body()).contains("Account number");
        var unknown = api.post(
                "/api/v1/customers/imports/" + id + "/start",
                Map.of("mapping", Map.of("Customer ID", "ACCOUNT_NUMBER", "Zone", "FAVOURITE_COLOUR")),
                tenant.adminToken());
        assertThat(unknown.status()).isEqualTo(400);
        var twice = api.post(
                "/api/v1/customers/imports/" + id + "/start",
                Map.of("mapping", Map.of("Customer ID", "ACCOUNT_NUMBER", "Mobile", "PHONE", "E-mail", "PHONE")),
                tenant.adminToken());
        assertThat(twice.status()).isEqualTo(400);
        var notCsv = api.upload(
                "/api/v1/customers/imports",
                Map.of(),
                "file",
                "empty.csv",
                "text/csv",
                new byte[0],
                tenant.adminToken());
        assertThat(notCsv.status()).isEqualTo(400);
    }

    private Api.Response upload(String csv) {
        var response = api.upload(
                "/api/v1/customers/imports",
                Map.of(),
                "file",
                "old-system.csv",
                "text/csv",
                csv.getBytes(StandardCharsets.UTF_8),
                tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    private JsonNode run(Api.Response preview) {
        String id = preview.json().path("job").path("id").asString();
        var mapping = Api.JSON.convertValue(preview.json().path("suggested"), Map.class);
        var started =
                api.post("/api/v1/customers/imports/" + id + "/start", Map.of("mapping", mapping), tenant.adminToken());
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !api.get("/api/v1/customers/imports/" + id, tenant.adminToken())
                        .text("status")
                        .equals("RUNNING"));
        return api.get("/api/v1/customers/imports/" + id, tenant.adminToken()).json();
    }
}
