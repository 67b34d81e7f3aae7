package io.moonknight.radius.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 2759 section 9.2's worked example, and RFC 1320's MD4 test suite. */
class MsChapV2Test {

    static final HexFormat HEX = HexFormat.of();

    @Test
    void rfc2759Example() {
        byte[] authenticator = HEX.parseHex("5b5d7c7d7b3f2f3e3c2c602132262628");
        byte[] peer = HEX.parseHex("21402324255e262a28295f2b3a337c7e");
        assertThat(HEX.formatHex(MsChapV2.challengeHash(peer, authenticator, "User")))
                .isEqualTo("d02e4386bce91226");
        assertThat(HEX.formatHex(MsChapV2.passwordHash("clientPass"))).isEqualTo("44ebba8d5312b8d611474411f56989ae");
        byte[] nt = MsChapV2.ntResponse(authenticator, peer, "User", "clientPass");
        assertThat(HEX.formatHex(nt)).isEqualTo("82309ecd8d708b5ea08faa3981cd83544233114a3d85d6df");
        assertThat(MsChapV2.verify(authenticator, peer, nt, "User", "clientPass"))
                .isTrue();
        assertThat(MsChapV2.verify(authenticator, peer, nt, "User", "clientPasS"))
                .isFalse();
        assertThat(MsChapV2.verify(authenticator, peer, nt, "DOMAIN\\User", "clientPass"))
                .isTrue();
        assertThat(MsChapV2.authenticatorResponse(authenticator, peer, nt, "User", "clientPass"))
                .isEqualTo("S=407A5589115FD0D6209F510FE9C04566932CDA56");
    }

    @ParameterizedTest
    @CsvSource({
        "'', 31d6cfe0d16ae931b73c59d7e0c089c0",
        "a, bde52cb31de33e46245e05fbdbd6fb24",
        "abc, a448017aaf21d8525fc10ae87aa6729d",
        "message digest, d9130a8164549fe818874806e1c7014b",
        "abcdefghijklmnopqrstuvwxyz, d79e1c308aa5bbcdeea8ed63df412da9",
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890,"
                + " e33b4ddc9c38f2199c3e7b164fcc0536"
    })
    void md4(String message, String digest) {
        assertThat(HEX.formatHex(Md4.digest(message.getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo(digest);
    }
}
