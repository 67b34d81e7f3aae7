package io.moonknight.radius.internal;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.NasDirectory;
import io.moonknight.network.NasSummary;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import io.moonknight.subscriptions.AccessProfile;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.SubscriberAccess;
import io.moonknight.subscriptions.SubscriptionDirectory;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.SubscriptionSummary;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Demo sessions and usage: a few dozen subscribers online on the demo NAS, and a month of daily usage for
 * them, so the sessions page and the usage charts have something to show. {@code demo-pppoe} stays offline so
 * it can log in with radclient right away. Online sessions hold the addresses IPAM shows allocated to them.
 */
@Component
class RadiusDemoData implements DemoDataContributor {

    private final RadiusSessionStore store;
    private final CustomerDirectory customers;
    private final SubscriptionDirectory subscriptions;
    private final SubscriberAccess access;
    private final NasDirectory nas;
    private final IpAddressManagement ipam;
    private final Clock clock;

    RadiusDemoData(
            RadiusSessionStore store,
            CustomerDirectory customers,
            SubscriptionDirectory subscriptions,
            SubscriberAccess access,
            NasDirectory nas,
            IpAddressManagement ipam,
            Clock clock) {
        this.store = store;
        this.customers = customers;
        this.subscriptions = subscriptions;
        this.access = access;
        this.nas = nas;
        this.ipam = ipam;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public void contribute(DemoTenant demo) {
        Optional<NasSummary> router =
                nas.all().stream().filter(n -> n.address().equals("127.0.0.1")).findFirst();
        if (router.isEmpty()) {
            return;
        }
        var random = new Random(11);
        Instant now = clock.instant();
        int online = 0;
        for (var customer : customers.first(80)) {
            for (SubscriptionSummary summary : subscriptions.ofCustomer(customer.id())) {
                if (summary.status() != SubscriptionStatus.ACTIVE || "demo-pppoe".equals(summary.username())) {
                    continue;
                }
                AccessProfile profile = access.bySubscription(summary.id()).orElse(null);
                if (profile == null) {
                    continue;
                }
                for (int day = 1; day <= 30; day++) {
                    long down = (long) (random.nextDouble() * 4e9);
                    store.addUsage(
                            demo.tenantId(), profile.subscriptionId(), now.minusSeconds(86_400L * day), down / 8, down);
                }
                if (online++ < 40) {
                    long seconds = 600L + random.nextInt(20_000);
                    long down = (long) (random.nextDouble() * 2e9);
                    store.update(new RadiusSessionStore.Accounting(
                            demo.tenantId(),
                            router.get().id(),
                            AccountingHandler.INTERIM,
                            profile.subscriptionId(),
                            profile.customerId(),
                            profile.planId(),
                            profile.username(),
                            "demo-" + online,
                            framedIp(profile),
                            profile.macAddress(),
                            String.valueOf(online),
                            down / 8,
                            down,
                            seconds,
                            null,
                            300,
                            now));
                }
            }
        }
    }

    /**
     * The address a demo session uses, as IPAM knows it: the static address, or a lease from the plan's pool taken
     * as an Access-Accept would have (so the pool page shows it allocated and the allocator never hands it out).
     */
    private @Nullable String framedIp(AccessProfile profile) {
        if (profile.ipv4Mode() == IpMode.STATIC) {
            return profile.ipv4Address();
        }
        UUID pool = profile.ipv4PoolId();
        if (profile.ipv4Mode() == IpMode.DYNAMIC && pool != null) {
            return ipam.lease(pool, profile.subscriptionId()).address();
        }
        return null;
    }
}
