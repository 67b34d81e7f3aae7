package io.moonknight.plans.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reply attributes per vendor, against the vendors' documented formats: MikroTik's {@code rx-rate/tx-rate
 * [rx-burst/tx-burst rx-threshold/tx-threshold rx-time/tx-time]} (rx = upload, k/M/G suffixes), Cisco ISG
 * {@code ip:sub-qos-policy-in/out=} AV pairs, Juniper's {@code ERX-Service-Activate} with a parameterised
 * service, and WISPr bandwidth in bit/s.
 */
class VendorProfileTest {

    @ParameterizedTest(name = "{0} {1}/{2}")
    @CsvSource(
            delimiter = '|',
            value = {
                // vendor | down kbps | up kbps | burst (down rate,thr,s;up rate,thr,s) | session | idle | expected
                "MIKROTIK | 20000 | 10000 | | | | Mikrotik-Rate-Limit = 10M/20M",
                "MIKROTIK | 1500 | 512 | | | | Mikrotik-Rate-Limit = 512k/1500k",
                "MIKROTIK | 1000000 | 1000000 | | | | Mikrotik-Rate-Limit = 1G/1G",
                "MIKROTIK | 50000 | 20000 | 80000,40000,16;30000,15000,8 | | | Mikrotik-Rate-Limit = 20M/50M 30M/80M"
                        + " 15M/40M 8/16",
                "MIKROTIK | 50000 | 20000 | 80000,40000,16; | | | Mikrotik-Rate-Limit = 20M/50M 0/80M 0/40M 0/16",
                "MIKROTIK | 20000 | 10000 | | 86400 | 600 | Mikrotik-Rate-Limit = 10M/20M; Session-Timeout = 86400;"
                        + " Idle-Timeout = 600",
                "CISCO | 20000 | 10000 | | | | Cisco-AVPair = ip:sub-qos-policy-in=MK-UP-10M; Cisco-AVPair ="
                        + " ip:sub-qos-policy-out=MK-DOWN-20M",
                "CISCO | 1500 | 512 | 3000,1000,10; | | 300 | Cisco-AVPair = ip:sub-qos-policy-in=MK-UP-512K;"
                        + " Cisco-AVPair = ip:sub-qos-policy-out=MK-DOWN-1500K; Idle-Timeout = 300",
                "JUNIPER | 20000 | 10000 | | | | ERX-Service-Activate:1 = mk-rate(10000000,20000000)",
                "JUNIPER | 100000 | 100000 | | 3600 | | ERX-Service-Activate:1 = mk-rate(100000000,100000000);"
                        + " Session-Timeout = 3600",
                "GENERIC | 20000 | 10000 | | | | WISPr-Bandwidth-Max-Up = 10000000; WISPr-Bandwidth-Max-Down ="
                        + " 20000000",
                "GENERIC | 1500 | 512 | | | 120 | WISPr-Bandwidth-Max-Up = 512000; WISPr-Bandwidth-Max-Down = 1500000;"
                        + " Idle-Timeout = 120"
            })
    void rendering(
            VendorProfile vendor,
            long down,
            long up,
            @Nullable String bursts,
            @Nullable Integer session,
            @Nullable Integer idle,
            String expected) {
        Burst downBurst = null;
        Burst upBurst = null;
        if (bursts != null) {
            String[] parts = bursts.split(";", -1);
            downBurst = burst(parts[0]);
            upBurst = parts.length > 1 ? burst(parts[1]) : null;
        }
        var profile = new SpeedProfile(new Rate(down, up), downBurst, upBurst, List.of(), List.of());
        var attributes = vendor.render(profile.at(LocalDateTime.of(2026, 11, 24, 12, 0), 0), session, idle);
        assertThat(attributes.stream().map(RadiusAttribute::toString).collect(Collectors.joining("; ")))
                .isEqualTo(expected);
    }

    private static @Nullable Burst burst(String text) {
        if (text.isBlank()) {
            return null;
        }
        String[] v = text.split(",");
        return new Burst(Long.parseLong(v[0]), Long.parseLong(v[1]), Integer.parseInt(v[2]));
    }

    @Test
    void aBlockedSessionGetsNoRateAttributes() {
        var profile = new SpeedProfile(
                new Rate(20_000, 10_000), null, null, List.of(new FupRule(100, FupRule.Action.BLOCK, null)), List.of());
        var speed = profile.at(LocalDateTime.of(2026, 1, 1, 12, 0), 100_000_000_000L);
        assertThat(speed.blocked()).isTrue();
        for (VendorProfile vendor : VendorProfile.values()) {
            assertThat(vendor.render(speed, null, 600))
                    .extracting(RadiusAttribute::name)
                    .containsExactly("Idle-Timeout");
        }
    }

