package io.moonknight.subscriptions.domain;

import java.util.regex.Pattern;

/** PPPoE and hotspot logins: what a router and a subscriber can both type without surprises. */
public final class Usernames {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{0,63}");

    private Usernames() {}

    public static String check(String text) {
        String value = text.strip();
        if (!LOGIN.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "use 1-64 letters, digits or . _ @ + -, starting with a letter or digit");
        }
        return value;
    }

    /** PPPoE/hotspot passwords: 4-64 printable ASCII characters (CHAP needs them as typed). */
    public static String checkPassword(String text) {
        if (text.length() < 4 || text.length() > 64 || !text.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("use 4-64 printable characters without spaces");
        }
        return text;
    }
}
