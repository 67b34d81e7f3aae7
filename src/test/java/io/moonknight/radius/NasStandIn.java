package io.moonknight.radius;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * A NAS's RFC 5176 listener for tests: receives CoA and Disconnect requests on a free port, checks they are
 * signed with the shared secret, records them and answers ACK.
 */
public final class NasStandIn implements AutoCloseable {

    /** A request as received: its code and its attributes as (type, value) pairs. */
    public record Received(int code, boolean signedCorrectly, List<byte[]> attributes) {

        @Nullable
        public String text(int type) {
            return attributes.stream()
                    .filter(a -> (a[0] & 0xff) == type)
                    .map(a -> new String(a, 2, a.length - 2, StandardCharsets.UTF_8))
                    .findFirst()
                    .orElse(null);
        }

        /** A vendor attribute's value as text. */
        @Nullable
        public String vendorText(int vendor, int type) {
            for (byte[] a : attributes) {
                if ((a[0] & 0xff) == 26 && a.length >= 8) {
                    int id = ((a[2] & 0xff) << 24) | ((a[3] & 0xff) << 16) | ((a[4] & 0xff) << 8) | (a[5] & 0xff);
                    if (id == vendor && (a[6] & 0xff) == type) {
                        return new String(a, 8, (a[7] & 0xff) - 2, StandardCharsets.UTF_8);
                    }
                }
            }
            return null;
        }
    }

    private final DatagramSocket socket;
    private final byte[] secret;
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final Thread thread;

    public NasStandIn(String secret) throws Exception {
        this(secret, 0);
    }

    /** A stand-in on a given port (a NAS that comes back where it was down); 0 picks a free one. */
    public NasStandIn(String secret, int port) throws Exception {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.socket = new DatagramSocket(port, InetAddress.getLoopbackAddress());
        this.thread = Thread.ofPlatform().daemon().start(this::serve);
    }

    /** A loopback UDP port nobody listens on now: a NAS there is down until a stand-in is opened on it. */
    public static int unusedPort() throws Exception {
        try (var probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    @Nullable
    public Received next(long seconds) throws InterruptedException {
        return received.poll(seconds, TimeUnit.SECONDS);
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                var packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                byte[] request = Arrays.copyOf(buffer, packet.getLength());
                int length = ((request[2] & 0xff) << 8) | (request[3] & 0xff);
                List<byte[]> attributes = new ArrayList<>();
                for (int p = 20; p + 2 <= length; ) {
                    int l = request[p + 1] & 0xff;
                    attributes.add(Arrays.copyOfRange(request, p, p + l));
                    p += l;
                }
                MessageDigest md5 = MessageDigest.getInstance("MD5");
                md5.update(request, 0, 4);
                md5.update(new byte[16]);
                md5.update(request, 20, length - 20);
                md5.update(secret);
                boolean signed = MessageDigest.isEqual(md5.digest(), Arrays.copyOfRange(request, 4, 20));
                received.add(new Received(request[0] & 0xff, signed, attributes));
                byte[] ack = new byte[20];
                ack[0] = (byte) ((request[0] & 0xff) + 1); // 40 -> 41, 43 -> 44
                ack[1] = request[1];
                ack[3] = 20;
                md5.reset();
                md5.update(ack, 0, 4);
                md5.update(request, 4, 16);
                md5.update(secret);
                System.arraycopy(md5.digest(), 0, ack, 4, 16);
                socket.send(new DatagramPacket(ack, ack.length, packet.getAddress(), packet.getPort()));
            } catch (Exception e) {
                if (socket.isClosed()) {
                    return;
                }
            }
        }
    }

    @Override
    public void close() {
        socket.close();
        thread.interrupt();
    }
}
