package io.moonknight.shared.values;

import java.util.regex.Pattern;

/**
 * A phone number, normalised to an optional {@code +} and 6-15 digits (E.164 length); spaces, dots,
 * hyphens and parentheses are accepted on input and dropped.
 */
public record PhoneNumber(String value) {

    private static final Pattern TYPED = Pattern.compile("\\+?[0-9 ().-]{6,30}");
    private static final Pattern NORMALISED = Pattern.compile("\\+?[0-9]{6,15}");

    public PhoneNumber {
        String trimmed = value.strip();
        if (!TYPED.matcher(trimmed).matches()) {
            throw new IllegalArgumentException("must be a phone number such as +1 555 010 0199");
        }
        value = trimmed.replaceAll("[ ().-]", "");
        if (!NORMALISED.matcher(value).matches()) {
            throw new IllegalArgumentException("must be a phone number of 6 to 15 digits, optionally starting with +");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
