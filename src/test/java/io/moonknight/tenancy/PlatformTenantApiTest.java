package io.moonknight.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@Tag("smoke")
class PlatformTenantApiTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants tenants;
    String operator;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        tenants = new TestTenants(api);
        operator = tenants.operatorToken();
    }

    @Test
    void theOperatorCreatesATenantWithItsFirstAdmin() {
        String slug = "isp" + System.nanoTime();
        var created = api.post("/api/v1/platform/tenants", tenant(slug), operator);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("status")).isEqualTo("ACTIVE");
        assertThat(created.text("timezone")).isEqualTo("Asia/Dhaka");
        assertThat(created.text("currency")).isEqualTo("BDT");
        assertThat(created.text("locale")).isEqualTo("bn-BD");

        var admin = tenants.login(slug, "owner", TestTenants.PASSWORD);
        assertThat(admin.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenant", admin.text("accessToken")).text("slug"))
                .isEqualTo(slug);

        var listed = api.get("/api/v1/platform/tenants?q=" + slug, operator);
        assertThat(listed.json().path("totalItems").asInt()).isEqualTo(1);
        assertThat(api.get("/api/v1/platform/tenants/" + created.text("id"), operator)
                        .text("slug"))
                .isEqualTo(slug);
    }

    @Test
    void slugsAreUniqueDnsLabelsAndNotReserved() {
        String slug = "dup" + System.nanoTime();
        assertThat(api.post("/api/v1/platform/tenants", tenant(slug), operator).status())
                .isEqualTo(201);
        var duplicate = api.post("/api/v1/platform/tenants", tenant(slug), operator);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.text("type")).endsWith("/slug-taken");

        for (String bad : new String[] {"www", "Has Spaces", "-dash", "x".repeat(64)}) {
            var refused = api.post("/api/v1/platform/tenants", tenant(bad), operator);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().path("errors").get(0).path("field").asString())
                    .isEqualTo("slug");
        }
    }

    @Test
    void invalidSettingsAndAWeakAdminPasswordAreRefusedNamingTheField() {
        var body = new HashMap<>(tenant("bad" + System.nanoTime()));
        body.put("timezone", "Mars/Olympus");
        assertThat(field(api.post("/api/v1/platform/tenants", body, operator))).isEqualTo("timezone");

        body = new HashMap<>(tenant("bad" + System.nanoTime()));
        body.put("currency", "XXQ");
        assertThat(field(api.post("/api/v1/platform/tenants", body, operator))).isEqualTo("currency");

        body = new HashMap<>(tenant("bad" + System.nanoTime()));
        body.put(
                "admin",
                Map.of("username", "owner", "email", "owner@x.test", "fullName", "Owner", "password", "12345678"));
        assertThat(field(api.post("/api/v1/platform/tenants", body, operator))).isEqualTo("admin.password");

        body = new HashMap<>(tenant("bad" + System.nanoTime()));
        body.put(
                "admin",
                Map.of(
                        "username",
                        "owner",
                        "email",
                        "not-an-email",
                        "fullName",
                        "Owner",
                        "password",
                        TestTenants.PASSWORD));
        assertThat(field(api.post("/api/v1/platform/tenants", body, operator))).isEqualTo("admin.email");
    }

    @Test
    void suspensionAndReactivationFollowTheLifecycle() {
        var tenant = tenants.create();
        String path = "/api/v1/platform/tenants/" + tenant.id();
        var suspended = api.post(path + "/suspend", Map.of("reason", "Contract ended"), operator);
        assertThat(suspended.text("status")).isEqualTo("SUSPENDED");
        assertThat(suspended.text("suspendedReason")).isEqualTo("Contract ended");
        assertThat(api.post(path + "/suspend", Map.of("reason", "again"), operator)
                        .status())
                .isEqualTo(409);
        assertThat(api.get("/api/v1/platform/tenants?status=SUSPENDED&q=" + tenant.slug(), operator)
                        .json()
                        .path("totalItems")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.post(path + "/activate", null, operator).text("status")).isEqualTo("ACTIVE");
        assertThat(api.post(path + "/activate", null, operator).status()).isEqualTo(409);
        assertThat(api.post(path + "/suspend", Map.of("reason", " "), operator).status())
                .isEqualTo(400);
    }

    @Test
    void theOperatorAndTheTenantAdminCanEditTheSettings() {
        var tenant = tenants.create();
        var byOperator = api.put(
                "/api/v1/platform/tenants/" + tenant.id(),
                Map.of("name", "Renamed ISP", "timezone", "Europe/Berlin", "currency", "eur", "locale", "de"),
                operator);
        assertThat(byOperator.status()).isEqualTo(200);
        assertThat(byOperator.text("currency")).isEqualTo("EUR");

        var byAdmin = api.put(
                "/api/v1/tenant",
                Map.of("name", "Admin's ISP", "timezone", "Asia/Dhaka", "currency", "BDT", "locale", "bn-BD"),
                tenant.adminToken());
        assertThat(byAdmin.status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenant", tenant.adminToken()).text("name")).isEqualTo("Admin's ISP");

        var reader = tenants.userWith(tenant, java.util.Set.of("tenant:read"));
        assertThat(api.put(
                                "/api/v1/tenant",
                                Map.of("name", "x", "timezone", "UTC", "currency", "USD", "locale", "en"),
                                reader.token())
                        .status())
                .isEqualTo(403);
    }

    @Test
    void anUnknownTenantIs404() {
        assertThat(api.get("/api/v1/platform/tenants/" + java.util.UUID.randomUUID(), operator)
                        .status())
                .isEqualTo(404);
    }

    private static String field(Api.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().path("errors").get(0).path("field").asString();
    }

    private static Map<String, Object> tenant(String slug) {
        return Map.of(
                "slug",
                slug,
                "name",
                "Fibre Co " + slug,
                "timezone",
                "Asia/Dhaka",
                "currency",
                "BDT",
                "locale",
                "bn-BD",
                "admin",
                Map.of(
                        "username",
                        "owner",
                        "email",
                        "owner@" + "fibre.test",
                        "fullName",
                        "Owner",
                        "password",
                        TestTenants.PASSWORD));
    }
}
