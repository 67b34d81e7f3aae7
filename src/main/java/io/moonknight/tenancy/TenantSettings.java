package io.moonknight.tenancy;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.IllformedLocaleException;
import java.util.Locale;

/**
 * The settings a tenant can change: display name, timezone (IANA), currency (ISO 4217) and default locale
 * (BCP 47). Each is validated here, so no invalid value is ever stored.
 */
public record TenantSettings(String name, ZoneId timezone, Currency currency, Locale locale) {

    public TenantSettings {
        name = name(name);
    }

    /** The ISP's display name: 1-120 characters after trimming. */
    public static String name(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new IllegalArgumentException("must be 1-120 characters");
        }
        return trimmed;
    }

    public static ZoneId zone(String value) {
        try {
            return ZoneId.of(value.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + value + "' is not an IANA timezone such as Europe/Berlin");
        }
    }

    public static Currency currency(String value) {
        try {
            String code = value.strip();
            if (code.length() != 3) {
                throw new IllegalArgumentException();
            }
            return Currency.getInstance(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not an ISO 4217 currency code such as USD");
        }
    }

    public static Locale locale(String value) {
        try {
            Locale locale = new Locale.Builder().setLanguageTag(value.strip()).build();
            if (locale.getLanguage().isEmpty()) {
                throw new IllformedLocaleException("no language");
            }
            return locale;
        } catch (IllformedLocaleException e) {
            throw new IllegalArgumentException("'" + value + "' is not a language tag such as en or bn-BD");
        }
    }
}
