package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every endpoint that takes a body, fed malformed JSON, the wrong shape, each field missing, each field of
 * the wrong type and each string far too long: always a 4xx problem detail naming the field, never a 500.
 */
@IntegrationTest
class BadInputTest {

    @LocalServerPort
    int port;

    Api api;
    TestTenants.TenantFixture tenant;
    String operator;

    record Endpoint(String method, String path, Map<String, Object> validBody, boolean operatorOnly) {}

    @BeforeEach
    void setUp() {
        api = new Api(port);
        var tenants = new TestTenants(api);
        tenant = tenants.create();
        operator = tenants.operatorToken();
    }

    List<Endpoint> endpoints() {
        String userId = api.get("/api/v1/me", tenant.adminToken()).text("id");
        String roleId = UUID.randomUUID().toString();
        String customerId = api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Bad",
                                "lastName",
                                "Input",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id");
        return List.of(
                new Endpoint(
                        "POST",
                        "/api/v1/auth/login",
                        Map.of("tenant", tenant.slug(), "username", "admin", "password", "x"),
                        false),
                new Endpoint("POST", "/api/v1/auth/refresh", Map.of("refreshToken", "mkr_x"), false),
                new Endpoint("POST", "/api/v1/auth/logout", Map.of("refreshToken", "mkr_x"), false),
                new Endpoint("POST", "/api/v1/me/password", Map.of("currentPassword", "x", "newPassword", "y"), false),
                new Endpoint(
                        "POST",
                        "/api/v1/users",
                        Map.of(
                                "username",
                                "u",
                                "email",
                                "u@x.test",
                                "fullName",
                                "U",
                                "password",
                                "p",
                                "roleIds",
                                List.of()),
                        false),
                new Endpoint("PUT", "/api/v1/users/" + userId, Map.of("email", "u@x.test", "fullName", "U"), false),
                new Endpoint("POST", "/api/v1/users/" + userId + "/password", Map.of("password", "p"), false),
                new Endpoint("PUT", "/api/v1/users/" + userId + "/roles", Map.of("roleIds", List.of()), false),
                new Endpoint("POST", "/api/v1/roles", Map.of("name", "r", "permissions", List.of()), false),
                new Endpoint("PUT", "/api/v1/roles/" + roleId, Map.of("name", "r", "permissions", List.of()), false),
                new Endpoint(
                        "PUT",
                        "/api/v1/tenant",
                        Map.of("name", "n", "timezone", "UTC", "currency", "USD", "locale", "en"),
                        false),
                new Endpoint(
                        "POST",
                        "/api/v1/customers",
                        Map.of("type", "INDIVIDUAL", "firstName", "n", "phones", List.of("+8801711000001")),
                        false),
                new Endpoint(
                        "PUT",
                        "/api/v1/customers/" + customerId,
                        Map.of("type", "INDIVIDUAL", "firstName", "n"),
                        false),
                new Endpoint("PUT", "/api/v1/customer-settings", Map.of("accountNumberFormat", "C-{seq:6}"), false),
                new Endpoint(
                        "POST", "/api/v1/customer-fields", Map.of("key", "k", "label", "l", "type", "TEXT"), false),
                new Endpoint("POST", "/api/v1/customer-document-types", Map.of("code", "c", "name", "n"), false),
                new Endpoint(
                        "POST",
                        "/api/v1/platform/tenants",
                        Map.of(
                                "slug", "s",
                                "name", "n",
                                "admin",
                                        Map.of("username", "a", "email", "a@x.test", "fullName", "A", "password", "p")),
                        true),
                new Endpoint(
                        "PUT",
                        "/api/v1/platform/tenants/" + tenant.id(),
                        Map.of("name", "n", "timezone", "UTC", "currency", "USD", "locale", "en"),
                        true),
                new Endpoint(
                        "POST", "/api/v1/platform/tenants/" + tenant.id() + "/suspend", Map.of("reason", "r"), true));
    }

    @Test
    void malformedAndWronglyShapedBodiesAre400Problems() {
        for (Endpoint endpoint : endpoints()) {
            for (String raw : List.of("{\"name\":", "[]", "\"text\"", "42", "null", "{\"a\":1}}", "")) {
                var response = send(endpoint, raw);
                assertThat(response.status())
                        .as(endpoint.path() + " with " + raw + " -> " + response)
                        .isBetween(400, 499);
                assertThat(response.isProblem()).as(endpoint.path() + " " + raw).isTrue();
            }
        }
    }

