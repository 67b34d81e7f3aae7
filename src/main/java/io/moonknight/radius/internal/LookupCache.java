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
import io.moonknight.subscriptions.AccessProfile;
import io.moonknight.subscriptions.SubscriberAccess;
import io.moonknight.tenancy.TenantDirectory;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Short-lived copies of what every login needs (subscriber, plan reply, pool, VLAN), so the hot path makes no
 * query for them: entries live {@code moonknight.radius.cache-ttl}, and a subscription or plan changed on this
 * instance is dropped at once (see {@code Enforcement}).
 */
@Component
class LookupCache {

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

    LookupCache(
            SubscriberAccess subscribers,
            PlanCatalog plans,
            IpAddressManagement ipam,
            VlanDirectory vlans,
            TenantDirectory tenants,
            RadiusProperties properties) {
        this.tenants = tenants;
        this.subscribers = subscribers;
        this.plans = plans;
        this.ipam = ipam;
        this.vlans = vlans;
        // refreshed in the background once older than the TTL (the hot path never waits on the database for a
        // subscriber it has seen), and dropped when not asked for in four TTLs
        this.profiles = Caffeine.newBuilder()
                .maximumSize(500_000)
                .refreshAfterWrite(properties.cacheTtl())
                .expireAfterWrite(properties.cacheTtl().multipliedBy(4))
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
        return TenantContext.call(key.tenant(), () -> switch (key.kind()) {
            case "user" -> subscribers.byUsername(key.value());
            case "mac" -> subscribers.byMac(key.value());
            default -> subscribers.bySubscription(UUID.fromString(key.value()));
        });
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
        profiles.asMap()
                .entrySet()
                .removeIf(e -> e.getValue()
                        .map(p -> p.subscriptionId().equals(subscription))
                        .orElse(false));
    }

    /** Forgets the logins that were unknown: a new subscription may have taken one of them. */
    void forgetUnknown() {
        profiles.asMap().entrySet().removeIf(e -> e.getValue().isEmpty());
    }

    void forgetPlans() {
        replies.invalidateAll();
    }
}
