package io.moonknight.network.internal;

import io.moonknight.network.NasAddressing;
import io.moonknight.network.NasStatus;
import io.moonknight.network.NasVendor;
import io.moonknight.network.domain.IpAddress;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A NAS as staff enter it. A null {@code secret} or {@code apiPassword} keeps the stored one (both are
 * write-only); an empty {@code apiPassword} removes it.
 */
public record NasDraft(
        String name,
        NasVendor vendor,
        String address,
        @Nullable String secret,
        int coaPort,
        boolean supportsCoa,
        @Nullable String location,
        @Nullable Double latitude,
        @Nullable Double longitude,
        @Nullable Integer apiPort,
        boolean apiTls,
        boolean requireMessageAuthenticator,
        NasAddressing addressing,
        @Nullable String apiUsername,
        @Nullable String apiPassword,
        @Nullable String description,
        NasStatus status) {

    static final int SECRET_MIN = 8;
    static final int SECRET_MAX = 128;

    NasDraft check(boolean secretRequired) {
        List<FieldError> errors = new ArrayList<>();
        if (name.isBlank() || name.strip().length() > 80) {
            errors.add(new FieldError("name", "give a name of 1-80 characters"));
        }
        String cleanAddress = null;
        try {
            cleanAddress = IpAddress.parse(address).toString();
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(
                    "address", "the address RADIUS requests come from, as an IP address: " + e.getMessage()));
        }
        if (secret == null || secret.isEmpty()) {
            if (secretRequired) {
                errors.add(new FieldError("secret", "enter the RADIUS shared secret configured on the NAS"));
            }
        } else if (secret.length() < SECRET_MIN || secret.length() > SECRET_MAX) {
            errors.add(new FieldError("secret", "must be " + SECRET_MIN + "-" + SECRET_MAX + " characters"));
        } else if (!secret.chars().allMatch(c -> c >= 0x20 && c <= 0x7e) || !secret.equals(secret.strip())) {
            errors.add(new FieldError("secret", "use printable ASCII characters, without spaces at the start or end"));
        }
        if (coaPort < 1 || coaPort > 65535) {
            errors.add(new FieldError("coaPort", "must be a port number, 1-65535"));
        }
        if (apiPort != null && (apiPort < 1 || apiPort > 65535)) {
            errors.add(new FieldError("apiPort", "must be a port number, 1-65535"));
        }
        if ((latitude == null) != (longitude == null)) {
            errors.add(new FieldError("latitude", "give both latitude and longitude, or neither"));
        } else if (latitude != null && longitude != null && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
            errors.add(new FieldError("latitude", "latitude is -90..90 and longitude -180..180"));
        }
        length(errors, "location", location, 200);
        length(errors, "apiUsername", apiUsername, 80);
        length(errors, "apiPassword", apiPassword, 200);
        length(errors, "description", description, 1000);
        if (!errors.isEmpty() || cleanAddress == null) {
            throw ProblemException.invalidFields(errors);
        }
        return new NasDraft(
                name.strip(),
                vendor,
                cleanAddress,
                secret == null || secret.isEmpty() ? null : secret,
                coaPort,
                supportsCoa,
                blankToNull(location),
                latitude,
                longitude,
                apiPort,
                apiTls,
                requireMessageAuthenticator,
                addressing,
                blankToNull(apiUsername),
                apiPassword,
                blankToNull(description),
                status);
    }

    private static void length(List<FieldError> errors, String field, @Nullable String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new FieldError(field, "must be at most " + max + " characters"));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
