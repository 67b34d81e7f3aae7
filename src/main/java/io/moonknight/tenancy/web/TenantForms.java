package io.moonknight.tenancy.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Form-backing beans of the tenant pages. */
final class TenantForms {

    private TenantForms() {}

    static class Settings {
        @NotBlank(message = "Name the ISP")
        @Size(max = 120)
        private String name = "";

        @NotBlank(message = "Choose a timezone")
        @Size(max = 64)
        private String timezone = TenantRequests.DEFAULT_TIMEZONE;

        @NotBlank(message = "Choose a currency")
        @Size(max = 3)
        private String currency = TenantRequests.DEFAULT_CURRENCY;

        @NotBlank(message = "Choose a language")
        @Size(max = 35)
        private String locale = TenantRequests.DEFAULT_LOCALE;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getTimezone() {
            return timezone;
        }

        public void setTimezone(String timezone) {
            this.timezone = timezone;
        }

        public String getCurrency() {
            return currency;
        }

        public void setCurrency(String currency) {
            this.currency = currency;
        }

        public String getLocale() {
            return locale;
        }

        public void setLocale(String locale) {
            this.locale = locale;
        }
    }

    static class NewTenant extends Settings {
        @NotBlank(message = "Choose the tenant's short name")
        @Size(max = 63)
        private String slug = "";

        @NotBlank(message = "Choose the admin's username")
        @Size(max = 64)
        private String adminUsername = "admin";

        @NotBlank(message = "Enter the admin's email")
        @Size(max = 254)
        private String adminEmail = "";

        @NotBlank(message = "Enter the admin's name")
        @Size(max = 120)
        private String adminFullName = "";

        @NotBlank(message = "Set the admin's initial password")
        @Size(max = 128)
        private String adminPassword = "";

        public String getSlug() {
            return slug;
        }

        public void setSlug(String slug) {
            this.slug = slug;
        }

        public String getAdminUsername() {
            return adminUsername;
        }

        public void setAdminUsername(String adminUsername) {
            this.adminUsername = adminUsername;
        }

        public String getAdminEmail() {
            return adminEmail;
        }

        public void setAdminEmail(String adminEmail) {
            this.adminEmail = adminEmail;
        }

        public String getAdminFullName() {
            return adminFullName;
        }

        public void setAdminFullName(String adminFullName) {
            this.adminFullName = adminFullName;
        }

        public String getAdminPassword() {
            return adminPassword;
        }

        public void setAdminPassword(String adminPassword) {
            this.adminPassword = adminPassword;
        }
    }

    static class Suspension {
        @NotBlank(message = "Say why the tenant is suspended; its users will see it")
        @Size(max = 500)
        private String reason = "";

        public String getReason() {
            return reason;
        }

        public void setReason(String reason) {
            this.reason = reason;
        }
    }
}
