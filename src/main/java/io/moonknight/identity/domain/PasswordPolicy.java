package io.moonknight.identity.domain;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a password must be: long enough, at most 72 bytes in UTF-8 (what BCrypt can hash), not one of the commonly used passwords, and not
 * the user's own name. Plain Java so it is tested without Spring.
 */
public final class PasswordPolicy {

    /** BCrypt reads at most 72 bytes of a password; a longer one would fail to hash (or be cut short silently). */
    public static final int MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> commonPasswords;

    public PasswordPolicy(int minLength, Set<String> commonPasswords) {
        if (minLength < 8) {
            throw new IllegalArgumentException("A minimum password length below 8 is not allowed");
        }
        this.minLength = minLength;
        this.commonPasswords = Set.copyOf(commonPasswords);
    }

    /** Every rule the password breaks, as messages for the user; empty when it is acceptable. */
    public List<String> violations(String password, String username) {
        List<String> problems = new ArrayList<>();
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            problems.add("must be at least " + minLength + " characters long");
        }
        int bytes = password.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            problems.add("must be at most " + MAX_BYTES + " bytes long (" + MAX_BYTES
                    + " plain letters, digits and punctuation; accented letters and symbols count 2-4 each), this one"
                    + " is "
                    + bytes);
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (commonPasswords.contains(lower)) {
            problems.add("is one of the most commonly used passwords; choose another");
        }
        if (!username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT))) {
            problems.add("must not contain the username");
        }
        if (length > 0 && password.codePoints().distinct().count() < 4) {
            problems.add("must use at least 4 different characters");
        }
        return List.copyOf(problems);
    }

    public int minLength() {
        return minLength;
    }
}
