package io.moonknight.network.internal;

import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.NasAddressing;
import io.moonknight.network.NasStatus;
import io.moonknight.network.NasVendor;
import io.moonknight.network.VlanMode;
import io.moonknight.network.VlanScopeType;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Demo network: a dynamic and a static IPv4 pool, an IPv6 delegation pool, VLANs in each kind of scope and a
 * MikroTik NAS at 127.0.0.1 with the shared secret {@code testing123} (what {@code radclient} tests use). Should
 * another ISP on the deployment already have a NAS at 127.0.0.1 with that secret (a second demo tenant), the
 * demo NAS takes {@code testing123-<slug>}, since two ISPs' NAS may not share an address and a secret.
 */
@Component
class NetworkDemoData implements DemoDataContributor {

    static final String NAS_SECRET = "testing123";

    private final IpPoolService pools;
    private final VlanService vlans;
    private final NasService nas;

    NetworkDemoData(IpPoolService pools, VlanService vlans, NasService nas) {
        this.pools = pools;
        this.vlans = vlans;
        this.nas = nas;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void contribute(DemoTenant demo) {
        pools.create(new IpPoolDraft(
                "Residential (dynamic)",
                "100.64.0.0/22",
                null,
                IpPoolPurpose.DYNAMIC,
                "100.64.0.1",
                List.of("1.1.1.1", "8.8.8.8"),
                List.of("100.64.3.240-100.64.3.255"),
                90,
                "CGNAT space for PPPoE and IPoE subscribers; the top /28 is kept for infrastructure"));
        pools.create(new IpPoolDraft(
                "Business (static)",
                "203.0.113.0/26",
                null,
                IpPoolPurpose.STATIC,
                "203.0.113.1",
                List.of("1.1.1.1", "8.8.8.8"),
                List.of(),
                80,
                "Public addresses for static-IP business customers"));
        pools.create(new IpPoolDraft(
                "IPv6 delegation",
                "2001:db8:1000::/48",
                64,
                IpPoolPurpose.DYNAMIC,
                null,
                List.of("2606:4700:4700::1111"),
                List.of(),
                90,
                "One /64 per subscriber, delegated with DHCPv6-PD"));
        vlans.create(new VlanDraft(
                "North residential", VlanScopeType.AREA, "North", null, 100, VlanMode.SHARED, "Service VLAN"));
        vlans.create(new VlanDraft(
                "South residential", VlanScopeType.AREA, "South", null, 100, VlanMode.SHARED, "Service VLAN"));
        for (int c = 101; c <= 104; c++) {
            vlans.create(new VlanDraft(
                    "OLT-1 port " + (c - 100), VlanScopeType.OLT, "OLT-1", 200, c, VlanMode.DEDICATED, null));
        }
        vlans.create(new VlanDraft(
                "Business uplink", VlanScopeType.SWITCH, "SW-CORE-1", null, 300, VlanMode.DEDICATED, null));
        nas.create(new NasDraft(
                "Core BRAS (demo)",
                NasVendor.MIKROTIK,
                "127.0.0.1",
                secret("127.0.0.1", NAS_SECRET, demo),
                3799,
                true,
                "Head office rack A",
                null,
                null,
                8729,
                true,
                true,
                NasAddressing.RADIUS,
                "moonknight",
                "demo-api-password",
                "Stands in for a MikroTik CCR; radclient on this machine talks to MoonKnight as this NAS",
                NasStatus.ACTIVE));
        nas.create(new NasDraft(
                "Hotspot gateway (demo)",
                NasVendor.UBIQUITI,
                "192.0.2.10",
                secret("192.0.2.10", "hotspot-secret-demo", demo),
                3799,
                false,
                "Market square",
                null,
                null,
                null,
                false,
                true,
                NasAddressing.NAS_POOL,
                null,
                null,
                null,
                NasStatus.ACTIVE));
    }

    /** The demo's secret, or one of this tenant's own where another ISP's NAS already has the address and it. */
    private String secret(String address, String secret, DemoTenant demo) {
        return nas.sharedWithAnotherTenant(address, secret) ? secret + "-" + demo.slug() : secret;
    }
}
