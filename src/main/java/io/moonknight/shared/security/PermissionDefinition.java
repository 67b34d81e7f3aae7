package io.moonknight.shared.security;

import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A permission named per feature ({@code customers:read}). {@code grantedTo} lists the built-in roles that
 * hold it; {@link BuiltInRole#ADMIN} holds every staff permission whether listed or not.
 */
public record PermissionDefinition(String name, String description, Set<BuiltInRole> grantedTo) {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z-]*:[a-z][a-z-]*");

    public PermissionDefinition {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Permission names look like 'customers:read', not '" + name + "'");
        }
        grantedTo = grantedTo.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(grantedTo));
    }

    public static PermissionDefinition of(String name, String description, BuiltInRole... grantedTo) {
        return new PermissionDefinition(name, description, Set.of(grantedTo));
    }

    public String feature() {
        return name.substring(0, name.indexOf(':'));
    }
}
