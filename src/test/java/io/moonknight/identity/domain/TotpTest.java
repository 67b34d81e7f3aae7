package io.moonknight.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; the 6-digit code is the last six digits. */
    private static final String RFC_SECRET = Base32.encode("12345678901234567890".getBytes(StandardCharsets.US_ASCII));

    @ParameterizedTest(name = "T={0}s -> {1}")
    @CsvSource({
        "59, 287082",
        "1111111109, 081804",
        "1111111111, 050471",
        "1234567890, 005924",
        "2000000000, 279037",
        "20000000000, 353130"
    })
    void matchesTheRfc6238TestVectors(long seconds, String code) {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(seconds))))
                .isEqualTo(code);
    }

    @Test
    void acceptsTheNeighbouringStepsAndNothingFurther() {
        Instant now = Instant.ofEpochSecond(1_000_000_000L);
        long step = Totp.step(now);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step), now)).hasValue(step);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 1), now)).hasValue(step - 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 1), now)).hasValue(step + 1);
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step - 2), now)).isEmpty();
        assertThat(Totp.match(RFC_SECRET, Totp.code(RFC_SECRET, step + 2), now)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"12345", "1234567", "abcdef", "''", "12 34 5x"})
    void refusesWhatIsNotASixDigitCode(String code) {
        assertThat(Totp.match(RFC_SECRET, code, Instant.now())).isEmpty();
    }

    @Test
    void toleratesSpacesAndHyphensAsTyped() {
        Instant now = Instant.ofEpochSecond(59);
        assertThat(Totp.match(RFC_SECRET, "287 082", now)).isPresent();
        assertThat(Totp.match(RFC_SECRET, "287-082", now)).isPresent();
    }

    @Test
    void newSecretsAre160BitsOfBase32AndTheUriNamesIssuerAndAccount() {
        String secret = Totp.newSecret();
        assertThat(Base32.decode(secret)).hasSize(20);
        assertThat(Totp.uri("MoonKnight", "demo:admin", secret))
                .isEqualTo("otpauth://totp/MoonKnight:demo%3Aadmin?secret=" + secret
                        + "&issuer=MoonKnight&algorithm=SHA1&digits=6&period=30");
    }
}
