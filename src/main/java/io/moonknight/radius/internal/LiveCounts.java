package io.moonknight.radius.internal;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * How many live sessions each subscription has, for the simultaneous-use check without a query per login:
 * loaded from the sessions table, then kept current by this instance's accounting (a new session adds one, an
 * ended one drops the entry so it is read again). Entries are re-read in the background after ten
 * {@code cache-ttl}s, which bounds how stale a count can be when several instances take accounting (re-reading
 * every subscriber each TTL cost more queries than logins at 100,000 subscribers).
 */
@Component
class LiveCounts {

    private final RadiusSessionStore store;
    private final LoadingCache<UUID, AtomicInteger> counts;

    LiveCounts(RadiusSessionStore store, RadiusProperties properties) {
        this.store = store;
        this.counts = Caffeine.newBuilder()
                .maximumSize(1_000_000)
                .refreshAfterWrite(properties.cacheTtl().multipliedBy(10))
                .expireAfterAccess(properties.cacheTtl().multipliedBy(40))
                .build(s -> new AtomicInteger(store.liveCount(s)));
    }

    int get(UUID subscription) {
        return counts.get(subscription, s -> new AtomicInteger(store.liveCount(s)))
                .get();
    }

    void started(UUID subscription, int sessions) {
        AtomicInteger count = counts.getIfPresent(subscription);
        if (count != null) {
            count.addAndGet(sessions);
        }
    }

    void ended(UUID subscription) {
        counts.invalidate(subscription);
    }
}
