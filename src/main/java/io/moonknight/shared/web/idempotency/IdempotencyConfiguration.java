package io.moonknight.shared.web.idempotency;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires idempotency keys into the request path: the filter around the request, the interceptor before handlers. */
@Configuration(proxyBeanMethods = false)
class IdempotencyConfiguration implements WebMvcConfigurer {

    private final IdempotencyKeys keys;

    IdempotencyConfiguration(IdempotencyKeys keys) {
        this.keys = keys;
    }

    /** After Spring Security (order -100) and the body checks (order 0): the principal is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter() {
        var registration = new FilterRegistrationBean<>(new IdempotencyFilter(keys));
        registration.setOrder(10);
        return registration;
    }

    /** Last, after the permission pre-check: a caller refused 403 claims no key. */
    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new IdempotencyInterceptor(keys)).order(Ordered.LOWEST_PRECEDENCE);
    }
}
