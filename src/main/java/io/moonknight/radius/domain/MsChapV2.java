package io.moonknight.radius.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * MS-CHAPv2 (RFC 2759) as a RADIUS server checks it (RFC 2548 attributes): the peer's NT-Response is verified
 * against the password, and the authenticator response proves to the peer that we know the password too.
 */
public final class MsChapV2 {

    private static final byte[] MAGIC1 = "Magic server to client signing constant".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC2 =
            "Pad to make it do more than one iteration".getBytes(StandardCharsets.US_ASCII);

    private MsChapV2() {}

    /** The NT-Response a peer computes (RFC 2759 GenerateNTResponse). */
    public static byte[] ntResponse(
            byte[] authenticatorChallenge, byte[] peerChallenge, String username, String password) {
        byte[] challenge = challengeHash(peerChallenge, authenticatorChallenge, username);
        return challengeResponse(challenge, passwordHash(password));
    }

    /** Whether {@code ntResponse} (24 bytes) proves the password, compared in constant time. */
    public static boolean verify(
            byte[] authenticatorChallenge, byte[] peerChallenge, byte[] ntResponse, String username, String password) {
        return MessageDigest.isEqual(ntResponse(authenticatorChallenge, peerChallenge, username, password), ntResponse);
    }

    /** {@code S=<40 hex digits>}, what goes after the ident byte of MS-CHAP2-Success (RFC 2759 GenerateAuthenticatorResponse). */
    public static String authenticatorResponse(
            byte[] authenticatorChallenge, byte[] peerChallenge, byte[] ntResponse, String username, String password) {
        MessageDigest sha1 = sha1();
        sha1.update(Md4.digest(passwordHash(password)));
        sha1.update(ntResponse);
        sha1.update(MAGIC1);
        byte[] digest = sha1.digest();
        sha1.update(digest);
        sha1.update(challengeHash(peerChallenge, authenticatorChallenge, username));
        sha1.update(MAGIC2);
        return "S=" + HexFormat.of().withUpperCase().formatHex(sha1.digest());
    }

    static byte[] passwordHash(String password) {
        return Md4.digest(password.getBytes(StandardCharsets.UTF_16LE));
    }

    static byte[] challengeHash(byte[] peerChallenge, byte[] authenticatorChallenge, String username) {
        MessageDigest sha1 = sha1();
        sha1.update(peerChallenge);
        sha1.update(authenticatorChallenge);
        // Windows peers send DOMAIN\\user; the hash uses the user name only.
        String user = username.contains("\\") ? username.substring(username.lastIndexOf('\\') + 1) : username;
        sha1.update(user.getBytes(StandardCharsets.UTF_8));
        byte[] hash = new byte[8];
        System.arraycopy(sha1.digest(), 0, hash, 0, 8);
        return hash;
    }

    static byte[] challengeResponse(byte[] challenge, byte[] passwordHash) {
        byte[] key = new byte[21];
        System.arraycopy(passwordHash, 0, key, 0, 16);
        byte[] response = new byte[24];
        for (int i = 0; i < 3; i++) {
            byte[] part = des(challenge, key, i * 7);
            System.arraycopy(part, 0, response, i * 8, 8);
        }
        return response;
    }

    private static byte[] des(byte[] clear, byte[] key, int offset) {
        byte[] k = new byte[8];
        k[0] = key[offset];
        k[1] = (byte) ((key[offset] << 7) | ((key[offset + 1] & 0xff) >>> 1));
        k[2] = (byte) ((key[offset + 1] << 6) | ((key[offset + 2] & 0xff) >>> 2));
        k[3] = (byte) ((key[offset + 2] << 5) | ((key[offset + 3] & 0xff) >>> 3));
        k[4] = (byte) ((key[offset + 3] << 4) | ((key[offset + 4] & 0xff) >>> 4));
        k[5] = (byte) ((key[offset + 4] << 3) | ((key[offset + 5] & 0xff) >>> 5));
        k[6] = (byte) ((key[offset + 5] << 2) | ((key[offset + 6] & 0xff) >>> 6));
        k[7] = (byte) (key[offset + 6] << 1);
        try {
            Cipher cipher = Cipher.getInstance("DES/ECB/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(k, "DES"));
            return cipher.doFinal(clear);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("DES is part of every JDK", e);
        }
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
