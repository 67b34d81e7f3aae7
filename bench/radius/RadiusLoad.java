// RADIUS load generator: the same client for MoonKnight and FreeRADIUS. No dependencies: run with
//   java [-Drate=N] RadiusLoad.java auth|acct <host> <port> <secret> <users> <threads> <seconds> [sessionPrefix]
// Without -Drate each thread sends its next request as soon as the last is answered (closed loop: the server's
// top speed). With -Drate=N the threads together offer N requests/s on a fixed schedule (open loop), and latency
// is measured from when a request was due, not when it went out, so a stalled server cannot hide its queue.
// auth: PAP Access-Requests with Message-Authenticator for random users bench000000..; prints throughput and
// latency percentiles. acct: Interim-Updates, each adding exactly 1000 input octets to one of the thread's
// sessions; prints how many were acknowledged and the octets that must now be stored (1000 per acknowledged
// packet), so the script can prove nothing was lost. Rates and latencies cover <seconds> after a warm-up of
// -Dwarmup=2 seconds; the acknowledged octets count every packet, warm-up included.
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

public class RadiusLoad {

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        InetAddress host = InetAddress.getByName(args[1]);
        int port = Integer.parseInt(args[2]);
        byte[] secret = args[3].getBytes(StandardCharsets.UTF_8);
        int users = Integer.parseInt(args[4]);
        int threads = Integer.parseInt(args[5]);
        int seconds = Integer.parseInt(args[6]);
        String prefix = args.length > 7 ? args[7] : "L";
        double rate = Double.parseDouble(System.getProperty("rate", "0"));
        long interval = rate > 0 ? (long) (1e9 * threads / rate) : 0; // nanoseconds between one thread's requests
        // the first seconds (JIT of this client and the server, sockets) are sent but not measured
        long warmup = Long.getLong("warmup", 2) * 1_000_000_000L;
        long measureFrom = System.nanoTime() + warmup;
        long deadline = measureFrom + seconds * 1_000_000_000L;
        // latencies in 10 µs buckets up to 10 s: one allocation, so this client's own GC cannot pose as server lag
        var histogram = new java.util.concurrent.atomic.AtomicLongArray(1_000_001);
        AtomicLong measured = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong timeouts = new AtomicLong();
        AtomicLong answeredCount = new AtomicLong();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            int index = t;
            workers[t] = Thread.ofPlatform().start(() -> {
                int sequence = 0;
                long[] octets = new long[16];
                long due = System.nanoTime() + (interval * index) / threads; // threads staggered over one interval
                try (var socket = new DatagramSocket()) {
                    Mac hmac = Mac.getInstance("HmacMD5");
                    hmac.init(new SecretKeySpec(secret, "HmacMD5"));
                    MessageDigest md5 = MessageDigest.getInstance("MD5");
                    socket.setSoTimeout(1000);
                    byte[] answer = new byte[4096];
                    while (System.nanoTime() < deadline) {
                        int user = ThreadLocalRandom.current().nextInt(users);
                        byte[] request;
                        if (mode.equals("auth")) {
                            request = accessRequest(sequence & 0xff, user, secret, hmac, md5);
                        } else {
                            int session = sequence % octets.length;
                            octets[session] += 1000;
                            request = interim(
                                    sequence & 0xff, index, session, (index * 16 + session) % users, octets[session], secret, prefix, md5);
                        }
                        sequence++;
                        long t0 = System.nanoTime();
                        if (interval > 0) {
                            while (t0 < due) {
                                java.util.concurrent.locks.LockSupport.parkNanos(due - t0);
                                t0 = System.nanoTime();
                            }
                            t0 = due; // latency counts from when the request was due
                            due += interval;
                        }
                        socket.send(new DatagramPacket(request, request.length, host, port));
                        boolean answered = false;
                        while (!answered) {
                            var packet = new DatagramPacket(answer, answer.length);
                            try {
                                socket.receive(packet);
                            } catch (SocketTimeoutException e) {
                                break;
                            }
                            answered = answer[1] == request[1];
                        }
                        if (!answered) {
                            timeouts.incrementAndGet();
                            if (!mode.equals("auth")) {
                                octets[(sequence - 1) % octets.length] -= 1000; // not acknowledged: the NAS would resend
                            }
                            continue;
                        }
                        answeredCount.incrementAndGet();
                        if (t0 >= measureFrom) {
                            measured.incrementAndGet();
                            histogram.incrementAndGet((int) Math.min(1_000_000, (System.nanoTime() - t0) / 10_000));
                        }
                        int code = answer[0] & 0xff;
                        if (code == 2 || code == 5) {
                            accepted.incrementAndGet();
                        } else {
                            rejected.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new RuntimeException(e);
                }
            });
        }
        for (Thread worker : workers) {
            worker.join();
        }
        System.out.printf("offered=%s ", rate > 0 ? String.format("%.0f/s", rate) : "max");
        System.out.printf("mode=%s answered=%d ok=%d rejected=%d timeouts=%d seconds=%.1f rate=%.0f/s p50=%.2fms p99=%.2fms octets=%d%n",
                mode, answeredCount.get(), accepted.get(), rejected.get(), timeouts.get(), (double) seconds,
                measured.get() / (double) seconds,
                percentile(histogram, measured.get(), 50), percentile(histogram, measured.get(), 99),
                accepted.get() * 1000L);
    }

