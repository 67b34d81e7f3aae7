package io.moonknight.identity.internal;

import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import org.jspecify.annotations.Nullable;

/** The editable contact details of a user. */
public record UserProfile(
        EmailAddress email, String fullName, @Nullable PhoneNumber phone) {

    public UserProfile {
        fullName = fullName(fullName);
    }

    /** Validates a full name: 1-120 characters after trimming. */
    public static String fullName(String value) {
        String trimmed = value.strip();
        if (trimmed.isEmpty() || trimmed.length() > 120) {
            throw new IllegalArgumentException("must be 1-120 characters");
        }
        return trimmed;
    }
}
