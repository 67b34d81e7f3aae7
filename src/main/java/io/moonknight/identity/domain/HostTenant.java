package io.moonknight.identity.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * Finds the tenant a console request addresses from its host: {@code <slug>.<base-domain>}. The bare base
 * domain, an IP address or any other host names no tenant, and the login page asks for one.
 */
public final class HostTenant {

    private HostTenant() {}

    public static Optional<String> slug(String host, String baseDomain) {
        String name = stripPort(host).toLowerCase(Locale.ROOT);
        String base = baseDomain.toLowerCase(Locale.ROOT);
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        if (base.isEmpty() || !name.endsWith("." + base)) {
            return Optional.empty();
        }
        String label = name.substring(0, name.length() - base.length() - 1);
        if (label.isEmpty() || label.contains(".")) {
            return Optional.empty();
        }
        return Optional.of(label);
    }

    private static String stripPort(String host) {
        if (host.startsWith("[")) {
            return host; // IPv6 literal: never a tenant subdomain
        }
        int colon = host.indexOf(':');
        return colon < 0 ? host : host.substring(0, colon);
    }
}
