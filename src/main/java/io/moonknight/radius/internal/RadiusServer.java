package io.moonknight.radius.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.moonknight.radius.domain.Dictionary;
import io.moonknight.radius.domain.PacketSecurity;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.aaa4j.radius.core.dictionary.dictionaries.StandardDictionary;
import org.aaa4j.radius.core.packet.Packet;
import org.aaa4j.radius.core.packet.PacketCodec;
import org.aaa4j.radius.core.packet.PacketCodecException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The UDP server. A few platform threads per port each receive a datagram into their own buffer and handle it
 * there: find the NAS (by source address, then by which candidate's secret signed the packet), drop what fails the
 * checks, answer retransmissions from a short-lived cache, and otherwise decode (aaa4j-radius) and handle it. With
 * warm caches nothing on that path blocks, and handing each packet to another thread cost more than handling it;
 * a cache miss blocks one of the threads for a query. Nothing a client sends can stop the server: every failure is
 * a dropped packet.
 */
@Component
public class RadiusServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RadiusServer.class);
    private static final int ACCESS_REQUEST = 1;
    private static final int ACCESS_ACCEPT = 2;
    private static final int ACCESS_REJECT = 3;
    private static final int ACCOUNTING_REQUEST = 4;
    private static final int ACCOUNTING_RESPONSE = 5;

    private final RadiusProperties properties;
    private final NasRegistry registry;
    private final AccessHandler access;
    private final AccountingHandler accounting;
    private final PacketCodec codec = new PacketCodec(new StandardDictionary());
    /**
     * The last answer per client socket and identifier (RFC 5080 duplicate detection, as FreeRADIUS keys it): a
     * retransmission has the same identifier and authenticator, and a new request from that socket with the same
     * identifier replaces the entry. Bounded by 256 entries per NAS socket rather than by traffic, so answers do
     * not pile up in the old generation at 30,000 requests a second.
     */
    private record Slot(InetAddress address, int port, int identifier, boolean accounting) {}

    private static final class Answer {
        private final byte[] authenticator;
        private final byte[] response;

        Answer(byte[] authenticator, byte[] response) {
            this.authenticator = authenticator;
            this.response = response;
        }

        boolean answers(byte[] sent) {
            return Arrays.equals(authenticator, sent);
        }
    }

    private final Cache<Slot, Answer> answered = Caffeine.newBuilder()
            .maximumSize(200_000)
            .expireAfterWrite(Duration.ofSeconds(30))
            .build();
    private final AtomicLong malformed = new AtomicLong();
    private final List<DatagramSocket> sockets = new ArrayList<>();
    private volatile boolean running;
    private int authPort;
    private int acctPort;

    RadiusServer(
            RadiusProperties properties, NasRegistry registry, AccessHandler access, AccountingHandler accounting) {
        this.properties = properties;
        this.registry = registry;
        this.access = access;
        this.accounting = accounting;
    }

    /** The bound Access-Request port (the configured one, or the free one picked for 0). */
    public int authPort() {
        return authPort;
    }

    public int acctPort() {
        return acctPort;
    }

    public long malformedPackets() {
        return malformed.get();
    }

    @Override
    public void start() {
        if (!properties.enabled()) {
            return;
        }
        registry.reload();
        try {
            DatagramSocket auth = bind(properties.authPort());
            DatagramSocket acct = bind(properties.acctPort());
            authPort = auth.getLocalPort();
            acctPort = acct.getLocalPort();
            running = true;
            for (int i = 0; i < properties.threads(); i++) {
                Thread.ofPlatform().name("radius-auth-" + i).daemon().start(() -> receive(auth, false));
                Thread.ofPlatform().name("radius-acct-" + i).daemon().start(() -> receive(acct, true));
            }
            log.info(
                    "RADIUS listening on {} ports {} (auth) and {} (accounting)",
                    properties.bindAddress(),
                    authPort,
                    acctPort);
        } catch (SocketException e) {
            throw new IllegalStateException(
                    "Cannot open the RADIUS ports " + properties.authPort() + "/"
                            + properties.acctPort() + " on " + properties.bindAddress() + ": " + e.getMessage()
                            + " (set moonknight.radius.auth-port / acct-port, or moonknight.radius.enabled=false)",
                    e);
        }
    }

    private DatagramSocket bind(int port) throws SocketException {
        var socket = new DatagramSocket(null);
        socket.setReuseAddress(false);
        socket.setReceiveBufferSize(8 * 1024 * 1024);
        socket.bind(new InetSocketAddress(properties.bindAddress(), port));
        sockets.add(socket);
        return socket;
    }

    @Override
    public void stop() {
        running = false;
        sockets.forEach(DatagramSocket::close);
        sockets.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void receive(DatagramSocket socket, boolean accountingPort) {
        byte[] buffer = new byte[4096]; // this thread's: nothing keeps it after handle() returns
        var datagram = new DatagramPacket(buffer, buffer.length);
        while (running) {
            datagram.setData(buffer);
            try {
                socket.receive(datagram);
            } catch (IOException e) {
                if (running) {
                    log.warn("RADIUS receive failed", e);
                }
                continue;
            }
            InetAddress from = datagram.getAddress();
            try {
                handle(socket, accountingPort, buffer, datagram.getLength(), from, datagram.getPort());
            } catch (RuntimeException e) {
                log.warn("RADIUS packet from {} dropped: {}", from.getHostAddress(), e.toString());
            }
        }
    }

    private void handle(
            DatagramSocket socket, boolean accountingPort, byte[] data, int received, InetAddress from, int port) {
        int length = PacketSecurity.validLength(data, received);
        List<NasRegistry.Client> candidates = registry.candidates(from.getHostAddress());
        if (candidates.isEmpty()) {
            registry.unknownSource();
            return;
        }
        if (length < 0) {
            malformed.incrementAndGet();
            registry.seen(candidates.getFirst().nas().nasId(), NasRegistry.Outcome.DROPPED);
            return;
        }
        int code = data[0] & 0xff;
        NasRegistry.Client client = accountingPort
                ? accountingClient(code, data, length, candidates)
                : accessClient(code, data, length, candidates);
        if (client == null) {
            registry.seen(candidates.getFirst().nas().nasId(), NasRegistry.Outcome.DROPPED);
            return;
        }
        UUID nas = client.nas().nasId();
        Slot key = new Slot(from, port, data[1] & 0xff, accountingPort);
        byte[] sentAuthenticator = Arrays.copyOfRange(data, 4, 20);
        Answer cached = answered.getIfPresent(key);
        if (cached != null && cached.answers(sentAuthenticator)) {
            send(socket, cached.response, from, port);
            return;
        }
        Packet request;
        try {
            request = codec.decodeRequest(Arrays.copyOf(data, length), client.secret());
        } catch (PacketCodecException | RuntimeException e) {
            malformed.incrementAndGet();
            registry.seen(nas, NasRegistry.Outcome.DROPPED);
            return;
        }
        int identifier = request.getReceivedFields().getIdentifier();
        byte[] authenticator = request.getReceivedFields().getAuthenticator();
        if (accountingPort) {
            var result = accounting.handle(client, request);
            if (!result.answer()) {
                registry.seen(nas, NasRegistry.Outcome.DROPPED);
                return;
            }
            // Accounting-Responses are signed by their Response Authenticator; radclient 3.2 rejects a
            // Message-Authenticator in them, so only Access-Accept / Reject carry one
            var _ = result.written().whenComplete((applied, failure) -> {
                if (failure != null) {
                    registry.seen(nas, NasRegistry.Outcome.DROPPED); // not written: no answer, the NAS retries
                    return;
                }
                registry.seen(nas, NasRegistry.Outcome.ACCOUNTING);
                byte[] response = encode(client, ACCOUNTING_RESPONSE, List.of(), identifier, authenticator, false);
                answered.put(key, new Answer(sentAuthenticator, response));
                send(socket, response, from, port);
            });
            return;
        }
        AccessDecision decision = access.decide(client, request);
        List<byte[]> attributes = decision.accept()
                ? decision.attributes()
                : List.of(Dictionary.attribute(18, decision.reason().getBytes(StandardCharsets.UTF_8)));
        byte[] response = encode(
                client, decision.accept() ? ACCESS_ACCEPT : ACCESS_REJECT, attributes, identifier, authenticator, true);
        registry.seen(nas, decision.accept() ? NasRegistry.Outcome.ACCEPTED : NasRegistry.Outcome.REJECTED);
        answered.put(key, new Answer(sentAuthenticator, response));
        send(socket, response, from, port);
    }

    /** The NAS whose secret signed this Access-Request (Message-Authenticator), or null to drop it. */
    private static NasRegistry.@Nullable Client accessClient(
            int code, byte[] data, int length, List<NasRegistry.Client> candidates) {
        if (code != ACCESS_REQUEST) {
            return null;
        }
        int offset = PacketSecurity.messageAuthenticatorOffset(data, length);
        if (offset >= 0) {
            for (NasRegistry.Client candidate : candidates) {
                if (PacketSecurity.messageAuthenticatorValid(data, length, offset, candidate.secret())) {
                    return candidate;
                }
            }
            return null;
        }
        // BlastRADIUS (CVE-2024-3596): without a Message-Authenticator only legacy NAS are heard, and only when
        // the source address names exactly one
        var legacy = candidates.stream()
                .filter(c -> !c.nas().requireMessageAuthenticator())
                .toList();
        return legacy.size() == 1 && candidates.size() == 1 ? legacy.getFirst() : null;
    }

    private static NasRegistry.@Nullable Client accountingClient(
            int code, byte[] data, int length, List<NasRegistry.Client> candidates) {
        if (code != ACCOUNTING_REQUEST) {
            return null;
        }
        for (NasRegistry.Client candidate : candidates) {
            if (PacketSecurity.accountingAuthenticatorValid(data, length, candidate.secret())) {
                return candidate;
            }
        }
        return null;
    }

    private static byte[] encode(
            NasRegistry.Client client,
            int code,
            List<byte[]> attributes,
            int identifier,
            byte[] authenticator,
            boolean messageAuthenticator) {
        return PacketSecurity.response(
                code, identifier, authenticator, attributes, client.secret(), messageAuthenticator);
    }

    private static void send(DatagramSocket socket, byte[] response, InetAddress to, int port) {
        try {
            socket.send(new DatagramPacket(response, response.length, to, port));
        } catch (IOException e) {
            log.debug("RADIUS response to {} not sent: {}", to.getHostAddress(), e.toString());
        }
    }
}
