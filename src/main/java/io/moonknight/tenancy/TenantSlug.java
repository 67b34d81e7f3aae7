package io.moonknight.tenancy;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A tenant's short name: a DNS label, so the console can answer on {@code <slug>.<base-domain>}. A few
 * names are reserved for the platform's own hosts.
 */
public record TenantSlug(String value) {

    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    static final Set<String> RESERVED = Set.of(
            "www",
            "api",
            "app",
            "admin",
            "platform",
            "console",
            "login",
            "mail",
            "smtp",
            "static",
            "assets",
            "status",
            "docs",
            "help",
            "support",
            "portal",
            "radius",
            "metrics");

    public TenantSlug {
        if (!DNS_LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be 1-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen");
        }
        if (RESERVED.contains(value)) {
            throw new IllegalArgumentException("'" + value + "' is reserved");
        }
    }

    /** Accepts any case and surrounding blanks, as typed on a login form. */
    public static TenantSlug parse(String raw) {
        return new TenantSlug(raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
