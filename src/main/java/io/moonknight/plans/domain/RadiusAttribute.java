package io.moonknight.plans.domain;

/**
 * A RADIUS attribute as FreeRADIUS dictionaries name it; {@code name} may carry a tag ({@code
 * ERX-Service-Activate:1}). The value is the attribute's text form (strings unquoted).
 */
public record RadiusAttribute(String name, String value) {

    @Override
    public String toString() {
        return name + " = " + value;
    }
}