    /** Bursts that would never end, or never start, are refused with the reason. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "50000 | 40000 | 20000 | 16 | burst rate must be above",
                "50000 | 50000 | 20000 | 16 | burst rate must be above",
                "50000 | 80000 | 80000 | 16 | below the burst rate",
                "50000 | 80000 | 90000 | 16 | below the burst rate",
                "50000 | 80000 | 0 | 16 | above 0",
                "50000 | 80000 | 60000 | 16 | never ends",
                "50000 | 80000 | 40000 | 0 | 1-3600 seconds",
                "50000 | 80000 | 40000 | 3601 | 1-3600 seconds"
            })
    void badBursts(long normal, long rate, long threshold, int seconds, String message) {
        assertThatThrownBy(() -> new Burst(rate, threshold, seconds).check("download", normal))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void aGoodBurstPasses() {
        new Burst(80_000, 40_000, 16).check("download", 50_000);
        new Burst(80_000, 50_000, 1).check("download", 50_000);
    }

    /** What applies when: fair usage caps everything, time windows replace the normal rate, burst goes with it. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // local time | used GB | expected down/up | burst? | reason
                "2026-11-24T12:00 | 0 | 50000/20000 | true |",
                "2026-11-24T01:00 | 0 | 100000/50000 | false | Night",
                "2026-11-24T06:59 | 0 | 100000/50000 | false | Night",
                "2026-11-24T07:00 | 0 | 50000/20000 | true |",
                "2026-11-24T00:59 | 0 | 50000/20000 | true |",
                "2026-11-28T10:00 | 0 | 80000/30000 | false | Weekend",
                "2026-11-24T12:00 | 499 | 50000/20000 | true |",
                "2026-11-24T12:00 | 500 | 10000/5000 | false | fair usage: over 500 GB",
                "2026-11-24T02:00 | 600 | 10000/5000 | false | fair usage: over 500 GB",
                "2026-11-24T12:00 | 1000 | blocked | false | fair usage: over 1000 GB"
            })
    void effectiveSpeed(LocalDateTime when, long usedGb, String expected, boolean burst, @Nullable String reason) {
        var profile = new SpeedProfile(
                new Rate(50_000, 20_000),
                new Burst(80_000, 40_000, 16),
                null,
                List.of(
                        new FupRule(1000, FupRule.Action.BLOCK, null),
                        new FupRule(500, FupRule.Action.REDUCE, new Rate(10_000, 5_000))),
                List.of(
                        new TimeRule(
                                "Night",
                                LocalTime.of(1, 0),
                                LocalTime.of(7, 0),
                                EnumSet.allOf(DayOfWeek.class),
                                new Rate(100_000, 50_000)),
                        new TimeRule(
                                "Weekend",
                                LocalTime.of(9, 0),
                                LocalTime.of(18, 0),
                                EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY),
                                new Rate(80_000, 30_000))));
        var speed = profile.at(when, usedGb * 1_000_000_000L);
        if (expected.equals("blocked")) {
            assertThat(speed.blocked()).isTrue();
        } else {
            Rate rate = java.util.Objects.requireNonNull(speed.rate());
            assertThat(rate.downKbps() + "/" + rate.upKbps()).isEqualTo(expected);
        }
        assertThat(speed.downBurst() != null).isEqualTo(burst);
        assertThat(speed.reason()).isEqualTo(reason);
    }

    @Test
    void aWindowAcrossMidnightBelongsToTheDayItStarts() {
        var friday = new TimeRule(
                "Friday night",
                LocalTime.of(22, 0),
                LocalTime.of(6, 0),
                EnumSet.of(DayOfWeek.FRIDAY),
                new Rate(100_000, 50_000));
        assertThat(friday.appliesAt(LocalDateTime.of(2026, 11, 27, 23, 0))).isTrue(); // Friday
        assertThat(friday.appliesAt(LocalDateTime.of(2026, 11, 28, 5, 59))).isTrue(); // Saturday morning
        assertThat(friday.appliesAt(LocalDateTime.of(2026, 11, 28, 6, 0))).isFalse();
        assertThat(friday.appliesAt(LocalDateTime.of(2026, 11, 27, 5, 0))).isFalse(); // Friday morning
    }

    @Test
    void inconsistentRulesAreRefused() {
        var rate = new Rate(50_000, 20_000);
        assertThatThrownBy(() -> new SpeedProfile(
                        rate,
                        null,
                        null,
                        List.of(new FupRule(100, FupRule.Action.REDUCE, new Rate(60_000, 10_000))),
                        List.of()))
                .hasMessageContaining("must not be faster");
        assertThatThrownBy(() -> new SpeedProfile(
                        rate,
                        null,
                        null,
                        List.of(
                                new FupRule(100, FupRule.Action.BLOCK, null),
                                new FupRule(200, FupRule.Action.REDUCE, new Rate(1_000, 1_000))),
                        List.of()))
                .hasMessageContaining("nothing can follow");
        var all = EnumSet.allOf(DayOfWeek.class);
        assertThatThrownBy(() -> new SpeedProfile(
                        rate,
                        null,
                        null,
                        List.of(),
                        List.of(
                                new TimeRule("A", LocalTime.of(1, 0), LocalTime.of(7, 0), all, rate),
                                new TimeRule("B", LocalTime.of(6, 0), LocalTime.of(8, 0), all, rate))))
                .hasMessageContaining("overlap");
    }
}
