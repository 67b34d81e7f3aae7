package io.moonknight.tenancy.internal;

import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link TenantDirectory} answering from memory for a few seconds. Authentication asks it on every request;
 * a change made on this instance shows at once, one made on another instance within {@link #TTL}.
 */
@Component
class TenantCache implements TenantDirectory {

    static final Duration TTL = Duration.ofSeconds(5);

    private final TenantRepository tenants;
    private final Clock clock;
    private final Map<UUID, Entry> byId = new ConcurrentHashMap<>();

    TenantCache(TenantRepository tenants, Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override // not @Transactional: a hit must not take a connection (the repository opens its own on a miss)
    public Optional<TenantView> find(UUID id) {
        Instant now = clock.instant();
        Entry entry = byId.get(id);
        if (entry != null && entry.expires().isAfter(now)) {
            return Optional.of(entry.tenant());
        }
        Optional<TenantView> loaded = tenants.findById(id).map(Tenant::view);
        loaded.ifPresentOrElse(t -> byId.put(id, new Entry(t, now.plus(TTL))), () -> byId.remove(id));
        return loaded;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<TenantView> findBySlug(String slug) {
        return tenants.findBySlug(slug).map(Tenant::view);
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return tenants.count();
    }

    @Override
    @Transactional(readOnly = true)
    public java.util.List<TenantView> active() {
        return tenants.findAll().stream()
                .map(Tenant::view)
                .filter(TenantView::active)
                .toList();
    }

    void evict(UUID id) {
        byId.remove(id);
    }

    private record Entry(TenantView tenant, Instant expires) {}
}
