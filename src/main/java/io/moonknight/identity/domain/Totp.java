package io.moonknight.identity.domain;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.spec.SecretKeySpec;

/**
 * RFC 6238 time-based one-time passwords (SHA-1, 6 digits, 30-second steps, the authenticator-app default),
 * computed with java-otp. {@link #match} returns the time step a code belongs to, so the caller can refuse a
 * step that was already used.
 */
public final class Totp {

    public static final Duration STEP = Duration.ofSeconds(30);
    public static final int DIGITS = 6;
    /** Steps accepted either side of now, for clocks a little off. */
    public static final int DRIFT_STEPS = 1;

    private static final TimeBasedOneTimePasswordGenerator GENERATOR =
            new TimeBasedOneTimePasswordGenerator(STEP, DIGITS);

    private Totp() {}

    public static String newSecret() {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        return Base32.encode(secret);
    }

    public static long step(Instant at) {
        return at.getEpochSecond() / STEP.toSeconds();
    }

    public static String code(String base32Secret, long step) {
        try {
            var key = new SecretKeySpec(Base32.decode(base32Secret), GENERATOR.getAlgorithm());
            return String.format(
                    "%0" + DIGITS + "d",
                    GENERATOR.generateOneTimePassword(key, Instant.ofEpochSecond(step * STEP.toSeconds())));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("Invalid TOTP secret", e);
        }
    }

    /** The step (within the drift window around {@code now}) whose code is {@code code}, if any. */
    public static OptionalLong match(String base32Secret, String code, Instant now) {
        String digits = code.replace(" ", "").replace("-", "");
        if (digits.length() != DIGITS || !digits.chars().allMatch(Character::isDigit)) {
            return OptionalLong.empty();
        }
        long current = step(now);
        for (long step = current - DRIFT_STEPS; step <= current + DRIFT_STEPS; step++) {
            if (java.security.MessageDigest.isEqual(
                    code(base32Secret, step).getBytes(StandardCharsets.US_ASCII),
                    digits.getBytes(StandardCharsets.US_ASCII))) {
                return OptionalLong.of(step);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI an authenticator app scans. */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP.toSeconds();
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
