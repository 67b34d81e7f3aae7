package io.moonknight.shared.values;

import java.util.regex.Pattern;

/** An email address: a plausible local part, an {@code @}, and a domain with a dot. Stored as given, trimmed. */
public record EmailAddress(String value) {

    private static final Pattern FORMAT = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        value = value.strip();
        if (value.length() > 254 || !FORMAT.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("must be an email address such as name@example.com");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
