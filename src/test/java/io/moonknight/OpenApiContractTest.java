package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI document against the handlers it describes: every request body is the record the handler
 * binds (same properties, the constrained ones required, multipart where the handler takes parts), every
 * response is the type the handler returns, no schema name stands for two classes, and no list answers a
 * bare array.
 */
@IntegrationTest
class OpenApiContractTest {

    private static final String SCHEMAS = "#/components/schemas/";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlers;

    JsonNode document;

    /** Schema name to the Java types documented under it; more than one is a clash. */
    final Map<String, Set<String>> typesBySchemaName = new TreeMap<>();

    final List<String> mismatches = new ArrayList<>();

    record Endpoint(String method, String path, HandlerMethod handler) {}

    @BeforeEach
    void readTheDocument() {
        var response = new Api(port).get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        document = response.json();
    }

    @Test
    void noListAnswersABareArray() {
        List<String> bareArrays = new ArrayList<>();
        document.path("paths").properties().forEach(path -> {
            JsonNode get = path.getValue().path("get");
            for (var content : get.path("responses").path("200").path("content").properties()) {
                JsonNode schema = resolve(content.getValue().path("schema"));
                if (isArray(schema)) {
                    bareArrays.add("GET " + path.getKey() + " (" + content.getKey() + ")");
                }
            }
        });
        assertThat(bareArrays)
                .as("lists answer the PageResponse envelope {items, page, size, totalItems, totalPages, sort}")
                .isEmpty();
        assertThat(resolve(document.path("paths")
                                .path("/api/v1/ip-pools")
                                .path("get")
                                .path("responses")
                                .path("200")
                                .path("content")
                                .path("application/json")
                                .path("schema"))
                        .path("properties")
                        .has("items"))
                .isTrue();
    }

