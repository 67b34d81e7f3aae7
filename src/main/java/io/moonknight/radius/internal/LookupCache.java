package io.moonknight.radius.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.NasVendor;
import io.moonknight.network.VlanDirectory;
import io.moonknight.network.VlanSummary;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanReply;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.subscriptions.AccessChange;
import io.moonknight.subscriptions.AccessProfile;
import io.moonknight.subscriptions.SubscriberAccess;
import io.moonknight.tenancy.TenantDirectory;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Copies of what every login needs (subscriber, plan reply, pool, VLAN), so the hot path makes no query for
 * them. Subscribers are kept until they change: a subscription changed on this instance is dropped at once (see
 * {@code Enforcement}), and every {@link #SYNC} the cache asks which subscriptions changed anywhere (one indexed
 * query) and drops just those, so 100,000 cached subscribers cost no steady stream of reloads. They are also
 * re-read every {@link #REFRESH} (the billing cycle's start moves at midnight). Plans, pools and VLANs live
 * {@code moonknight.radius.cache-ttl}.
 */
@Component
class LookupCache {

    /** How often the cache asks which subscriptions changed on any instance. */
    static final java.time.Duration SYNC = java.time.Duration.ofSeconds(5);

    /** Changes are asked for again this far back: commit lag and clock skew between instances. */
    static final java.time.Duration OVERLAP = java.time.Duration.ofSeconds(30);

    static final java.time.Duration REFRESH = java.time.Duration.ofMinutes(10);

    private record Key(UUID tenant, String kind, String value) {}

    private record PlanKey(UUID plan, NasVendor vendor, int step) {}

    private final SubscriberAccess subscribers;
    private final PlanCatalog plans;
    private final IpAddressManagement ipam;
    private final VlanDirectory vlans;
    private final LoadingCache<Key, Optional<AccessProfile>> profiles;
    private final Cache<PlanKey, Optional<PlanReply>> replies;
    private final Cache<Key, Optional<Object>> network;
    private final TenantDirectory tenants;
    private final Cache<UUID, ZoneId> zones;
    /** Which keys each cached subscription answers (username, MAC, id), to forget them all without a scan. */
    private final java.util.Map<UUID, java.util.Set<Key>> keysOf = new java.util.concurrent.ConcurrentHashMap<>();

    private final java.time.Clock clock;
    private java.time.Instant synced;
    /** The changes already acted on inside the overlap, so each is acted on once. */
    private final java.util.Map<UUID, java.time.Instant> actedOn = new java.util.HashMap<>();

    LookupCache(
            SubscriberAccess subscribers,
            PlanCatalog plans,
            IpAddressManagement ipam,
            VlanDirectory vlans,
            TenantDirectory tenants,
            RadiusProperties properties,
            java.time.Clock clock) {
        this.tenants = tenants;
        this.clock = clock;
        this.synced = clock.instant();
        this.subscribers = subscribers;
        this.plans = plans;
        this.ipam = ipam;
        this.vlans = vlans;
        // refreshed in the background (the hot path never waits on the database for a subscriber it has seen)
        this.profiles = Caffeine.newBuilder()
                .maximumSize(500_000)
                .refreshAfterWrite(REFRESH)
                .expireAfterAccess(REFRESH.multipliedBy(6))
                .<Key, Optional<AccessProfile>>removalListener((key, value, cause) -> {
                    if (key != null
                            && value != null
                            && cause != com.github.benmanes.caffeine.cache.RemovalCause.REPLACED) {
                        value.ifPresent(p -> unindex(p.subscriptionId(), key));
                    }
                })
                .build(this::load);
        this.replies = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(properties.cacheTtl())
                .build();
        this.network = Caffeine.newBuilder()
                .maximumSize(50_000)
                .expireAfterWrite(properties.cacheTtl())
                .build();
        this.zones = Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(properties.cacheTtl())
                .build();
    }

    /** The tenant's time zone: prepaid validity ends at midnight where the ISP is, not in UTC. */
    ZoneId zone(UUID tenant) {
        return zones.get(tenant, tenants::zone);
    }

    Optional<AccessProfile> byUsername(UUID tenant, String username) {
        return profiles.get(new Key(tenant, "user", username.toLowerCase(Locale.ROOT)));
    }

    Optional<AccessProfile> byMac(UUID tenant, String mac) {
        return profiles.get(new Key(tenant, "mac", mac.toLowerCase(Locale.ROOT)));
    }

    private Optional<AccessProfile> load(Key key) {
        Optional<AccessProfile> loaded = TenantContext.call(key.tenant(), () -> switch (key.kind()) {
            case "user" -> subscribers.byUsername(key.value());
            case "mac" -> subscribers.byMac(key.value());
            default -> subscribers.bySubscription(UUID.fromString(key.value()));
        });
        loaded.ifPresent(p -> keysOf.computeIfAbsent(p.subscriptionId(), s -> ConcurrentHashMap.newKeySet())
                .add(key));
        return loaded;
    }

    private void unindex(UUID subscription, Key key) {
        keysOf.computeIfPresent(subscription, (s, keys) -> {
            keys.remove(key);
            return keys.isEmpty() ? null : keys;
        });
    }

    /**
     * Forgets every subscription changed since the last look (on any instance), and the logins now taken by them
     * that were cached as unknown.
     */
    @org.springframework.scheduling.annotation.Scheduled(
            fixedDelay = 5,
            timeUnit = java.util.concurrent.TimeUnit.SECONDS)
    @io.moonknight.shared.config.RunsOnEveryInstance("drops this instance's cached subscribers that changed")
    synchronized void sync() {
        java.time.Instant now = clock.instant();
        java.time.Instant since = (synced.isAfter(now) ? now : synced).minus(OVERLAP); // a clock set back: no gap
        actedOn.values().removeIf(at -> at.isBefore(since));
        for (AccessChange change : subscribers.changedSince(since)) {
            if (change.updatedAt().equals(actedOn.put(change.subscriptionId(), change.updatedAt()))) {
                continue;
            }
            forgetSubscription(change.subscriptionId());
            if (change.username() != null) {
                profiles.invalidate(
                        new Key(change.tenantId(), "user", change.username().toLowerCase(Locale.ROOT)));
            }
            if (change.macAddress() != null) {
                profiles.invalidate(
                        new Key(change.tenantId(), "mac", change.macAddress().toLowerCase(Locale.ROOT)));
            }
        }
        synced = now;
    }

    Optional<AccessProfile> bySubscription(UUID tenant, UUID subscription) {
        return profiles.get(new Key(tenant, "id", subscription.toString()));
    }

    /** The plan's reply for {@code usedBytes} in the cycle; plans without fair use never need the usage. */
    Optional<PlanReply> reply(UUID tenant, UUID plan, NasVendor vendor, long usedBytes) {
        Optional<PlanReply> base = replies.get(
                new PlanKey(plan, vendor, 0), k -> TenantContext.call(tenant, () -> plans.reply(plan, vendor, 0)));
        if (base.isEmpty() || base.get().fairUseStepsBytes().isEmpty()) {
            return base;
        }
        List<Long> steps = base.get().fairUseStepsBytes();
        int step = step(steps, usedBytes);
        if (step == 0) {
            return base;
        }
        long at = steps.get(step - 1);
        return replies.get(
                new PlanKey(plan, vendor, step), k -> TenantContext.call(tenant, () -> plans.reply(plan, vendor, at)));
    }

    /** How many fair-use steps {@code usedBytes} has passed. */
    static int step(List<Long> steps, long usedBytes) {
        int step = 0;
        while (step < steps.size() && usedBytes >= steps.get(step)) {
            step++;
        }
        return step;
    }

    @Nullable
    IpPoolSummary pool(UUID tenant, UUID pool) {
        return (IpPoolSummary) network.get(
                        new Key(tenant, "pool", pool.toString()),
                        k -> TenantContext.call(tenant, () -> ipam.pool(pool).map(Object.class::cast)))
                .orElse(null);
    }

    @Nullable
    VlanSummary vlan(UUID tenant, UUID vlan) {
        return (VlanSummary) network.get(
                        new Key(tenant, "vlan", vlan.toString()),
                        k -> TenantContext.call(tenant, () -> vlans.vlan(vlan).map(Object.class::cast)))
                .orElse(null);
    }

    /** Forgets a subscription (all its log-in keys) after it changed. */
    void forgetSubscription(UUID subscription) {
        java.util.Set<Key> keys = keysOf.remove(subscription);
        if (keys != null) {
            profiles.invalidateAll(keys);
        }
    }

    void forgetPlans() {
        replies.invalidateAll();
    }
}