    @Test
    void eachMissingFieldIsNamed() {
        for (Endpoint endpoint : endpoints()) {
            for (String field : requiredFields(endpoint)) {
                var body = new HashMap<>(endpoint.validBody());
                body.remove(field);
                var response = send(endpoint, body);
                assertThat(response.status())
                        .as(endpoint.path() + " without " + field + " -> " + response)
                        .isEqualTo(400);
                assertThat(fields(response))
                        .as(endpoint.path() + " without " + field)
                        .contains(field);
            }
        }
    }

    @Test
    void eachWronglyTypedFieldIsNamed() {
        for (Endpoint endpoint : endpoints()) {
            for (String field : endpoint.validBody().keySet()) {
                Object wrong = endpoint.validBody().get(field) instanceof String
                        ? Map.of("nested", true)
                        : "not-the-right-type";
                var body = new HashMap<>(endpoint.validBody());
                body.put(field, wrong);
                var response = send(endpoint, body);
                assertThat(response.status())
                        .as(endpoint.path() + " with wrong " + field + " -> " + response)
                        .isEqualTo(400);
                assertThat(fields(response))
                        .as(endpoint.path() + " wrong " + field)
                        .anyMatch(f -> f.startsWith(field));
            }
        }
    }

    @Test
    void oversizedStringsAreRefusedNamingTheField() {
        String huge = "x".repeat(5_000);
        for (Endpoint endpoint : endpoints()) {
            for (var entry : endpoint.validBody().entrySet()) {
                if (!(entry.getValue() instanceof String)) {
                    continue;
                }
                var body = new HashMap<>(endpoint.validBody());
                body.put(entry.getKey(), huge);
                var response = send(endpoint, body);
                assertThat(response.status())
                        .as(endpoint.path() + " huge " + entry.getKey() + " -> " + response)
                        .isEqualTo(400);
                assertThat(fields(response))
                        .as(endpoint.path() + " huge " + entry.getKey())
                        .contains(entry.getKey());
            }
        }
    }

    @Test
    void aBodyOverTheLimitIs413EvenBeforeAuthentication() {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        var response = api.post("/api/v1/users", big, null);
        assertThat(response.status()).isEqualTo(413);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void badPathAndQueryParametersAre400sNamingThem() {
        var badId = api.get("/api/v1/users/not-a-uuid", tenant.adminToken());
        assertThat(badId.status()).isEqualTo(400);
        assertThat(fields(badId)).contains("id");

        var badEnum = api.get("/api/v1/users?status=SLEEPING", tenant.adminToken());
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(fields(badEnum)).contains("status");

        var longQuery = api.get("/api/v1/users?q=" + "a".repeat(500), tenant.adminToken());
        assertThat(longQuery.status()).isEqualTo(400);
        assertThat(fields(longQuery)).contains("q");

        assertThat(api.send("PATCH", "/api/v1/users", "{}", tenant.adminToken(), Map.of())
                        .status())
                .isEqualTo(405);
        var textBody =
                api.send("POST", "/api/v1/roles", "name=x", tenant.adminToken(), Map.of("Content-Type", "text/plain"));
        assertThat(textBody.status()).isEqualTo(415);
        assertThat(textBody.isProblem()).isTrue();
        var unknownPath = api.get("/api/v1/no-such-thing", tenant.adminToken());
        assertThat(unknownPath.status()).isEqualTo(404);
        assertThat(unknownPath.isProblem()).isTrue();
    }

    private Api.Response send(Endpoint endpoint, Object body) {
        String token = endpoint.path().startsWith("/api/v1/auth/")
                ? null
                : endpoint.operatorOnly() ? operator : tenant.adminToken();
        return api.send(endpoint.method(), endpoint.path(), body, token, Map.of());
    }

    private static List<String> requiredFields(Endpoint endpoint) {
        var optional = List.of(
                "tenant",
                "description",
                "phone",
                "timezone",
                "currency",
                "locale",
                "firstName",
                "phones",
                "key",
                "code");
        return endpoint.validBody().keySet().stream()
                .filter(field -> !(optional.contains(field)
                        && (endpoint.path().contains("/auth/")
                                || endpoint.method().equals("POST"))))
                .toList();
    }

    private static List<String> fields(Api.Response response) {
        var fields = new ArrayList<String>();
        response.json()
                .path("errors")
                .forEach(error -> fields.add(error.path("field").asString()));
        return fields;
    }
}
