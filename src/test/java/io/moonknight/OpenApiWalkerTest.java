package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestFiles;
import io.moonknight.testsupport.TestTenants;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Walks the OpenAPI document and calls every operation (a) with no credentials, (b) as a user without the
 * operation's permission, (c) as tenant A's administrator against tenant B's ids: always 401 / 403 / 404, a
 * problem detail, never B's data, never 500. Tenant B is filled the way the demo tenant is (every module's
 * {@link DemoDataContributor}), so an endpoint a later module adds is covered without touching this test.
 */
@IntegrationTest
class OpenApiWalkerTest {

    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    @LocalServerPort
    int port;

    @Autowired
    List<DemoDataContributor> contributors;

    @Autowired
    PlatformTransactionManager transactionManager;

    Api api;
    JsonNode document;

    record Call(String method, String path, JsonNode operation) {}

    @Test
    void everyOperationRefusesStrangersTheUnpermittedAndOtherTenants() {
        api = new Api(port);
        var tenants = new TestTenants(api);
        var a = tenants.create();
        var b = tenants.create();
        fillLikeTheDemoTenant(b);
        var nobody = tenants.userWith(a, Set.of());
        document = api.get("/v3/api-docs", null).json();
        String bMarker = b.slug();

        List<Call> calls = calls();
        assertThat(calls).hasSizeGreaterThan(30);
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (Call call : calls) {
            if (isPublic(call.operation())) {
                continue;
            }
            String randomPath =
                    substitute(call.path(), name -> UUID.randomUUID().toString());
            Object body = body(call.operation());

            check(failures, call, "no credentials", send(call, randomPath, body, null), 401, bMarker);
            checked++;

            List<String> permissions = permissions(call.operation());
            if (!permissions.isEmpty()) {
                check(failures, call, "without permission", send(call, randomPath, body, nobody.token()), 403, bMarker);
                checked++;
            }

            if (PARAMETER.matcher(call.path()).find() && !call.path().startsWith("/api/v1/platform/")) {
                String bPath = resolveIn(call.path(), b.adminToken(), failures);
                if (bPath != null) {
                    check(failures, call, "on tenant B's ids", send(call, bPath, body, a.adminToken()), 404, bMarker);
                    checked++;
                }
            }
        }
        assertThat(failures).as("%d checks", checked).isEmpty();
    }

    /** Sends the body the way the operation documents it: JSON, or multipart/form-data with a small file. */
    private Api.Response send(Call call, String path, @Nullable Object body, @Nullable String token) {
        JsonNode multipart = call.operation()
                .path("requestBody")
                .path("content")
                .path("multipart/form-data")
                .path("schema");
        if (multipart.isMissingNode()) {
            return api.send(call.method(), path, body, token, Map.of());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String fileField = "file";
        for (var property : multipart.path("properties").properties()) {
            if (property.getValue().path("format").asString().equals("binary")) {
                fileField = property.getKey();
            } else {
                fields.put(property.getKey(), "walker");
            }
        }
        return api.upload(path, fields, fileField, "walker.pdf", "application/pdf", TestFiles.pdf(), token);
    }

    private void fillLikeTheDemoTenant(TestTenants.TenantFixture tenant) {
        var demo = new DemoTenant(tenant.id(), tenant.slug(), TestTenants.PASSWORD);
        TenantContext.run(
                tenant.id(),
                () -> new TransactionTemplate(transactionManager)
                        .executeWithoutResult(status -> contributors.stream()
                                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                                .forEach(contributor -> contributor.contribute(demo))));
    }

    private List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        document.path("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    if (METHODS.contains(operation.getKey())) {
                        calls.add(new Call(operation.getKey().toUpperCase(), path.getKey(), operation.getValue()));
                    }
                }));
        return calls;
    }

    private static boolean isPublic(JsonNode operation) {
        JsonNode security = operation.path("security");
        return security.isArray() && security.isEmpty();
    }

    private static List<String> permissions(JsonNode operation) {
        List<String> permissions = new ArrayList<>();
        operation.path("x-permissions").forEach(p -> permissions.add(p.asString()));
        return permissions;
    }

    private static void check(
            List<String> failures, Call call, String how, Api.Response response, int expected, String bMarker) {
        String what = call.method() + " " + call.path() + " " + how;
        if (response.status() != expected) {
            failures.add(what + ": expected " + expected + " but got " + response);
        } else if (!response.isProblem()) {
            failures.add(what + ": not a problem detail: " + response.header("Content-Type"));
        } else if (response.body().contains(bMarker)) {
            failures.add(what + ": leaks tenant B's data: " + response.body());
        }
    }

    /**
     * Replaces each path parameter with the id of one of tenant B's resources of that kind, looking through B's
     * list at each level for one whose nested resources exist.
     */
    private @Nullable String resolveIn(String template, String bToken, List<String> failures) {
        String resolved = resolve(template, bToken);
        if (resolved == null) {
            failures.add(template + ": tenant B has nothing to probe it with; give the module demo data");
        }
        return resolved;
    }

    private @Nullable String resolve(String template, String token) {
        Matcher matcher = PARAMETER.matcher(template);
        if (!matcher.find()) {
            return template;
        }
        String collection = template.substring(0, matcher.start());
        collection = collection.endsWith("/") ? collection.substring(0, collection.length() - 1) : collection;
        for (int page = 0; page < 3; page++) {
            var listing = api.get(collection + "?size=200&page=" + page, token);
            if (listing.status() != 200) {
                return null;
            }
            JsonNode items = listing.json().has("items") ? listing.json().path("items") : listing.json();
            String found = firstResolvable(template, matcher, items, token);
            if (found != null || !listing.json().has("items") || items.size() < 200) {
                return found;
            }
        }
        return null;
    }

    private @Nullable String firstResolvable(String template, Matcher matcher, JsonNode items, String token) {
        for (JsonNode item : items) {
            if (item.has("id")) {
                String candidate = template.substring(0, matcher.start())
                        + item.path("id").asString()
                        + template.substring(matcher.end());
                String resolved = resolve(candidate, token);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        return null;
    }

    private static String substitute(String template, java.util.function.Function<String, String> value) {
        Matcher matcher = PARAMETER.matcher(template);
        var out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(value.apply(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /** A request body built from the schema's examples and types, valid enough to reach the handler. */
    private @Nullable Object body(JsonNode operation) {
        JsonNode schema = operation
                .path("requestBody")
                .path("content")
                .path("application/json")
                .path("schema");
        return schema.isMissingNode() ? null : value(schema, 0);
    }

    private @Nullable Object value(JsonNode schema, int depth) {
        if (schema.has("$ref")) {
            String name = schema.path("$ref").asString().substring("#/components/schemas/".length());
            return value(document.path("components").path("schemas").path(name), depth + 1);
        }
        if (schema.has("example") && depth > 0) {
            return Api.JSON.treeToValue(schema.path("example"), Object.class);
        }
        String type = type(schema);
        switch (type) {
            case "object" -> {
                Map<String, Object> object = new LinkedHashMap<>();
                Set<String> required = new java.util.HashSet<>();
                schema.path("required").forEach(r -> required.add(r.asString()));
                schema.path("properties").properties().forEach(property -> {
                    if (required.contains(property.getKey())
                            || property.getValue().has("example")) {
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
                return switch (schema.path("format").asString()) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date-time" -> "2030-01-01T00:00:00Z";
                    case "date" -> "2030-01-01";
                    case "email" -> "walker@example.com";
                    default -> "walker";
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
}
