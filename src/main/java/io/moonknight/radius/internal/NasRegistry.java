package io.moonknight.radius.internal;

import io.moonknight.network.NasChanged;
import io.moonknight.network.NasDirectory;
import io.moonknight.network.RadiusClient;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Every active NAS of every tenant by source address, with its secret, kept in memory (reloaded when a NAS
 * changes and every 30 s, so changes on other instances arrive too), and per-NAS packet counters.
 */
@Component
public class NasRegistry {

    private static final Logger log = LoggerFactory.getLogger(NasRegistry.class);

    /** A NAS with its secret as bytes. */
    @SuppressWarnings("ArrayRecordComponent") // never compared or hashed
    public record Client(RadiusClient nas, byte[] secret) {}

    /** What the NAS status page shows. */
    public record Stats(
            @Nullable Instant lastSeen, long accepted, long rejected, long accounting, long dropped, long coa) {}

    private static final class Counters {
        final AtomicReference<@Nullable Instant> lastSeen = new AtomicReference<>();
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong rejected = new AtomicLong();
        final AtomicLong accounting = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong coa = new AtomicLong();
    }

    private final NasDirectory directory;
    private volatile Map<String, List<Client>> byAddress = Map.of();
    private volatile Map<UUID, Client> byId = Map.of();
    private final Map<UUID, Counters> counters = new ConcurrentHashMap<>();
    private final AtomicLong unknownSource = new AtomicLong();

    NasRegistry(NasDirectory directory) {
        this.directory = directory;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "PT30S")
    @io.moonknight.shared.config.RunsOnEveryInstance("reloads this instance's NAS list")
    public void reload() {
        try {
            Map<String, List<Client>> addresses = new HashMap<>();
            Map<UUID, Client> ids = new HashMap<>();
            for (RadiusClient nas : directory.radiusClients()) {
                var client = new Client(nas, nas.secret().getBytes(StandardCharsets.UTF_8));
                addresses.computeIfAbsent(nas.address(), a -> new ArrayList<>()).add(client);
                ids.put(nas.nasId(), client);
            }
            byAddress = addresses;
            byId = ids;
        } catch (RuntimeException e) {
            log.warn("Could not load the NAS list; keeping the previous one", e);
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(NasChanged changed) {
        reload();
    }

    /** The NAS sending from {@code address}; several when tenants share an address (told apart by secret). */
    public List<Client> candidates(String address) {
        return byAddress.getOrDefault(address, List.of());
    }

    public @Nullable Client byId(UUID nasId) {
        return byId.get(nasId);
    }

    public Stats stats(UUID nasId) {
        Counters c = counters.get(nasId);
        return c == null
                ? new Stats(null, 0, 0, 0, 0, 0)
                : new Stats(
                        c.lastSeen.get(),
                        c.accepted.get(),
                        c.rejected.get(),
                        c.accounting.get(),
                        c.dropped.get(),
                        c.coa.get());
    }

    public long unknownSources() {
        return unknownSource.get();
    }

    void unknownSource() {
        unknownSource.incrementAndGet();
    }

    void seen(UUID nasId, Outcome outcome) {
        Counters c = counters.computeIfAbsent(nasId, id -> new Counters());
        c.lastSeen.set(Instant.now());
        switch (outcome) {
            case ACCEPTED -> c.accepted.incrementAndGet();
            case REJECTED -> c.rejected.incrementAndGet();
            case ACCOUNTING -> c.accounting.incrementAndGet();
            case DROPPED -> c.dropped.incrementAndGet();
            case COA -> c.coa.incrementAndGet();
        }
    }

    enum Outcome {
        ACCEPTED,
        REJECTED,
        ACCOUNTING,
        DROPPED,
        COA
    }
}
