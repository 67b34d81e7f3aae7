package io.moonknight.identity.security;

import io.moonknight.identity.internal.AccessTokens;
import io.moonknight.identity.internal.ActorResolver;
import io.moonknight.identity.internal.ApiKeyService;
import io.moonknight.identity.internal.AuthService;
import io.moonknight.identity.internal.JwtKey;
import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.security.ActorAuthentication;
import java.util.Objects;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains: the REST API ({@code /api/**}) is stateless and takes bearer tokens (JWT access tokens
 * or API keys); the console is everything else, with a session cookie, CSRF protection and a form login
 * followed, when required, by a two-factor step. Every endpoint and page is further guarded by a permission
 * ({@code @PreAuthorize("hasAuthority('users:manage')")}).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https://*.tile.openstreetmap.org; "
            + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "form-action 'self'; object-src 'none'";

    /** What the metrics user holds: reading {@code /actuator/prometheus} and {@code /actuator/info}. */
    static final String METRICS_AUTHORITY = "system:metrics";

    static final String[] PUBLIC_PAGES = {
        "/login",
        "/login/two-factor",
        "/login/two-factor/**",
        "/webjars/**",
        "/css/**",
        "/js/**",
        "/img/**",
        "/favicon.ico",
        "/manifest.webmanifest",
        "/error",
        "/v3/api-docs",
        "/v3/api-docs/**",
        "/swagger-ui/**",
        "/swagger-ui.html"
    };

    @Bean
    JwtDecoder jwtDecoder(JwtKey key) {
        var decoder = NimbusJwtDecoder.withSecretKey(key.key())
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(AccessTokens.ISSUER));
        return decoder;
    }

    /**
     * Actuator endpoints: health (liveness, readiness) is public for load balancers and orchestrators; everything
     * else (info, prometheus) needs the {@code system:metrics} authority, which only the configured metrics user
     * holds (HTTP Basic, {@code moonknight.security.metrics-username} / {@code metrics-password}). Also applies on
     * a separate {@code management.server.port}.
     */
    @Bean
    @Order(0)
    SecurityFilterChain actuatorSecurity(HttpSecurity http, MoonKnightProperties properties, PasswordEncoder encoder) {
        var users = new InMemoryUserDetailsManager();
        String password = properties.security().metricsPassword();
        if (password != null && !password.isBlank()) {
            users.createUser(User.withUsername(properties.security().metricsUsername())
                    .password(Objects.requireNonNull(encoder.encode(password)))
                    .authorities(METRICS_AUTHORITY)
                    .build());
        }
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .anyRequest()
                        .hasAuthority(METRICS_AUTHORITY))
                .userDetailsService(users)
                .httpBasic(basic -> basic.realmName("MoonKnight metrics"))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http, JwtDecoder decoder, ActorResolver actors, ApiKeyService apiKeys) {
        var handlers = new ApiSecurityHandlers();
        var jwt = new JwtAuthenticationProvider(decoder);
        jwt.setJwtAuthenticationConverter(new JwtActorConverter(actors));
        var bearer = new ApiBearerAuthentication(jwt, apiKeys);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .anonymous(anonymous -> anonymous.disable())
                .authorizeHttpRequests(requests -> requests.requestMatchers(HttpMethod.POST, "/api/v1/auth/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .authenticationManagerResolver(request -> bearer)
                        .bearerTokenResolver(bearer)
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers))
                .headers(headers -> headers.contentSecurityPolicy(
                                csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleSecurity(
            HttpSecurity http, AuthService auth, ActorResolver actors, MoonKnightProperties properties) {
        http.authorizeHttpRequests(requests -> requests.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationProvider(new ConsoleAuthenticationProvider(auth))
                .formLogin(form -> form.loginPage("/login")
                        .authenticationDetailsSource(ConsoleLoginDetails.source(properties.baseDomain()))
                        .failureHandler(new ConsoleLoginFailureHandler())
                        .defaultSuccessUrl("/", false))
                .logout(logout -> logout.logoutUrl("/logout")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication instanceof ActorAuthentication actor
                                    && actor.actor().sessionId() != null) {
                                auth.endSession(actor.actor().sessionId(), "logout");
                            }
                        })
                        .logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new ConsoleSessionFilter(actors), AnonymousAuthenticationFilter.class)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        return http.build();
    }
}
