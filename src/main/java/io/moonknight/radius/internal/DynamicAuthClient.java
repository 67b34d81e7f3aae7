package io.moonknight.radius.internal;

import io.moonknight.radius.domain.PacketSecurity;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.security.SecureRandom;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The RFC 5176 client: sends a CoA-Request or Disconnect-Request to a NAS and waits for its ACK or NAK,
 * retrying {@code moonknight.radius.coa-attempts} times {@code coa-timeout} apart.
 */
@Component
class DynamicAuthClient {

    static final int DISCONNECT_REQUEST = 40;
    static final int DISCONNECT_ACK = 41;
    static final int DISCONNECT_NAK = 42;
    static final int COA_REQUEST = 43;
    static final int COA_ACK = 44;
    static final int COA_NAK = 45;

    /** How it went: acknowledged, refused (with the Error-Cause), or no answer. */
    enum Outcome {
        ACK,
        NAK,
        TIMEOUT,
        ERROR
    }

    record Result(Outcome outcome, String detail) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RadiusProperties properties;

    DynamicAuthClient(RadiusProperties properties) {
        this.properties = properties;
    }

    Result send(NasRegistry.Client client, int code, List<byte[]> attributes) {
        byte[] request = PacketSecurity.signedRequest(code, RANDOM.nextInt(256), attributes, client.secret());
        try (var socket = new DatagramSocket()) {
            socket.setSoTimeout((int) properties.coaTimeout().toMillis());
            InetAddress address = InetAddress.getByName(client.nas().address());
            byte[] buffer = new byte[4096];
            for (int attempt = 1; attempt <= Math.max(1, properties.coaAttempts()); attempt++) {
                socket.send(new DatagramPacket(
                        request, request.length, address, client.nas().coaPort()));
                long deadline = System.nanoTime() + properties.coaTimeout().toNanos();
                while (System.nanoTime() < deadline) {
                    var answer = new DatagramPacket(buffer, buffer.length);
                    try {
                        socket.receive(answer);
                    } catch (SocketTimeoutException e) {
                        break;
                    }
                    if (!PacketSecurity.responseValid(buffer, answer.getLength(), request, client.secret())) {
                        continue; // not the answer to this request, or forged
                    }
                    int answerCode = buffer[0] & 0xff;
                    if (answerCode == DISCONNECT_ACK || answerCode == COA_ACK) {
                        return new Result(Outcome.ACK, "acknowledged after " + attempt + " attempt(s)");
                    }
                    if (answerCode == DISCONNECT_NAK || answerCode == COA_NAK) {
                        return new Result(Outcome.NAK, "refused: " + errorCause(buffer, answer.getLength()));
                    }
                }
            }
            return new Result(Outcome.TIMEOUT, "no answer after " + properties.coaAttempts() + " attempt(s)");
        } catch (IOException e) {
            return new Result(Outcome.ERROR, String.valueOf(e.getMessage()));
        }
    }

    /** RFC 5176 Error-Cause (101), by name where common. */
    private static String errorCause(byte[] packet, int length) {
        int position = 20;
        while (position + 2 <= length) {
            int type = packet[position] & 0xff;
            int attributeLength = packet[position + 1] & 0xff;
            if (attributeLength < 2) {
                break;
            }
            if (type == 101 && attributeLength == 6) {
                int cause = ((packet[position + 4] & 0xff) << 8) | (packet[position + 5] & 0xff);
                return switch (cause) {
                    case 503 -> "Session-Context-Not-Found";
                    case 504 -> "Session-Context-Not-Removable";
                    case 506 -> "Resources-Unavailable";
                    case 404 -> "Invalid-Request";
                    case 405 -> "Unsupported-Service";
                    default -> "Error-Cause " + cause;
                };
            }
            position += attributeLength;
        }
        return "no Error-Cause";
    }
}
