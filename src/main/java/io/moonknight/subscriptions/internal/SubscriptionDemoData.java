package io.moonknight.subscriptions.internal;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.NasDirectory;
import io.moonknight.network.NasSummary;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoLogin;
import io.moonknight.shared.demo.DemoTenant;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Demo subscriptions: the named ones the RADIUS tests and the README rely on ({@code demo-pppoe} with the demo
 * password, {@code demo-suspended}, {@code demo-static} with a static address, an IPoE line recognised by MAC
 * {@code 02:00:00:00:00:01}) and a service for most demo customers, in every lifecycle state.
 */
@Component
class SubscriptionDemoData implements DemoDataContributor {

    static final String DEMO_MAC = "02:00:00:00:00:01";
    private static final int COVERED = 3; // three customers in four have a service

    private final SubscriptionService subscriptions;
    private final CustomerDirectory customers;
    private final PlanCatalog plans;
    private final IpAddressManagement ipam;
    private final NasDirectory nas;
    private final Clock clock;

    SubscriptionDemoData(
            SubscriptionService subscriptions,
            CustomerDirectory customers,
            PlanCatalog plans,
            IpAddressManagement ipam,
            NasDirectory nas,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.plans = plans;
        this.ipam = ipam;
        this.nas = nas;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public void contribute(DemoTenant demo) {
        List<CustomerSummary> people = customers.first(10_000);
        // The named demo services go to customers who are being served; leads get pending services only, so the
        // data says the same as the statuses (a lead has no active service, a former customer no live one).
        List<CustomerSummary> served = people.stream()
                .filter(p -> p.status() == CustomerStatus.ACTIVE)
                .limit(4)
                .toList();
        List<PlanSummary> monthly = plans.sellable().stream()
                .filter(p -> p.billingType() == BillingType.MONTHLY_POSTPAID || p.billingType() == BillingType.PREPAID)
                .toList();
        if (served.size() < 4 || monthly.isEmpty()) {
            return;
        }
        List<IpPoolSummary> pools = ipam.pools();
        UUID staticPool = pools.stream()
                .filter(p -> !p.ipv6() && p.purpose() == IpPoolPurpose.STATIC)
                .map(IpPoolSummary::id)
                .findFirst()
                .orElse(null);
        UUID router = nas.all().stream()
                .filter(n -> n.address().equals("127.0.0.1"))
                .map(NasSummary::id)
                .findFirst()
                .orElse(null);
        LocalDate today = LocalDate.now(clock);
        PlanSummary main = monthly.stream()
                .filter(p -> p.code().equals("FIBRE-50"))
                .findFirst()
                .orElse(monthly.getFirst());

        subscriptions.create(
                served.get(0).id(),
                main.id(),
                draft(
                        AccessType.PPPOE,
                        "demo-pppoe",
                        demo.password(),
                        null,
                        dynamic(main),
                        router,
                        today.minusMonths(7)),
                true);
        var suspended = subscriptions.create(
                served.get(1).id(),
                monthly.getFirst().id(),
                draft(
                        AccessType.PPPOE,
                        "demo-suspended",
                        demo.password(),
                        null,
                        dynamic(monthly.getFirst()),
                        router,
                        today.minusMonths(4)),
                true);
        subscriptions.suspend(suspended.id(), "non-payment", "Invoice two months overdue");
        if (staticPool != null) {
            subscriptions.create(
                    served.get(2).id(),
                    monthly.getLast().id(),
                    draft(
                            AccessType.PPPOE,
                            "demo-static",
                            demo.password(),
                            null,
                            new Addressing(IpMode.STATIC, staticPool, IpMode.NONE, null),
                            router,
                            today.minusYears(1)),
                    true);
        }
        subscriptions.create(
                served.get(3).id(),
                main.id(),
                draft(AccessType.IPOE, null, null, DEMO_MAC, dynamic(main), router, today.minusMonths(2)),
                true);

        var random = new Random(7);
        for (int i = 0; i < people.size(); i++) {
            CustomerSummary person = people.get(i);
            if (i % 4 >= COVERED || served.contains(person)) {
                continue;
            }
            PlanSummary plan = monthly.get(random.nextInt(monthly.size()));
            boolean ipoe = random.nextInt(5) == 0;
            String login = "u" + person.accountNumber().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            LocalDate start = today.minusDays(random.nextInt(720));
            var created = subscriptions.create(
                    person.id(),
                    plan.id(),
                    ipoe
                            ? draft(AccessType.IPOE, null, null, mac(i), dynamic(plan), router, start)
                            : draft(AccessType.PPPOE, login, null, null, dynamic(plan), router, start),
                    person.status() != CustomerStatus.LEAD);
            switch (person.status()) {
                case SUSPENDED -> subscriptions.suspend(created.id(), "non-payment", null);
                case FORMER ->
                    subscriptions.terminate(created.id(), "moved-away", "Customer moved out of the coverage area");
                case LEAD, ACTIVE -> {}
            }
        }
    }

    @Override
    public List<DemoLogin> logins() {
        return List.of(new DemoLogin("demo-pppoe", "PPPoE", "RADIUS (radclient, NAS 127.0.0.1 secret testing123)"));
    }

    private record Addressing(
            IpMode v4,
            @Nullable UUID v4Pool,
            IpMode v6,
            @Nullable UUID v6Pool) {}

    private static Addressing dynamic(PlanSummary plan) {
        return new Addressing(
                plan.ipv4PoolId() == null ? IpMode.NONE : IpMode.DYNAMIC,
                plan.ipv4PoolId(),
                plan.ipv6PoolId() == null ? IpMode.NONE : IpMode.DYNAMIC,
                plan.ipv6PoolId());
    }

    private static String mac(int i) {
        return String.format(Locale.ROOT, "02:00:00:00:%02x:%02x", (i >> 8) & 0xff, i & 0xff);
    }

    private static SubscriptionDraft draft(
            AccessType access,
            @Nullable String username,
            @Nullable String password,
            @Nullable String mac,
            Addressing addressing,
            @Nullable UUID router,
            LocalDate start) {
        return new SubscriptionDraft(
                access,
                username,
                password,
                mac,
                null,
                addressing.v4(),
                addressing.v4Pool(),
                null,
                addressing.v6(),
                addressing.v6Pool(),
                null,
                null,
                router,
                null,
                null,
                null,
                null,
                null,
                start,
                null);
    }
}
