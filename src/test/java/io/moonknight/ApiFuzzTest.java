package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Walks the OpenAPI document and feeds every operation malformed and mistyped bodies, wrong content types
 * and odd path and query values. Whatever the input, the answer is never a 5xx; every 4xx is an
 * {@code application/problem+json} with a {@code type}; a validation 400 names its fields, and a 400 caused
 * by one field or parameter names that one.
 */
@IntegrationTest
class ApiFuzzTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** Bodies no endpoint can read. */
    private static final List<String> MALFORMED = List.of(
            "{\"a\":", "[]", "\"text\"", "42", "null", "{\"a\":1}}", "", "{\"a\":\"\\u0000\"}", "[[[[[[[[[[[[[[[[[[");

    /** Content types no JSON endpoint accepts, each with a body that is otherwise fine JSON. */
    private static final List<String> CONTENT_TYPES = List.of(
            "multipart/form-data",
            "multipart/form-data; boundary=",
            "application/x-www-form-urlencoded",
            "text/plain",
            "application/xml",
            "application/octet-stream",
            "application/json; charset=no-such-charset",
            "not a media type");

    /** Values for a path parameter; percent-encoded where needed. */
    private static final List<String> PATH_VALUES = List.of(
            "not-a-uuid",
            "00000000-0000-0000-0000-000000000000",
            "%2F",
            "%00",
            "%25",
            "..",
            "a%20b",
            "x".repeat(600),
            "-1",
            "99999999999999999999");

    /** Values for a query parameter; percent-encoded. */
    private static final List<String> QUERY_VALUES = List.of(
            "abc",
            "-1",
            "1.5",
            "2147483647",
            "99999999999999999999",
            "",
            "%00",
            "y".repeat(600),
            "%2B999999999-12-31T23:59:59Z",
            "%2B999999-01-01",
            "0000-00-00");

    @LocalServerPort
    int port;

    Api api;
    JsonNode document;
    String adminToken;
    String operatorToken;
    final List<String> failures = new ArrayList<>();
    int requests;

    record Operation(String method, String path, JsonNode spec) {}

    @Test
    void noInputEverAnswers5xxAndEvery4xxIsAProblemNamingTheField() {
        api = new Api(port);
        var tenants = new TestTenants(api);
        var tenant = tenants.create();
        adminToken = tenant.adminToken();
        operatorToken = tenants.operatorToken();
        document = api.get("/v3/api-docs", null).json();

        List<Operation> operations = operations();
        assertThat(operations).hasSizeGreaterThan(50);
        for (Operation operation : operations) {
            fuzzPath(operation);
            fuzzQuery(operation);
            fuzzHeaders(operation);
            if (jsonSchema(operation) != null) {
                fuzzBody(operation);
            }
            if (operation.spec().path("requestBody").path("content").has("multipart/form-data")) {
                fuzzMultipart(operation);
            }
        }
        assertThat(failures).as("%d requests", requests).isEmpty();
    }

    private void fuzzBody(Operation operation) {
        String path = randomIds(operation.path());
        for (String raw : MALFORMED) {
            check(operation, "body " + abbreviate(raw), send(operation, path, raw, Map.of()), null);
        }
        @Nullable Object valid = validBody(operation);
        String json = Api.JSON.writeValueAsString(valid);
        for (String contentType : CONTENT_TYPES) {
            check(
                    operation,
                    "content type " + contentType,
                    send(operation, path, json, Map.of("Content-Type", contentType)),
                    null);
        }
        if (!(valid instanceof Map<?, ?> object)) {
            return;
        }
        // Fields the schema-built body itself gets wrong (an unknown customer, a missing secret): a mistyped value
        // the reader accepts leaves the answer naming these.
        Set<String> baseline = Set.copyOf(named(send(operation, path, json, Map.of())));
        JsonNode schema = resolve(jsonSchema(operation));
        schema.path("properties").properties().forEach(property -> {
            String field = property.getKey();
            JsonNode fieldSchema = resolve(property.getValue());
            for (Object wrong : wrongValues(fieldSchema)) {
                Map<String, @Nullable Object> body = new LinkedHashMap<>();
                object.forEach((key, value) -> body.put(String.valueOf(key), value));
                body.put(field, wrong);
                var response = send(operation, path, Api.JSON.writeValueAsString(body), Map.of());
                // The reader accepted the value when the answer names what the baseline named, or a sibling the
                // value brought into play ("give both latitude and longitude").
                Set<String> now = Set.copyOf(named(response));
                boolean siblingsExplain = !now.isEmpty() && (now.equals(baseline) || !baseline.containsAll(now));
                check(
                        operation,
                        field + "=" + abbreviate(Api.JSON.writeValueAsString(wrong)),
                        response,
                        siblingsExplain ? null : field);
            }
        });
    }

    private void fuzzPath(Operation operation) {
        Matcher matcher = PARAMETER.matcher(operation.path());
        while (matcher.find()) {
            String name = matcher.group(1);
            for (String value : PATH_VALUES) {
                String path = randomIds(operation.path().replace("{" + name + "}", value));
                Object body = jsonSchema(operation) == null ? null : validBody(operation);
                check(operation, name + "=" + abbreviate(value), send(operation, path, body, Map.of()), null);
            }
        }
    }

    private void fuzzQuery(Operation operation) {
        Set<String> names = new HashSet<>();
        operation.spec().path("parameters").forEach(parameter -> {
            JsonNode resolved = resolve(parameter);
            if (resolved.path("in").asString().equals("query")) {
                names.add(resolved.path("name").asString());
            }
        });
        if (operation.method().equals("GET")) {
            names.add("page");
            names.add("size");
        }
        String path = randomIds(operation.path());
        Object body = jsonSchema(operation) == null ? null : validBody(operation);
        for (String name : names) {
            for (String value : QUERY_VALUES) {
                var response = send(operation, path + "?" + name + "=" + value, body, Map.of());
                check(operation, "?" + name + "=" + abbreviate(value), response, name);
            }
        }
    }

    /** Values for a documented header parameter (the HTTP client refuses control characters other than tab). */
    private static final List<String> HEADER_VALUES = List.of("h".repeat(256), " ", "a\tb");

    private static final java.util.Set<String> IGNORED_HEADERS =
            java.util.Set.of("accept", "content-type", "authorization");

    private void fuzzHeaders(Operation operation) {
        String path = randomIds(operation.path());
        Object body = jsonSchema(operation) == null ? null : validBody(operation);
        operation.spec().path("parameters").forEach(parameter -> {
            JsonNode resolved = resolve(parameter);
            if (!resolved.path("in").asString().equals("header")) {
                return;
            }
            String name = resolved.path("name").asString();
            if (IGNORED_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                return; // OpenAPI says these are not parameters (content negotiation and security schemes are)
            }
            for (String value : HEADER_VALUES) {
                var response = send(operation, path, body, Map.of(name, value));
                check(operation, name + ": " + abbreviate(value), response, name);
            }
        });
    }

    private void fuzzMultipart(Operation operation) {
        String path = randomIds(operation.path());
        String boundary = "fuzzboundary";
        String part = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\nname,phone\r\n\"unbalanced,1\r\n";
        var bodies = Map.of(
                "no boundary", Map.entry("multipart/form-data", part + "--" + boundary + "--\r\n"),
                "no closing boundary", Map.entry("multipart/form-data; boundary=" + boundary, part),
                "empty", Map.entry("multipart/form-data; boundary=" + boundary, ""),
                "NUL in file name",
                        Map.entry(
                                "multipart/form-data; boundary=" + boundary,
                                part.replace("a.csv", "a\u0000.csv") + "--" + boundary + "--\r\n"),
                "no file part",
                        Map.entry(
                                "multipart/form-data; boundary=" + boundary,
                                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\nx\r\n--"
                                        + boundary + "--\r\n"));
        bodies.forEach((what, body) -> check(
                operation,
                "multipart " + what,
                send(operation, path, body.getValue(), Map.of("Content-Type", body.getKey())),
                null));
    }

    private Api.Response send(Operation operation, String path, @Nullable Object body, Map<String, String> headers) {
        requests++;
        String token = operation.path().startsWith("/api/v1/platform/") ? operatorToken : adminToken;
        return api.send(operation.method(), path, body, token, headers);
    }

    private void check(Operation operation, String how, Api.Response response, @Nullable String field) {
        String what = operation.method() + " " + operation.path() + " with " + how;
        int status = response.status();
        if (status >= 500) {
            failures.add(what + ": " + abbreviate(response.toString()));
            return;
        }
        if (status < 400) {
            return;
        }
        if (!response.isProblem()) {
            failures.add(what + ": not a problem detail (" + response.header("Content-Type") + "): "
                    + abbreviate(response.toString()));
            return;
        }
        JsonNode problem = response.json();
        if (problem.path("type").asString().isBlank()) {
            failures.add(what + ": problem without a type: " + abbreviate(response.toString()));
            return;
        }
        if (problem.path("status").asInt() != status) {
            failures.add(what + ": problem status " + problem.path("status") + " is not " + status);
        }
        if (status != 400) {
            return;
        }
        List<String> named = named(response);
        if (problem.path("type").asString().endsWith("/validation") && (named.isEmpty() || named.contains(""))) {
            failures.add(what + ": a validation problem without field names: " + abbreviate(response.toString()));
        } else if (field != null && named.stream().noneMatch(name -> name.startsWith(field))) {
            failures.add(what + ": the 400 does not name " + field + ": " + abbreviate(response.toString()));
        }
    }

    private static List<String> named(Api.Response response) {
        List<String> named = new ArrayList<>();
        if (response.status() == 400 && response.isProblem()) {
            response.json()
                    .path("errors")
                    .forEach(error -> named.add(error.path("field").asString()));
        }
        return named;
    }

    /** Values of the wrong type, or of the right type but out of any sane range, for a field of this schema. */
    private List<@Nullable Object> wrongValues(JsonNode schema) {
        List<@Nullable Object> wrong = new ArrayList<>();
        wrong.add(Map.of("nested", true));
        wrong.add(List.of(List.of()));
        switch (type(schema)) {
            case "integer", "number" -> {
                wrong.add("twelve");
                wrong.add("");
                wrong.add(true);
                wrong.add(new java.math.BigInteger("2147483648"));
                wrong.add(new java.math.BigInteger("99999999999999999999999999"));
                wrong.add(new java.math.BigDecimal("1e400"));
                wrong.add(-2147483649L);
                wrong.add(1.5);
            }
            case "boolean" -> {
                wrong.add("");
                wrong.add("maybe");
                wrong.add(2);
            }
            case "array" -> {
                wrong.add("not-an-array");
                List<@Nullable Object> withNull = new ArrayList<>();
                withNull.add(null);
                wrong.add(withNull);
                @Nullable Object item = value(resolve(schema.path("items")), 1);
                if (item != null) {
                    wrong.add(List.of(item, item));
                }
                wrong.add(List.of(Map.of("nested", true)));
            }
            case "object" -> {
                wrong.add("not-an-object");
                wrong.add(42);
            }
            default -> {
                wrong.add(12);
                wrong.add(true);
                String format = schema.path("format").asString();
                if (schema.has("enum")) {
                    wrong.add(0);
                    wrong.add("");
                    wrong.add("NO_SUCH_VALUE");
                }
                switch (format) {
                    case "uuid" -> {
                        wrong.add("");
                        wrong.add("not-a-uuid");
                    }
                    case "date-time" -> {
                        wrong.add("+999999999-12-31T23:59:59Z");
                        wrong.add("-999999999-01-01T00:00:00Z");
                        wrong.add("2030-13-45T99:99:99Z");
                        wrong.add("");
                    }
                    case "date" -> {
                        wrong.add("+999999-01-01");
                        wrong.add("-999999-01-01");
                        wrong.add("2030-02-30");
                        wrong.add("");
                    }
                    default -> {
                        wrong.add("\u0000");
                        wrong.add("z".repeat(20_000));
                    }
                }
            }
        }
        return wrong;
    }

    private List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        operations.add(
                                new Operation(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
                    }
                }));
        return operations;
    }

    private static @Nullable JsonNode jsonSchema(Operation operation) {
        JsonNode schema = operation
                .spec()
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        return schema.isMissingNode() ? null : schema;
    }

    private @Nullable Object validBody(Operation operation) {
        JsonNode schema = jsonSchema(operation);
        return schema == null ? null : value(schema, 0);
    }

    private static String randomIds(String template) {
        Matcher matcher = PARAMETER.matcher(template);
        var out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, UUID.randomUUID().toString());
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private JsonNode resolve(@Nullable JsonNode schema) {
        if (schema == null) {
            return Api.JSON.createObjectNode();
        }
        if (schema.has("$ref")) {
            String ref = schema.path("$ref").asString();
            String name = ref.substring(ref.lastIndexOf('/') + 1);
            String section = ref.contains("/parameters/") ? "parameters" : "schemas";
            return resolve(document.path("components").path(section).path(name));
        }
        return schema;
    }

    /** A value built from the schema's examples and types, valid enough to get past the parser. */
    private @Nullable Object value(JsonNode schema, int depth) {
        JsonNode resolved = resolve(schema);
        if (depth > 6) {
            return null;
        }
        if (resolved.has("example") && depth > 0) {
            return Api.JSON.treeToValue(resolved.path("example"), Object.class);
        }
        switch (type(resolved)) {
            case "object" -> {
                Map<String, @Nullable Object> object = new LinkedHashMap<>();
                Set<String> required = new HashSet<>();
                resolved.path("required").forEach(r -> required.add(r.asString()));
                resolved.path("properties").properties().forEach(property -> {
                    if (required.contains(property.getKey())
                            || resolve(property.getValue()).has("example")) {
                        object.put(property.getKey(), value(property.getValue(), depth + 1));
                    }
                });
                return object;
            }
            case "array" -> {
                return List.of();
            }
            case "integer", "number" -> {
                return 1;
            }
            case "boolean" -> {
                return false;
            }
            default -> {
                if (resolved.has("enum")) {
                    return resolved.path("enum").path(0).asString();
                }
                return switch (resolved.path("format").asString()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> "2030-01-01T00:00:00Z";
                    case "date" -> "2030-01-01";
                    case "email" -> "fuzz@example.com";
                    default -> "fuzz";
                };
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!t.asString().equals("null")) {
                    return t.asString();
                }
            }
        }
        return type.isMissingNode() ? (schema.has("properties") ? "object" : "string") : type.asString();
    }

    private static String abbreviate(String text) {
        String clean = text.replace("\u0000", "\\0");
        return clean.length() > 300 ? clean.substring(0, 300) + "…" : clean;
    }
}
