package io.moonknight.tenancy.web;

import io.moonknight.shared.web.Fields;
import io.moonknight.tenancy.FirstAdmin;
import io.moonknight.tenancy.TenantSettings;
import io.moonknight.tenancy.TenantSlug;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** Request bodies of the tenant endpoints. */
final class TenantRequests {

    static final String DEFAULT_TIMEZONE = "UTC";
    static final String DEFAULT_CURRENCY = "USD";
    static final String DEFAULT_LOCALE = "en";

    private TenantRequests() {}

    record CreateTenant(
            @NotBlank @Size(max = 63) String slug,
            @NotBlank @Size(max = 120) String name,
            @Nullable @Size(max = 64) String timezone,
            @Nullable @Size(max = 3) String currency,
            @Nullable @Size(max = 35) String locale,
            @NotNull @Valid Admin admin) {

        TenantSlug tenantSlug() {
            return Fields.parse("slug", slug, TenantSlug::parse);
        }

        TenantSettings settings() {
            return TenantRequests.settings(
                    name,
                    timezone == null ? DEFAULT_TIMEZONE : timezone,
                    currency == null ? DEFAULT_CURRENCY : currency,
                    locale == null ? DEFAULT_LOCALE : locale);
        }
    }

    record Admin(
            @NotBlank @Size(max = 64) String username,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 120) String fullName,
            @NotBlank @Size(max = 128) String password) {

        FirstAdmin firstAdmin() {
            return new FirstAdmin(username, email, fullName, password);
        }
    }

    record UpdateSettings(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 64) String timezone,
            @NotBlank @Size(max = 3) String currency,
            @NotBlank @Size(max = 35) String locale) {

        TenantSettings settings() {
            return TenantRequests.settings(name, timezone, currency, locale);
        }
    }

    record Suspend(@NotBlank @Size(max = 500) String reason) {}

    static TenantSettings settings(String name, String timezone, String currency, String locale) {
        return new TenantSettings(
                name,
                Fields.parse("timezone", timezone, TenantSettings::zone),
                Fields.parse("currency", currency, TenantSettings::currency),
                Fields.parse("locale", locale, TenantSettings::locale));
    }
}
