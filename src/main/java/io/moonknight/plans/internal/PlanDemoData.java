package io.moonknight.plans.internal;

import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.domain.FupRule;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Demo plans: two or three of each billing type, drawing addresses from the demo pools. */
@Component
class PlanDemoData implements DemoDataContributor {

    private final PlanService plans;
    private final IpAddressManagement ipam;

    PlanDemoData(PlanService plans, IpAddressManagement ipam) {
        this.plans = plans;
        this.ipam = ipam;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public void contribute(DemoTenant demo) {
        List<IpPoolSummary> pools = ipam.pools();
        UUID v4 = pools.stream()
                .filter(p -> !p.ipv6() && p.purpose() == IpPoolPurpose.DYNAMIC)
                .map(IpPoolSummary::id)
                .findFirst()
                .orElse(null);
        UUID v6 = pools.stream()
                .filter(IpPoolSummary::ipv6)
                .map(IpPoolSummary::id)
                .findFirst()
                .orElse(null);
        var night = List.of(new PlanDraft.TimeInput("Night boost", "01:00", "07:00", null, 100_000, 50_000));
        plans.create(
                plan("HOME-20", "Home 20", "Everyday browsing and streaming", BillingType.MONTHLY_POSTPAID, "20.00")
                        .speeds(20_000, 10_000)
                        .pools(v4, v6)
                        .build());
        plans.create(plan(
                        "FIBRE-50",
                        "Fibre 50",
                        "Fast fibre with burst and free night speeds",
                        BillingType.MONTHLY_POSTPAID,
                        "35.00")
                .speeds(50_000, 20_000)
                .burst(new PlanDraft.BurstInput(80_000, 40_000, 16), new PlanDraft.BurstInput(30_000, 15_000, 16))
                .fup(List.of(new PlanDraft.FupInput(500, FupRule.Action.REDUCE, 10_000L, 5_000L)))
                .times(night)
                .pools(v4, v6)
                .build());
        plans.create(plan(
                        "BIZ-100",
                        "Business 100",
                        "Symmetric 100 Mbit/s for offices, static IP on request",
                        BillingType.MONTHLY_POSTPAID,
                        "90.00")
                .speeds(100_000, 100_000)
                .setupFee("50.00")
                .sessions(4)
                .build());
        plans.create(plan(
                        "HOME-20-CAP",
                        "Home 20 capped",
                        "20 Mbit/s with 200 GB a month included, 0.50 per GB beyond",
                        BillingType.MONTHLY_POSTPAID,
                        "18.00")
                .speeds(20_000, 10_000)
                .overage(200_000L, "0.50")
                .pools(v4, v6)
                .build());
        plans.create(plan("PRE-10-30D", "Prepaid 10 / 30 days", null, BillingType.PREPAID, "12.00")
                .speeds(10_000, 5_000)
                .validity(30)
                .pools(v4, null)
                .build());
        plans.create(plan("PRE-25-7D", "Prepaid 25 / 7 days", null, BillingType.PREPAID, "5.00")
                .speeds(25_000, 10_000)
                .validity(7)
                .pools(v4, null)
                .build());
        plans.create(plan("DATA-10G", "Data pack 10 GB", "10 GB to use within 30 days", BillingType.DATA_PACK, "8.00")
                .speeds(30_000, 10_000)
                .validity(30)
                .quota(10_000L)
                .pools(v4, null)
                .build());
        plans.create(plan("DATA-50G", "Data pack 50 GB", "50 GB to use within 30 days", BillingType.DATA_PACK, "25.00")
                .speeds(50_000, 20_000)
                .validity(30)
                .quota(50_000L)
                .pools(v4, null)
                .build());
        plans.create(plan("VOUCHER-1H", "Hotspot 1 hour", null, BillingType.HOTSPOT_VOUCHER, "1.00")
                .speeds(10_000, 5_000)
                .timeLimit(60)
                .build());
        plans.create(plan("VOUCHER-1D", "Hotspot day pass 2 GB", null, BillingType.HOTSPOT_VOUCHER, "3.00")
                .speeds(10_000, 5_000)
                .validity(1)
                .quota(2_000L)
                .build());
        var legacy = plans.create(
                plan("HOME-10-OLD", "Home 10 (legacy)", "No longer sold", BillingType.MONTHLY_POSTPAID, "15.00")
                        .speeds(10_000, 5_000)
                        .pools(v4, null)
                        .build());
        plans.setStatus(legacy.id(), io.moonknight.plans.PlanStatus.ARCHIVED);
    }

    private static Builder plan(
            String code, String name, @Nullable String description, BillingType type, String price) {
        return new Builder(code, name, description, type, new BigDecimal(price));
    }

    /** Fills a draft's many fields readably. */
    private static final class Builder {
        private final String code;
        private final String name;
        private final @Nullable String description;
        private final BillingType type;
        private final BigDecimal price;
        private @Nullable BigDecimal setupFee;
        private @Nullable Integer validity;
        private @Nullable Long quota;
        private @Nullable BigDecimal overage;
        private @Nullable Integer timeLimit;
        private long down;
        private long up;
        private PlanDraft.@Nullable BurstInput downBurst;
        private PlanDraft.@Nullable BurstInput upBurst;
        private List<PlanDraft.FupInput> fup = List.of();
        private List<PlanDraft.TimeInput> times = List.of();
        private int sessions = 1;
        private @Nullable UUID v4;
        private @Nullable UUID v6;

        Builder(String code, String name, @Nullable String description, BillingType type, BigDecimal price) {
            this.code = code;
            this.name = name;
            this.description = description;
            this.type = type;
            this.price = price;
        }

        Builder speeds(long downKbps, long upKbps) {
            this.down = downKbps;
            this.up = upKbps;
            return this;
        }

        Builder burst(PlanDraft.BurstInput download, PlanDraft.BurstInput upload) {
            this.downBurst = download;
            this.upBurst = upload;
            return this;
        }

        Builder fup(List<PlanDraft.FupInput> rules) {
            this.fup = rules;
            return this;
        }

        Builder times(List<PlanDraft.TimeInput> rules) {
            this.times = rules;
            return this;
        }

        Builder setupFee(String fee) {
            this.setupFee = new BigDecimal(fee);
            return this;
        }

        Builder validity(int days) {
            this.validity = days;
            return this;
        }

        Builder quota(Long megabytes) {
            this.quota = megabytes;
            return this;
        }

        Builder overage(long includedMegabytes, String pricePerGb) {
            this.quota = includedMegabytes;
            this.overage = new BigDecimal(pricePerGb);
            return this;
        }

        Builder timeLimit(int minutes) {
            this.timeLimit = minutes;
            return this;
        }

        Builder sessions(int count) {
            this.sessions = count;
            return this;
        }

        Builder pools(@Nullable UUID ipv4, @Nullable UUID ipv6) {
            this.v4 = ipv4;
            this.v6 = ipv6;
            return this;
        }

        PlanDraft build() {
            return new PlanDraft(
                    code,
                    name,
                    description,
                    type,
                    price,
                    null,
                    null,
                    setupFee,
                    validity,
                    quota,
                    overage,
                    timeLimit,
                    down,
                    up,
                    downBurst,
                    upBurst,
                    fup,
                    times,
                    sessions,
                    600,
                    null,
                    v4,
                    v6);
        }
    }
}
