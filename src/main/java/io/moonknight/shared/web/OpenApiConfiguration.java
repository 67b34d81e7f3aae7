package io.moonknight.shared.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The OpenAPI document's header (every operation takes a bearer token unless it says otherwise) and its
 * schema names ({@link SchemaNames}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static final String BEARER = "bearer";

    /**
     * swagger-core's model resolver, naming schemas with {@link SchemaNames}. springdoc replaces the default
     * resolver (same class) with this bean; ordered first, it stays last in the converter chain, behind
     * springdoc's own converters, as the default one is.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    ModelResolver uniquelyNamingModelResolver() {
        return new ModelResolver(Json31.mapper(), SchemaNames.ofApplicationClasses()).openapi31(true);
    }

    @Bean
    OpenAPI moonKnightOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("MoonKnight API")
                        .version("v1")
                        .description(
                                "Multi-tenant ISP management. Log in with POST /api/v1/auth/login and send the access"
                                    + " token as `Authorization: Bearer <token>`. Lists are paginated (`page`, `size`,"
                                    + " `sort`); errors are RFC 9457 problem details. See docs/api.md.")
                        .license(new License().name("Apache-2.0").url("https://www.apache.org/licenses/LICENSE-2.0")))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT or API key")
                                        .description("An access token from /api/v1/auth/login")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
