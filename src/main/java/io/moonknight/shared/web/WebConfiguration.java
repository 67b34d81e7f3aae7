package io.moonknight.shared.web;

import java.text.ParseException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.format.Formatter;
import org.springframework.format.FormatterRegistry;
import org.springframework.format.datetime.standard.InstantFormatter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<JsonBodyLimitFilter> jsonBodyLimitFilter() {
        var registration = new FilterRegistrationBean<>(new JsonBodyLimitFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    /** After Spring Security (order -100), so a stranger's upload is refused before it is parsed. */
    @Bean
    FilterRegistrationBean<RequestBodyCheckFilter> requestBodyCheckFilter() {
        var registration = new FilterRegistrationBean<>(new RequestBodyCheckFilter());
        registration.setOrder(0);
        return registration;
    }

    /** Tomcat answers requests it refuses before Spring (an encoded '/' in the path) with a problem under /api/. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
            }
        });
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new TextParameters());
        registry.addInterceptor(new PagingParameters()).addPathPatterns("/api/**");
    }

    /**
     * Query parameters of time types are read as ISO-8601 and only within years 1 to 9999, like JSON bodies
     * ({@link StrictJsonInput}); registered last, these formatters take precedence over Spring's defaults.
     */
    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addFormatterForFieldType(Instant.class, new BoundedFormatter<>(new InstantFormatter()::parse));
        registry.addFormatterForFieldType(
                LocalDate.class, new BoundedFormatter<>((text, locale) -> LocalDate.parse(text)));
    }

    private interface Parser<T> {
        T parse(String text, Locale locale) throws ParseException;
    }

    private record BoundedFormatter<T>(Parser<T> parser) implements Formatter<T> {

        @Override
        public T parse(String text, Locale locale) throws ParseException {
            T value;
            try {
                value = parser.parse(text.strip(), locale);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
            if (!TimeBounds.accepts(value)) {
                throw new IllegalArgumentException("must lie within " + TimeBounds.RANGE);
            }
            return value;
        }

        @Override
        public String print(T value, Locale locale) {
            return value.toString();
        }
    }
}
