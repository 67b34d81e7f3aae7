package io.moonknight.shared.security;

import io.moonknight.shared.config.MoonKnightProperties;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be readable again (TOTP seeds, NAS shared secrets, router credentials) with
 * AES-256-GCM under {@code moonknight.security.encryption-key}. The stored form is
 * {@code v1:<base64(nonce | ciphertext | tag)>}; the associated data binds a value to where it is stored, so a
 * ciphertext copied to another row or column does not decrypt.
 */
public final class SecretBox {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    /** The application's box: {@code moonknight.security.encryption-key}, or a key kept in the data directory. */
    public static SecretBox fromConfiguration(MoonKnightProperties properties) {
        return new SecretBox(KeyFiles.load(
                properties.security().encryptionKey(),
                "moonknight.security.encryption-key",
                properties.dataDir().resolve("encryption.key"),
                32));
    }

    private SecretBox(byte[] key) {
        this.key = new SecretKeySpec(key, 0, 32, "AES");
    }

    /** A box with a given 32-byte key (tests, tools). */
    public static SecretBox withKey(byte[] key) {
        return new SecretBox(key);
    }

    /** @param context where the value lives, e.g. {@code "totp:" + userId} */
    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return VERSION
                    + Base64.getEncoder()
                            .encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                                    .put(nonce)
                                    .put(sealed)
                                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Encryption failed", e);
        }
    }

    /**
     * A keyed fingerprint of a secret (HMAC-SHA256 under a key derived from this box's key), to compare secrets
     * in the database without storing them: equal secrets with the same context give equal fingerprints, and
     * nobody without the key can check a guess against one.
     */
    public String fingerprint(String secret, String context) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(key);
            byte[] fingerprintKey = derive.doFinal("moonknight fingerprint v1".getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            mac.update(context.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Fingerprint failed", e);
        }
    }

    public String open(String sealed, String context) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("Not a sealed value");
        }
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A sealed value could not be opened: wrong key or tampered data", e);
        }
    }
}
