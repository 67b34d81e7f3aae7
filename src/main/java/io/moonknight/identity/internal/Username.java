package io.moonknight.identity.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/** A login name: 2-64 lowercase letters, digits, dots, hyphens or underscores, unique per tenant. */
public record Username(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");

    public Username {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "must be 2-64 characters: letters, digits, '.', '-' or '_', starting with a letter or digit");
        }
    }

    public static Username parse(String raw) {
        return new Username(raw.strip().toLowerCase(Locale.ROOT));
    }
}