    /** bench000042: the seeded usernames (String.format is slow enough to load a 2-core machine). */
    static String name(int user) {
        String digits = Integer.toString(user);
        return "bench" + "000000".substring(Math.min(6, digits.length())) + digits;
    }

    /** The upper edge of the 10 µs bucket holding the p-th percentile, in milliseconds. */
    static double percentile(java.util.concurrent.atomic.AtomicLongArray histogram, long count, int p) {
        long rank = (long) Math.ceil(count * p / 100.0);
        long seen = 0;
        for (int bucket = 0; bucket < histogram.length(); bucket++) {
            seen += histogram.get(bucket);
            if (seen >= rank && rank > 0) {
                return (bucket + 1) / 100.0;
            }
        }
        return 0;
    }

    static byte[] accessRequest(int id, int user, byte[] secret, Mac mac, MessageDigest md5) throws Exception {
        byte[] authenticator = new byte[16];
        ThreadLocalRandom.current().nextBytes(authenticator);
        String name = name(user);
        byte[] password = ("pw-" + user).getBytes(StandardCharsets.UTF_8);
        byte[] hidden = new byte[16];
        md5.update(secret);
        md5.update(authenticator);
        byte[] b = md5.digest();
        for (int i = 0; i < 16; i++) {
            hidden[i] = (byte) ((i < password.length ? password[i] : 0) ^ b[i]);
        }
        ByteBuffer packet = ByteBuffer.allocate(200);
        packet.put((byte) 1).put((byte) id).putShort((short) 0).put(authenticator);
        packet.put((byte) 80).put((byte) 18).put(new byte[16]);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        packet.put((byte) 1).put((byte) (nameBytes.length + 2)).put(nameBytes);
        packet.put((byte) 2).put((byte) 18).put(hidden);
        packet.put((byte) 61).put((byte) 6).putInt(15); // NAS-Port-Type = Ethernet
        byte[] bytes = Arrays.copyOf(packet.array(), packet.position());
        bytes[2] = (byte) (bytes.length >>> 8);
        bytes[3] = (byte) bytes.length;
        System.arraycopy(mac.doFinal(bytes), 0, bytes, 22, 16);
        return bytes;
    }

    static byte[] interim(
            int id, int thread, int session, int user, long octets, byte[] secret, String prefix, MessageDigest md5)
            throws Exception {
        ByteBuffer packet = ByteBuffer.allocate(300);
        packet.put((byte) 4).put((byte) id).putShort((short) 0).put(new byte[16]);
        byte[] name = name(user).getBytes(StandardCharsets.UTF_8);
        packet.put((byte) 1).put((byte) (name.length + 2)).put(name);
        byte[] sessionId = (prefix + "-" + thread + "-" + session).getBytes(StandardCharsets.UTF_8);
        packet.put((byte) 44).put((byte) (sessionId.length + 2)).put(sessionId);
        packet.put((byte) 40).put((byte) 6).putInt(3); // Acct-Status-Type = Interim-Update
        packet.put((byte) 42).put((byte) 6).putInt((int) octets); // Acct-Input-Octets
        packet.put((byte) 43).put((byte) 6).putInt(0);
        packet.put((byte) 46).put((byte) 6).putInt(60); // Acct-Session-Time
        packet.put((byte) 4).put((byte) 6).put(new byte[] {127, 0, 0, 1}); // NAS-IP-Address
        packet.put((byte) 5).put((byte) 6).putInt(thread); // NAS-Port
        byte[] bytes = Arrays.copyOf(packet.array(), packet.position());
        bytes[2] = (byte) (bytes.length >>> 8);
        bytes[3] = (byte) bytes.length;
        md5.update(bytes);
        md5.update(secret);
        System.arraycopy(md5.digest(), 0, bytes, 4, 16);
        return bytes;
    }
}
