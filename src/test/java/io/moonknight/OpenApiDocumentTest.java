package io.moonknight;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    @Test
    void theApiIsDescribedAsOpenApi31WithBearerAuthentication() {
        var api = new Api(port);
        var document = api.get("/v3/api-docs", null);
        assertThat(document.status()).isEqualTo(200);
        var json = document.json();
        assertThat(json.path("openapi").asString()).startsWith("3.1");
        assertThat(json.path("info").path("title").asString()).isEqualTo("MoonKnight API");
        assertThat(json.path("components")
                        .path("securitySchemes")
                        .path("bearer")
                        .path("scheme")
                        .asString())
                .isEqualTo("bearer");
        var paths = json.path("paths");
        for (String path : new String[] {
            "/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/me", "/api/v1/users",
            "/api/v1/users/{id}", "/api/v1/roles", "/api/v1/permissions", "/api/v1/tenant", "/api/v1/platform/tenants"
        }) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        assertThat(paths.path("/api/v1/auth/login")
                        .path("post")
                        .path("security")
                        .isArray())
                .isTrue();
        assertThat(paths.path("/api/v1/users").path("get").path("parameters").toString())
                .contains("\"page\"", "\"size\"", "\"sort\"");
        assertThat(api.get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }
}
