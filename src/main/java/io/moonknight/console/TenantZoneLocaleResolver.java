package io.moonknight.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.TimeZone;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleContextResolver;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;

/**
 * Makes the viewer's tenant timezone (UTC for the platform) the request's time zone, so a controller that
 * takes a {@link java.time.ZoneId} or {@link TimeZone} parameter gets it. Spring MVC resolves those
 * parameters itself, from the {@code localeResolver}, before any custom argument resolver is asked: a
 * resolver of our own for {@code ZoneId} was never reached and such controllers got the server's zone.
 */
@Component("localeResolver")
class TenantZoneLocaleResolver implements LocaleContextResolver {

    private final ConsoleTimes times;
    private final AcceptHeaderLocaleResolver locales = new AcceptHeaderLocaleResolver();

    TenantZoneLocaleResolver(ConsoleTimes times) {
        this.times = times;
    }

    @Override
    public LocaleContext resolveLocaleContext(HttpServletRequest request) {
        return new TimeZoneAwareLocaleContext() {
            @Override
            public Locale getLocale() {
                return locales.resolveLocale(request);
            }

            @Override
            public TimeZone getTimeZone() {
                return TimeZone.getTimeZone(times.zone());
            }
        };
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    @Override
    public void setLocaleContext(
            HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable LocaleContext context) {
        // the time zone is the tenant's setting and the locale follows the browser: nothing to store
    }

    @Override
    public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
        // the locale follows the browser: nothing to store
    }
}
