package io.moonknight.identity.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Single-use recovery codes: ten of them, {@code xxxxx-xxxxx} from an alphabet without look-alike
 * characters (about 48 bits each), stored only as SHA-256 hashes.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    private static final String ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecoveryCodes() {}

    public static List<String> generate() {
        var codes = new ArrayList<String>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            var code = new StringBuilder(11);
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return List.copyOf(codes);
    }

    /** Hashes a code as typed: case, spaces and the hyphen do not matter. */
    public static byte[] hash(String code) {
        return Hashes.sha256(
                code.strip().toLowerCase(Locale.ROOT).replace(" ", "").replace("-", ""));
    }

    /** Whether what the user typed looks like a recovery code rather than a TOTP code. */
    public static boolean looksLikeOne(String code) {
        String normal = code.strip().replace("-", "").replace(" ", "");
        return normal.length() == 10 && !normal.chars().allMatch(Character::isDigit);
    }
}
