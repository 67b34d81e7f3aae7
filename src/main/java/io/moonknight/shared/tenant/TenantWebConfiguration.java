package io.moonknight.shared.tenant;

import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TenantWebConfiguration {

    @Bean
    FilterRegistrationBean<TenantContextFilter> tenantContextFilter() {
        var registration = new FilterRegistrationBean<>(new TenantContextFilter());
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        return registration;
    }
}
