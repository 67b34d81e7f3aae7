package io.moonknight.customers.domain;

import java.util.regex.Pattern;

/** A customer's account number, as generated or imported from an older system: 1-40 printable characters. */
public record AccountNumber(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/#-]{0,39}");

    public AccountNumber {
        value = value.strip();
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("must be 1-40 letters, digits, '.', '_', '/', '#' or '-'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