    @Test
    void everyDocumentedRequestBodyIsTheOneTheHandlerBinds() {
        int bodies = 0;
        for (Endpoint endpoint : endpoints()) {
            JsonNode operation = operation(endpoint);
            String where = endpoint.method() + " " + endpoint.path();
            JsonNode content = operation.path("requestBody").path("content");
            List<String> parts = new ArrayList<>();
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    bodies++;
                    JsonNode schema =
                            content.path(MediaType.APPLICATION_JSON_VALUE).path("schema");
                    if (schema.isMissingNode()) {
                        mismatches.add(where + ": takes a JSON body, documents " + names(content));
                    } else {
                        compare(where + " body", schema, ResolvableType.forMethodParameter(parameter), true);
                    }
                }
                RequestPart part = parameter.getParameterAnnotation(RequestPart.class);
                if (part != null) {
                    parts.add(part.name().isEmpty() ? part.value() : part.name());
                }
            }
            if (!parts.isEmpty()) {
                bodies++;
                JsonNode schema =
                        content.path(MediaType.MULTIPART_FORM_DATA_VALUE).path("schema");
                if (schema.isMissingNode() || content.size() != 1) {
                    mismatches.add(where + ": takes multipart/form-data, documents " + names(content));
                } else if (!names(resolve(schema).path("properties")).equals(new TreeSet<>(parts))) {
                    mismatches.add(where + ": takes the parts " + parts + ", documents "
                            + names(resolve(schema).path("properties")));
                }
            }
        }
        assertThat(bodies).isGreaterThan(40);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void everyDocumentedResponseIsTheTypeTheHandlerReturns() {
        int responses = 0;
        for (Endpoint endpoint : endpoints()) {
            ResolvableType returned = ResolvableType.forMethodReturnType(
                    endpoint.handler().getMethod(), endpoint.handler().getBeanType());
            if (ResponseEntity.class.equals(returned.resolve())) {
                returned = returned.getGeneric(0);
            }
            if (!isDescribed(returned)) {
                continue;
            }
            String where = endpoint.method() + " " + endpoint.path();
            JsonNode schema = successSchema(operation(endpoint));
            if (schema == null) {
                mismatches.add(where + ": returns " + returned + " but documents no JSON response");
                continue;
            }
            responses++;
            compare(where + " response", schema, returned, false);
        }
        assertThat(responses).isGreaterThan(80);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void noSchemaNameStandsForTwoClasses() {
        for (Endpoint endpoint : endpoints()) {
            JsonNode operation = operation(endpoint);
            for (MethodParameter parameter : endpoint.handler().getMethodParameters()) {
                JsonNode schema = operation
                        .path("requestBody")
                        .path("content")
                        .path(MediaType.APPLICATION_JSON_VALUE)
                        .path("schema");
                if (parameter.hasParameterAnnotation(RequestBody.class) && !schema.isMissingNode()) {
                    compare("", schema, ResolvableType.forMethodParameter(parameter), true);
                }
            }
            ResolvableType returned = ResolvableType.forMethodReturnType(
                    endpoint.handler().getMethod(), endpoint.handler().getBeanType());
            if (ResponseEntity.class.equals(returned.resolve())) {
                returned = returned.getGeneric(0);
            }
            JsonNode schema = successSchema(operation);
            if (isDescribed(returned) && schema != null) {
                compare("", schema, returned, false);
            }
        }
        assertThat(typesBySchemaName)
                .as("each schema name is one Java type (springdoc would silently pick one of several)")
                .allSatisfy((name, types) -> assertThat(types).as(name).hasSize(1));
        assertThat(typesBySchemaName)
                .containsKeys(
                        "BillingSettingsRequest",
                        "CustomersSettingsRequest",
                        "CustomersReasonRequest",
                        "SubscriptionsReasonRequest");
    }

    // ---- comparing a schema with a Java type

    /**
     * Compares a record's components with the schema's properties, recursively through nested records and
     * collections of them. Other types (strings, numbers, enums, maps, times) are not compared.
     */
    private void compare(String where, JsonNode schemaOrRef, ResolvableType type, boolean request) {
        Class<?> raw = type.resolve();
        if (raw == null) {
            return;
        }
        if (Collection.class.isAssignableFrom(raw) || raw.isArray()) {
            JsonNode schema = resolve(schemaOrRef);
            ResolvableType element = raw.isArray()
                    ? type.getComponentType()
                    : type.asCollection().getGeneric(0);
            if (!isArray(schema)) {
                mismatches.add(where + ": " + type + " is documented as " + schema);
            } else if (!schema.path("items").isMissingNode()) {
                compare(where + "[]", schema.path("items"), element, request);
            }
            return;
        }
        if (!raw.isRecord()) {
            return;
        }
        String name = refName(schemaOrRef);
        if (name == null) {
            mismatches.add(where + ": " + type + " is documented inline, not as a named schema: " + schemaOrRef);
            return;
        }
        boolean seen =
                !typesBySchemaName.computeIfAbsent(name, n -> new TreeSet<>()).add(type.toString());
        if (seen && typesBySchemaName.get(name).size() == 1) {
            return;
        }
        JsonNode schema = resolve(schemaOrRef);
        Set<String> documented = names(schema.path("properties"));
        Set<String> required = new TreeSet<>();
        schema.path("required").forEach(r -> required.add(r.asString()));
        Set<String> components = new TreeSet<>();
        compareComponents(where, name, schema, type, request, documented, required, components);
        if (!components.equals(documented)) {
            mismatches.add(where + ": schema " + name + " has " + documented + " but " + type + " has " + components);
        }
    }

    /** A record's JSON properties as Jackson sees them: components (unwrapped ones flattened) and getters. */
    private void compareComponents(
            String where,
            String name,
            JsonNode schema,
            ResolvableType type,
            boolean request,
            Set<String> documented,
            Set<String> required,
            Set<String> properties) {
        Class<?> raw = type.toClass();
        for (RecordComponent component : raw.getRecordComponents()) {
            if (component.getAccessor().isAnnotationPresent(JsonIgnore.class)) {
                continue;
            }
            ResolvableType componentType = ResolvableType.forField(field(raw, component), type);
            if (component.getAccessor().isAnnotationPresent(JsonUnwrapped.class)
                    || field(raw, component).isAnnotationPresent(JsonUnwrapped.class)) {
                compareComponents(where, name, schema, componentType, request, documented, required, properties);
                continue;
            }
            String property = propertyName(raw, component);
            properties.add(property);
            if (request && isConstrainedPresent(raw, component) && !required.contains(property)) {
                mismatches.add(where + ": " + name + "." + property + " must be sent but is not documented required");
            }
            if (documented.contains(property)) {
                compare(where + "." + property, schema.path("properties").path(property), componentType, request);
            }
        }
        for (Method method : raw.getMethods()) {
            String getter = getterProperty(method);
            if (getter != null && !method.isAnnotationPresent(JsonIgnore.class)) {
                properties.add(getter);
            }
        }
    }

    /** {@code isEmpty()} and {@code getTotal()} are properties to Jackson, also on a record. */
    private static @Nullable String getterProperty(Method method) {
        if (Modifier.isStatic(method.getModifiers())
                || method.getParameterCount() != 0
                || method.getDeclaringClass() == Object.class
                || method.getDeclaringClass() == Record.class) {
            return null;
        }
        String methodName = method.getName();
        int prefix = methodName.startsWith("get") && !methodName.equals("getClass")
                ? 3
                : methodName.startsWith("is") && method.getReturnType() == boolean.class ? 2 : 0;
        if (prefix == 0 || methodName.length() == prefix || !Character.isUpperCase(methodName.charAt(prefix))) {
            return null;
        }
        return Character.toLowerCase(methodName.charAt(prefix)) + methodName.substring(prefix + 1);
    }

    private static String propertyName(Class<?> record, RecordComponent component) {
        JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
        if (renamed == null) {
            renamed = field(record, component).getAnnotation(JsonProperty.class);
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static boolean isConstrainedPresent(Class<?> record, RecordComponent component) {
        Field field = field(record, component);
        for (var annotation : List.of(NotNull.class, NotBlank.class, NotEmpty.class)) {
            if (component.isAnnotationPresent(annotation) || field.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
    }

    private static Field field(Class<?> record, RecordComponent component) {
        try {
            return record.getDeclaredField(component.getName());
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Records and collections are compared; files, streams, strings and maps are not. */
    private static boolean isDescribed(ResolvableType type) {
        Class<?> raw = type.resolve();
        return raw != null && (raw.isRecord() || Collection.class.isAssignableFrom(raw));
    }

    // ---- reading the document

    private List<Endpoint> endpoints() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
                handlers.getHandlerMethods().entrySet()) {
            var patterns = entry.getKey().getPathPatternsCondition();
            if (patterns == null) {
                continue;
            }
            for (String path : patterns.getPatternValues()) {
                if (!path.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod method : entry.getKey().getMethodsCondition().getMethods()) {
                    endpoints.add(new Endpoint(method.name(), path, entry.getValue()));
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(100);
        return endpoints;
    }

    private JsonNode operation(Endpoint endpoint) {
        JsonNode operation = document.path("paths")
                .path(endpoint.path())
                .path(endpoint.method().toLowerCase());
        assertThat(operation.isMissingNode())
                .as(endpoint.method() + " " + endpoint.path() + " is documented")
                .isFalse();
        return operation;
    }

    private static @Nullable JsonNode successSchema(JsonNode operation) {
        for (var response : operation.path("responses").properties()) {
            if (response.getKey().startsWith("2")) {
                JsonNode schema = response.getValue()
                        .path("content")
                        .path(MediaType.APPLICATION_JSON_VALUE)
                        .path("schema");
                if (!schema.isMissingNode()) {
                    return schema;
                }
            }
        }
        return null;
    }

    private JsonNode resolve(JsonNode schema) {
        String name = refName(schema);
        return name == null
                ? schema
                : document.path("components").path("schemas").path(name);
    }

    /** The schema name a property refers to, also when OpenAPI 3.1 wraps it for nullability. */
    private static @Nullable String refName(JsonNode schema) {
        if (schema.has("$ref")) {
            return schema.path("$ref").asString().substring(SCHEMAS.length());
        }
        for (String combinator : List.of("oneOf", "anyOf", "allOf")) {
            for (JsonNode alternative : schema.path(combinator)) {
                if (alternative.has("$ref")) {
                    return refName(alternative);
                }
            }
        }
        return null;
    }

    private static boolean isArray(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.asString().equals("array")) {
                    return true;
                }
            }
            return false;
        }
        return type.asString().equals("array");
    }

    private static Set<String> names(JsonNode object) {
        Set<String> names = new LinkedHashSet<>();
        object.properties().forEach(p -> names.add(p.getKey()));
        return new TreeSet<>(names);
    }
}
