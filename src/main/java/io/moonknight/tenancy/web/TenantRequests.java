package io.moonknight.tenancy.web;

import io.moonknight.shared.web.Fields;
import io.moonknight.tenancy.FirstAdmin;
import io.moonknight.tenancy.TenantSettings;
import io.moonknight.tenancy.TenantSlug;
import io.swagger.v3.oas.annotations.media.Schema;
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
            @Schema(example = "fibreco") @NotBlank @Size(max = 63)
            String slug,

            @Schema(example = "FibreCo Networks") @NotBlank @Size(max = 120)
            String name,

            @Schema(example = "Asia/Dhaka") @Nullable @Size(max = 64)
            String timezone,

            @Schema(example = "BDT") @Nullable @Size(max = 3)
            String currency,

            @Schema(example = "bn-BD") @Nullable @Size(max = 35)
            String locale,

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
            @Schema(example = "owner") @NotBlank @Size(max = 64)
            String username,

            @Schema(example = "owner@fibreco.example") @NotBlank @Email @Size(max = 254)
            String email,

            @Schema(example = "Farhana Owner") @NotBlank @Size(max = 120)
            String fullName,

            @Schema(example = "correct-horse-battery-9") @NotBlank @Size(max = 128)
            String password) {

        FirstAdmin firstAdmin() {
            return new FirstAdmin(username, email, fullName, password);
        }
    }

    record UpdateSettings(
            @Schema(example = "FibreCo Networks") @NotBlank @Size(max = 120)
            String name,

            @Schema(example = "Asia/Dhaka") @NotBlank @Size(max = 64)
            String timezone,

            @Schema(example = "BDT") @NotBlank @Size(max = 3)
            String currency,

            @Schema(example = "bn-BD") @NotBlank @Size(max = 35)
            String locale) {

        TenantSettings settings() {
            return TenantRequests.settings(name, timezone, currency, locale);
        }
    }

    record Suspend(
            @Schema(example = "Platform invoice unpaid") @NotBlank @Size(max = 500)
            String reason) {}

    static TenantSettings settings(String name, String timezone, String currency, String locale) {
        return new TenantSettings(
                Fields.parse("name", name, TenantSettings::name),
                Fields.parse("timezone", timezone, TenantSettings::zone),
                Fields.parse("currency", currency, TenantSettings::currency),
                Fields.parse("locale", locale, TenantSettings::locale));
    }
}
