package io.moonknight.radius.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The integrity checks of RADIUS packets, done on the raw bytes so a request can be tried against several
 * candidate secrets (NAS of different tenants behind one source address) before it is decoded: the
 * Message-Authenticator (RFC 3579, HMAC-MD5) of Access-Requests, the Request Authenticator (MD5) of
 * Accounting-Requests, and signing of the CoA / Disconnect requests we send (RFC 5176).
 */
public final class PacketSecurity {

    public static final int MESSAGE_AUTHENTICATOR = 80;
    private static final byte[] ZEROS = new byte[16];
    private static final ThreadLocal<MessageDigest> MD5 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacMD5");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });

    private PacketSecurity() {}

    /**
     * Checks the header and attribute framing: a length field matching the datagram (extra bytes are padding
     * and ignored, RFC 2865 3), attributes that fit exactly.
     *
     * @return the packet's length, or -1 when it is malformed
     */
    public static int validLength(byte[] packet, int received) {
        if (received < 20) {
            return -1;
        }
        int length = ((packet[2] & 0xff) << 8) | (packet[3] & 0xff);
        if (length < 20 || length > 4096 || length > received) {
            return -1;
        }
        int position = 20;
        while (position < length) {
            if (position + 2 > length) {
                return -1;
            }
            int attributeLength = packet[position + 1] & 0xff;
            if (attributeLength < 2 || position + attributeLength > length) {
                return -1;
            }
            position += attributeLength;
        }
        return length;
    }

    /** Where the Message-Authenticator attribute starts, or -1 when there is none (framing already checked). */
    public static int messageAuthenticatorOffset(byte[] packet, int length) {
        int position = 20;
        while (position < length) {
            int attributeLength = packet[position + 1] & 0xff;
            if ((packet[position] & 0xff) == MESSAGE_AUTHENTICATOR) {
                return attributeLength == 18 ? position : -1;
            }
            position += attributeLength;
        }
        return -1;
    }

    /** Whether the Message-Authenticator at {@code offset} was made with {@code secret} (constant time). */
    public static boolean messageAuthenticatorValid(byte[] packet, int length, int offset, byte[] secret) {
        Mac mac = hmac(secret);
        mac.update(packet, 0, offset + 2);
        mac.update(ZEROS);
        mac.update(packet, offset + 18, length - offset - 18);
        return MessageDigest.isEqual(mac.doFinal(), Arrays.copyOfRange(packet, offset + 2, offset + 18));
    }

    /** Whether an Accounting-Request's authenticator was made with {@code secret} (RFC 2866 3). */
    public static boolean accountingAuthenticatorValid(byte[] packet, int length, byte[] secret) {
        MessageDigest md5 = MD5.get();
        md5.update(packet, 0, 4);
        md5.update(ZEROS);
        md5.update(packet, 20, length - 20);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(packet, 4, 20));
    }

    /**
     * A CoA-Request (43) or Disconnect-Request (40): the attributes, a Message-Authenticator computed with a
     * zero authenticator, then the Request Authenticator MD5(packet with zero authenticator + secret).
     */
    public static byte[] signedRequest(int code, int identifier, List<byte[]> attributes, byte[] secret) {
        int length = 20 + 18 + attributes.stream().mapToInt(a -> a.length).sum();
        if (length > 4096) {
            throw new IllegalArgumentException("packet too long");
        }
        byte[] packet = new byte[length];
        packet[0] = (byte) code;
        packet[1] = (byte) identifier;
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        int position = 20;
        for (byte[] attribute : attributes) {
            System.arraycopy(attribute, 0, packet, position, attribute.length);
            position += attribute.length;
        }
        int authenticatorAt = position;
        packet[position] = (byte) MESSAGE_AUTHENTICATOR;
        packet[position + 1] = 18;
        Mac mac = hmac(secret);
        mac.update(packet, 0, length);
        System.arraycopy(mac.doFinal(), 0, packet, authenticatorAt + 2, 16);
        MessageDigest md5 = MD5.get();
        md5.update(packet, 0, length);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, packet, 4, 16);
        return packet;
    }

    /**
     * A response to a request (Access-Accept / Reject, Accounting-Response; RFC 2865 3): the attributes (each
     * already encoded: type, length, value), with {@code messageAuthenticator} first a Message-Authenticator
     * computed over the packet with the request's authenticator in place (RFC 3579 3.2), then the Response
     * Authenticator MD5(code + identifier + length + request authenticator + attributes + secret). Encoded here
     * rather than by aaa4j, whose codec looks its MD5 and HMAC up anew for every packet.
     */
    public static byte[] response(
            int code,
            int identifier,
            byte[] requestAuthenticator,
            List<byte[]> attributes,
            byte[] secret,
            boolean messageAuthenticator) {
        int length = 20 + (messageAuthenticator ? 18 : 0);
        for (byte[] attribute : attributes) {
            length += attribute.length;
        }
        if (length > 4096) {
            throw new IllegalArgumentException("packet too long");
        }
        byte[] packet = new byte[length];
        packet[0] = (byte) code;
        packet[1] = (byte) identifier;
        packet[2] = (byte) (length >>> 8);
        packet[3] = (byte) length;
        System.arraycopy(requestAuthenticator, 0, packet, 4, 16);
        int position = 20;
        if (messageAuthenticator) {
            packet[position] = (byte) MESSAGE_AUTHENTICATOR;
            packet[position + 1] = 18;
            position += 18;
        }
        for (byte[] attribute : attributes) {
            System.arraycopy(attribute, 0, packet, position, attribute.length);
            position += attribute.length;
        }
        if (messageAuthenticator) {
            Mac mac = hmac(secret);
            mac.update(packet, 0, length);
            System.arraycopy(mac.doFinal(), 0, packet, 22, 16);
        }
        MessageDigest md5 = MD5.get();
        md5.update(packet, 0, length);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, packet, 4, 16);
        return packet;
    }

    /** Whether a response (CoA-ACK/NAK, Disconnect-ACK/NAK) answers {@code request} and was made with {@code secret}. */
    public static boolean responseValid(byte[] response, int length, byte[] request, byte[] secret) {
        if (validLength(response, length) < 0 || response[1] != request[1]) {
            return false;
        }
        int size = ((response[2] & 0xff) << 8) | (response[3] & 0xff);
        MessageDigest md5 = MD5.get();
        md5.update(response, 0, 4);
        md5.update(request, 4, 16);
        md5.update(response, 20, size - 20);
        md5.update(secret);
        return MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(response, 4, 20));
    }

    private static Mac hmac(byte[] secret) {
        Mac mac = HMAC.get();
        try {
            mac.init(new SecretKeySpec(secret, "HmacMD5"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return mac;
    }
}
