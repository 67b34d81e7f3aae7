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
    void aChunkedJsonBodyOverTheLimitIs413() throws Exception {
        String big = "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(api.baseUrl() + "/api/v1/roles"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + tenant.adminToken())
                .POST(java.net.http.HttpRequest.BodyPublishers.fromPublisher(
                        java.net.http.HttpRequest.BodyPublishers.ofString(big)))
                .build();
        var response = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
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

    @Test
    void unsupportedMediaTypeIsAProblemWithAType() {
        var response =
                api.send("POST", "/api/v1/roles", "name=x", tenant.adminToken(), Map.of("Content-Type", "text/plain"));
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.text("type")).endsWith("/unsupported-media-type");
    }

    @Test
    void aMultipartBodyWithoutBoundaryOnAJsonEndpointIsA400Problem() {
        for (String contentType : List.of("multipart/form-data", "multipart/form-data; boundary=")) {
            var response = api.send(
                    "POST",
                    "/api/v1/roles",
                    "{\"name\":\"x\"}",
                    tenant.adminToken(),
                    Map.of("Content-Type", contentType));
            assertThat(response.status()).as(contentType + " -> " + response).isEqualTo(400);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.text("type")).isNotBlank();
        }
        var console = api.send("GET", "/customers/a%2Fb", null, null, Map.of("Accept", "text/html"));
        assertThat(console.status()).isEqualTo(400);
        assertThat(console.body()).as("no server version for a console path").doesNotContain("Tomcat");
    }

    @Test
    void anUploadWithoutItsClosingBoundaryOrWithANulInItsFileNameIsA400Problem() {
        String part = "--b0undary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,phone\r\nAda,+8801711000001\r\n";
        var headers = Map.of("Content-Type", "multipart/form-data; boundary=b0undary");
        var unterminated = api.send("POST", "/api/v1/customers/imports", part, tenant.adminToken(), headers);
        assertThat(unterminated.status()).as(unterminated.toString()).isEqualTo(400);
        assertThat(unterminated.isProblem()).isTrue();

        var nul = api.send(
                "POST",
                "/api/v1/customers/imports",
                part.replace("a.csv", "a\u0000.csv") + "--b0undary--\r\n",
                tenant.adminToken(),
                headers);
        assertThat(nul.status()).as(nul.toString()).isEqualTo(400);
        assertThat(nul.isProblem()).isTrue();
        assertThat(nul.text("type")).isNotBlank();
    }

    @Test
    void aCsvWithAnUnbalancedQuoteIsNeverA500() {
        byte[] csv = "name,phone\r\n\"Ada,+8801711000001\r\nBob,+8801711000002\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var response = api.upload(
                "/api/v1/customers/imports", Map.of(), "file", "q.csv", "text/csv", csv, tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isBetween(200, 499);
    }

    @Test
    void bodiesOverTheContainersLimitsAre413Problems() {
        var form = api.send(
                "POST",
                "/api/v1/roles",
                "a=" + "x".repeat(3_000_000),
                tenant.adminToken(),
                Map.of("Content-Type", "application/x-www-form-urlencoded"));
        assertThat(form.status()).as(form.toString()).isEqualTo(413);
        assertThat(form.isProblem()).isTrue();

        var upload = api.upload(
                "/api/v1/customers/imports",
                Map.of(),
                "file",
                "big.csv",
                "text/csv",
                new byte[65 * 1024 * 1024],
                tenant.adminToken());
        assertThat(upload.status()).as(upload.toString()).isEqualTo(413);
        assertThat(upload.isProblem()).isTrue();
        assertThat(upload.text("type")).endsWith("/body-too-large");
    }

    @Test
    void anEncodedSlashOrNulInAnApiPathIsAProblemNotTomcatsPage() {
        for (String path : List.of("/api/v1/users/%2F", "/api/v1/users/%00", "/api/v1/users/a%2Fb/roles")) {
            var response = api.get(path, tenant.adminToken());
            assertThat(response.status()).as(path).isEqualTo(400);
            assertThat(response.isProblem()).as(path + " -> " + response).isTrue();
            assertThat(response.text("type")).isNotBlank();
        }
    }

    @Test
    void aNulCharacterInAQueryOrABodyIsA400NamingTheField() {
        var search = api.get("/api/v1/customers/export?q=a%00b", tenant.adminToken());
        assertThat(search.status()).as(search.toString()).isEqualTo(400);
        assertThat(fields(search)).containsExactly("q");
        var body = api.post(
                "/api/v1/roles", "{\"name\":\"Nul\\u0000role\",\"permissions\":[\"users:read\"]}", tenant.adminToken());
        assertThat(body.status()).as(body.toString()).isEqualTo(400);
        assertThat(fields(body)).containsExactly("name");
    }

    @Test
    void aFractionForAWholeNumberOrABooleanForTextIsA400NamingTheField() {
        var fraction = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Fraction", "scopes", List.of("users:read"), "requestsPerMinute", 1.5),
                tenant.adminToken());
        assertThat(fraction.status()).as(fraction.toString()).isEqualTo(400);
        assertThat(fields(fraction)).containsExactly("requestsPerMinute");
        var bool = api.post(
                "/api/v1/roles", Map.of("name", true, "permissions", List.of("users:read")), tenant.adminToken());
        assertThat(bool.status()).as(bool.toString()).isEqualTo(400);
        assertThat(fields(bool)).containsExactly("name");
    }

    @Test
    void pageAndSizeOutsideTheirRangeAre400sNamingThem() {
        for (String query : List.of("page=2147483647", "page=-1", "page=abc", "page=1.5", "page=99999999999")) {
            for (String list : List.of("/api/v1/users", "/api/v1/customers")) {
                var response = api.get(list + "?" + query, tenant.adminToken());
                assertThat(response.status())
                        .as(list + "?" + query + " -> " + response)
                        .isEqualTo(400);
                assertThat(fields(response)).as(query).containsExactly("page");
            }
        }
        var tenants = api.get("/api/v1/platform/tenants?page=2147483647", operator);
        assertThat(tenants.status()).as(tenants.toString()).isEqualTo(400);
        assertThat(fields(tenants)).containsExactly("page");
        for (String query : List.of("size=0", "size=-1", "size=201", "size=abc", "size=2.5")) {
            var response = api.get("/api/v1/users?" + query, tenant.adminToken());
            assertThat(response.status()).as(query + " -> " + response).isEqualTo(400);
            assertThat(fields(response)).as(query).containsExactly("size");
        }
        assertThat(api.get("/api/v1/users?page=0&size=200", tenant.adminToken()).status())
                .isEqualTo(200);
    }

    @Test
    void aNullInsideAnArrayIsA400NamingTheField() {
        var days = new ArrayList<>();
        days.add("MONDAY");
        days.add(null);
        var plan = new HashMap<String, Object>(Map.of(
                "code", "NULLDAY",
                "name", "Null day",
                "billingType", "MONTHLY_POSTPAID",
                "price", "35.00",
                "downloadKbps", 50_000,
                "uploadKbps", 20_000));
        plan.put(
                "timeRules",
                List.of(Map.of(
                        "name",
                        "Night",
                        "from",
                        "01:00",
                        "to",
                        "07:00",
                        "days",
                        days,
                        "downloadKbps",
                        1000,
                        "uploadKbps",
                        500)));
        var response = api.post("/api/v1/plans", plan, tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(fields(response)).anyMatch(field -> field.startsWith("timeRules[0].days"));
    }

    @Test
    void datesPastTheYear9999AreA400NamingTheField() {
        var key = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Far", "scopes", List.of("users:read"), "expiresAt", "+999999999-12-31T23:59:59Z"),
                tenant.adminToken());
        assertThat(key.status()).as(key.toString()).isEqualTo(400);
        assertThat(fields(key)).containsExactly("expiresAt");

        var charge = api.post(
                "/api/v1/customers/" + customer() + "/charges",
                Map.of("kind", "OTHER", "description", "Far", "unitPrice", "1", "chargeDate", "+999999-01-01"),
                tenant.adminToken());
        assertThat(charge.status()).as(charge.toString()).isEqualTo(400);
        assertThat(fields(charge)).containsExactly("chargeDate");

        for (String from :
                List.of("%2B999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "10000-01-01T00:00:00Z")) {
            var audit = api.get("/api/v1/audit-events?from=" + from, tenant.adminToken());
            assertThat(audit.status()).as(from + " -> " + audit).isEqualTo(400);
            assertThat(fields(audit)).containsExactly("from");
        }
    }

    @Test
    void aNumberTooLargeForItsFieldIsA400NamingTheField() {
        var response = api.post(
                "/api/v1/vlans",
                Map.of(
                        "name",
                        "Big",
                        "scopeType",
                        "AREA",
                        "scopeName",
                        "North",
                        "cVlan",
                        new java.math.BigInteger("2147483648"),
                        "mode",
                        "SHARED"),
                tenant.adminToken());
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(fields(response)).containsExactly("cVlan");
    }

    @Test
    void enumsAsNumbersAndEmptyStringsForNumbersBooleansAndIdsAreRefused() {
        Map<String, Object> vlan =
                Map.of("name", "V", "scopeType", "AREA", "scopeName", "North", "cVlan", 12, "mode", 0);
        var numericEnum = api.post("/api/v1/vlans", vlan, tenant.adminToken());
        assertThat(numericEnum.status()).as(numericEnum.toString()).isEqualTo(400);
        assertThat(fields(numericEnum)).containsExactly("mode");

        var emptyNumber = new HashMap<>(vlan);
        emptyNumber.put("mode", "SHARED");
        emptyNumber.put("cVlan", "");
        var number = api.post("/api/v1/vlans", emptyNumber, tenant.adminToken());
        assertThat(number.status()).as(number.toString()).isEqualTo(400);
        assertThat(fields(number)).containsExactly("cVlan");

        String customer = customer();
        for (String field : List.of("invoiceNow", "subscriptionId", "quantity")) {
            var charge = new HashMap<String, Object>(Map.of("kind", "OTHER", "description", "Empty", "unitPrice", "1"));
            charge.put(field, "");
            var response = api.post("/api/v1/customers/" + customer + "/charges", charge, tenant.adminToken());
            assertThat(response.status()).as(field + " -> " + response).isEqualTo(400);
            assertThat(fields(response)).as(field).containsExactly(field);
        }
    }

    @Test
    void aDuplicateInRoleIdsPermissionsOrScopesIsA400NamingTheField() {
        var roles = api.post(
                "/api/v1/roles",
                Map.of("name", "Dup", "permissions", List.of("users:read", "users:read")),
                tenant.adminToken());
        assertThat(roles.status()).as(roles.toString()).isEqualTo(400);
        assertThat(fields(roles)).containsExactly("permissions");

        var keys = api.post(
                "/api/v1/api-keys",
                Map.of("name", "Dup", "scopes", List.of("users:read", "users:read")),
                tenant.adminToken());
        assertThat(keys.status()).as(keys.toString()).isEqualTo(400);
        assertThat(fields(keys)).containsExactly("scopes");

        String userId = api.get("/api/v1/me", tenant.adminToken()).text("id");
        String roleId = UUID.randomUUID().toString();
        var users = api.put(
                "/api/v1/users/" + userId + "/roles", Map.of("roleIds", List.of(roleId, roleId)), tenant.adminToken());
        assertThat(users.status()).as(users.toString()).isEqualTo(400);
        assertThat(fields(users)).containsExactly("roleIds");
    }

    @Test
    void aConflictKeepsItsProblemStatusAndNamesTheResourcesStateApart() {
        String customer = customer();
        String charge = api.post(
                        "/api/v1/customers/" + customer + "/charges",
                        Map.of("kind", "OTHER", "description", "Mistake", "unitPrice", "9"),
                        tenant.adminToken())
                .text("id");
        assertThat(api.post("/api/v1/charges/" + charge + "/cancel", null, tenant.adminToken())
                        .status())
                .isEqualTo(200);
        var again = api.post("/api/v1/charges/" + charge + "/cancel", null, tenant.adminToken());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("status").asInt()).isEqualTo(409);
        assertThat(again.text("currentStatus")).isEqualTo("CANCELLED");
        assertThat(again.body().split("\"status\"", -1)).as(again.body()).hasSize(2);
    }

    private String customer() {
        return api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Bad",
                                "lastName",
                                "Input",
                                "phones",
                                List.of("+8801711000002")),
                        tenant.adminToken())
                .text("id");
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
