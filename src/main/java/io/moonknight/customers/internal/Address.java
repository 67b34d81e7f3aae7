package io.moonknight.customers.internal;

import io.moonknight.customers.domain.GeoPoint;
import jakarta.persistence.Embeddable;
import org.jspecify.annotations.Nullable;

/** A postal address with an optional map pin. */
@Embeddable
public record Address(
        @Nullable String line1,
        @Nullable String line2,
        @Nullable String city,
        @Nullable String region,
        @Nullable String postalCode,
        @Nullable String country,
        @Nullable Double latitude,
        @Nullable Double longitude) {

    public static final Address EMPTY = new Address(null, null, null, null, null, null, null, null);

    public Address {
        line1 = clean(line1, 200, "line1");
        line2 = clean(line2, 200, "line2");
        city = clean(city, 100, "city");
        region = clean(region, 100, "region");
        postalCode = clean(postalCode, 20, "postalCode");
        country = clean(country, 60, "country");
        if ((latitude == null) != (longitude == null)) {
            throw new IllegalArgumentException("a map pin needs both latitude and longitude");
        }
        if (latitude != null && longitude != null) {
            new GeoPoint(latitude, longitude);
        }
    }

    public @Nullable GeoPoint pin() {
        return latitude == null || longitude == null ? null : new GeoPoint(latitude, longitude);
    }

    public boolean isEmpty() {
        return equals(EMPTY);
    }

    /** One line for lists: "12 Road 5, Dhanmondi, Dhaka". */
    public String oneLine() {
        var parts = new java.util.ArrayList<String>();
        for (String part : new @Nullable String[] {line1, line2, city, region, postalCode, country}) {
            if (part != null) {
                parts.add(part);
            }
        }
        return String.join(", ", parts);
    }

    private static @Nullable String clean(@Nullable String value, int max, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new IllegalArgumentException(field + " must be at most " + max + " characters");
        }
        return trimmed;
    }
}
