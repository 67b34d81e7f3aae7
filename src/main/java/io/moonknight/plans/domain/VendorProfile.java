package io.moonknight.plans.domain;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Renders a speed to the reply attributes a NAS vendor understands.
 *
 * <ul>
 *   <li>MikroTik: {@code Mikrotik-Rate-Limit = "rx/tx [rx-burst/tx-burst rx-threshold/tx-threshold
 *       rx-time/tx-time]"}, rx being what the router receives from the subscriber (upload), rates with k/M
 *       suffixes (1k = 1,000 bit/s), burst time in seconds; a direction without burst gets 0.
 *   <li>Cisco (ISG / BNG): {@code Cisco-AVPair = "ip:sub-qos-policy-in=<policy>"} (from the subscriber) and
 *       {@code "ip:sub-qos-policy-out=<policy>"} (towards the subscriber), naming policy-maps {@code MK-UP-<rate>}
 *       and {@code MK-DOWN-<rate>} that the router must define (e.g. {@code MK-DOWN-20M}).
 *   <li>Juniper (MX / E Series Service Manager): {@code ERX-Service-Activate:1 = "mk-rate(<up bps>,<down
 *       bps>)"}, a dynamic service profile {@code mk-rate} with input (upstream) and output (downstream)
 *       bandwidth parameters in bit/s.
 *   <li>Generic (WISPr): {@code WISPr-Bandwidth-Max-Up} and {@code WISPr-Bandwidth-Max-Down} in bit/s.
 * </ul>
 *
 * Every profile adds {@code Session-Timeout} and {@code Idle-Timeout} (seconds) when the plan sets them. Only
 * MikroTik has a burst syntax; the others get the normal rate.
 */
public enum VendorProfile {
    MIKROTIK,
    CISCO,
    JUNIPER,
    GENERIC;

    public static final String CISCO_POLICY_PREFIX = "MK-";
    public static final String JUNIPER_SERVICE = "mk-rate";

    /** Attributes for a session; a blocked speed yields none (the caller rejects or redirects the session). */
    public List<RadiusAttribute> render(
            EffectiveSpeed speed, @Nullable Integer sessionTimeoutSeconds, @Nullable Integer idleTimeoutSeconds) {
        List<RadiusAttribute> attributes = new ArrayList<>();
        Rate rate = speed.rate();
        if (!speed.blocked() && rate != null) {
            switch (this) {
                case MIKROTIK -> attributes.add(new RadiusAttribute("Mikrotik-Rate-Limit", mikrotik(speed, rate)));
                case CISCO -> {
                    attributes.add(new RadiusAttribute(
                            "Cisco-AVPair",
                            "ip:sub-qos-policy-in=" + CISCO_POLICY_PREFIX + "UP-" + cisco(rate.upKbps())));
                    attributes.add(new RadiusAttribute(
                            "Cisco-AVPair",
                            "ip:sub-qos-policy-out=" + CISCO_POLICY_PREFIX + "DOWN-" + cisco(rate.downKbps())));
                }
                case JUNIPER ->
                    attributes.add(new RadiusAttribute(
                            "ERX-Service-Activate:1",
                            JUNIPER_SERVICE + "(" + rate.upKbps() * 1000 + "," + rate.downKbps() * 1000 + ")"));
                case GENERIC -> {
                    attributes.add(new RadiusAttribute("WISPr-Bandwidth-Max-Up", String.valueOf(rate.upKbps() * 1000)));
                    attributes.add(
                            new RadiusAttribute("WISPr-Bandwidth-Max-Down", String.valueOf(rate.downKbps() * 1000)));
                }
            }
        }
        if (sessionTimeoutSeconds != null && sessionTimeoutSeconds > 0) {
            attributes.add(new RadiusAttribute("Session-Timeout", String.valueOf(sessionTimeoutSeconds)));
        }
        if (idleTimeoutSeconds != null && idleTimeoutSeconds > 0) {
            attributes.add(new RadiusAttribute("Idle-Timeout", String.valueOf(idleTimeoutSeconds)));
        }
        return attributes;
    }

    private static String mikrotik(EffectiveSpeed speed, Rate rate) {
        String limit = mikrotikRate(rate.upKbps()) + "/" + mikrotikRate(rate.downKbps());
        Burst up = speed.upBurst();
        Burst down = speed.downBurst();
        if (up == null && down == null) {
            return limit;
        }
        return limit
                + " " + (up == null ? "0" : mikrotikRate(up.rateKbps())) + "/"
                + (down == null ? "0" : mikrotikRate(down.rateKbps()))
                + " " + (up == null ? "0" : mikrotikRate(up.thresholdKbps())) + "/"
                + (down == null ? "0" : mikrotikRate(down.thresholdKbps()))
                + " " + (up == null ? 0 : up.seconds()) + "/" + (down == null ? 0 : down.seconds());
    }

    /** {@code 20M}, {@code 1500k}, {@code 1G}. */
    static String mikrotikRate(long kbps) {
        if (kbps % 1_000_000 == 0) {
            return kbps / 1_000_000 + "G";
        }
        if (kbps % 1_000 == 0) {
            return kbps / 1_000 + "M";
        }
        return kbps + "k";
    }

    /** {@code 20M}, {@code 1500K}, {@code 1G}: Cisco policy-map names in capitals. */
    static String cisco(long kbps) {
        return mikrotikRate(kbps).toUpperCase(java.util.Locale.ROOT);
    }
}
