package io.moonknight.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private final SecretBox box = SecretBox.withKey(key(7));

    @Test
    void sealsAndOpensAndNeverRepeatsACiphertext() {
        String sealed = box.seal("JBSWY3DPEHPK3PXP", "totp:tenant:user");
        assertThat(sealed).startsWith("v1:").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(box.seal("JBSWY3DPEHPK3PXP", "totp:tenant:user")).isNotEqualTo(sealed);
        assertThat(box.open(sealed, "totp:tenant:user")).isEqualTo("JBSWY3DPEHPK3PXP");
    }

    @Test
    void aValueMovedToAnotherPlaceOrKeyDoesNotOpen() {
        String sealed = box.seal("secret", "totp:tenant:alice");
        assertThatThrownBy(() -> box.open(sealed, "totp:tenant:mallory")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SecretBox.withKey(key(8)).open(sealed, "totp:tenant:alice"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void tamperingIsDetected() {
        String sealed = box.seal("secret", "ctx");
        char last = sealed.charAt(sealed.length() - 2);
        String tampered = sealed.substring(0, sealed.length() - 2)
                + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);
        assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("plain", "ctx")).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] key(int fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) fill);
        return key;
    }
}
