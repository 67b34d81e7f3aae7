package io.moonknight.network.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpamDomainTest {

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1, 10.0.0.1",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "2001:DB8::1, 2001:db8::1",
        "2001:db8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "::, ::",
        "::1, ::1",
        "fe80::, fe80::",
        "2001:db8:1:2:3:4:5:6, 2001:db8:1:2:3:4:5:6",
        "::ffff:192.0.2.1, ::ffff:c000:201"
    })
    void addressesParseAndPrintInCanonicalForm(String text, String canonical) {
        assertThat(IpAddress.parse(text).toString()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10.0.0",
                "10.0.0.256",
                "10.0.0.01",
                "1.2.3.4.5",
                "2001:db8::1::1",
                "2001:db8:::1",
                "12345::",
                "2001:db8:1:2:3:4:5:6:7",
                "g::1",
                "host.example"
            })
    void notAddresses(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.0/24, 256, 10.0.0.0, 10.0.0.255",
        "192.0.2.0/31, 2, 192.0.2.0, 192.0.2.1",
        "192.0.2.7/32, 1, 192.0.2.7, 192.0.2.7",
        "2001:db8::/64, 18446744073709551616, 2001:db8::, 2001:db8::ffff:ffff:ffff:ffff",
        "2001:db8::/127, 2, 2001:db8::, 2001:db8::1"
    })
    void prefixes(String text, String size, String first, String last) {
        IpPrefix prefix = IpPrefix.parse(text);
        assertThat(prefix.size()).isEqualTo(new BigInteger(size));
        assertThat(prefix.first().toString()).isEqualTo(first);
        assertThat(prefix.last().toString()).isEqualTo(last);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"10.0.0.5/24", "10.0.0.0", "10.0.0.0/33", "10.0.0.0/-1", "2001:db8::/129", "10.0.0.0/x", "/24"})
    void notPrefixes(String text) {
        assertThatThrownBy(() -> IpPrefix.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlapAndContainment() {
        assertThat(IpPrefix.parse("10.0.0.0/8").overlaps(IpPrefix.parse("10.1.0.0/16")))
                .isTrue();
        assertThat(IpPrefix.parse("10.0.0.0/25").overlaps(IpPrefix.parse("10.0.0.128/25")))
                .isFalse();
        assertThat(IpPrefix.parse("10.0.0.0/24").overlaps(IpPrefix.parse("2001:db8::/64")))
                .isFalse();
        assertThat(IpPrefix.parse("10.0.0.0/24").contains(IpAddress.parse("10.0.0.255")))
                .isTrue();
        assertThat(IpPrefix.parse("10.0.0.0/24").contains(IpAddress.parse("10.0.1.0")))
                .isFalse();
    }

    /** Pool, gateway, exclusions: how many assignments are usable and which come first. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                // prefix | length | gateway | excluded | units | usable | first free | last free
                "10.0.0.0/24 | 32 | 10.0.0.1 | | 256 | 253 | 10.0.0.2 | 10.0.0.254",
                "10.0.0.0/24 | 32 | | 10.0.0.0-10.0.0.9 | 256 | 245 | 10.0.0.10 | 10.0.0.254",
                "10.0.0.0/30 | 32 | | | 4 | 2 | 10.0.0.1 | 10.0.0.2",
                // RFC 3021: a /31 point-to-point link uses both addresses
                "192.0.2.0/31 | 32 | | | 2 | 2 | 192.0.2.0 | 192.0.2.1",
                "192.0.2.7/32 | 32 | | | 1 | 1 | 192.0.2.7 | 192.0.2.7",
                "10.0.0.0/25 | 32 | 10.0.0.1 | 10.0.0.120/29 | 128 | 118 | 10.0.0.2 | 10.0.0.119",
                // IPv6: the subnet-router anycast address is kept back for single addresses
                "2001:db8::/120 | 128 | | | 256 | 255 | 2001:db8::1 | 2001:db8::ff",
                // a /64 of single addresses: 2^64 units, never materialised
                "2001:db8::/64 | 128 | 2001:db8::1 | | 18446744073709551616 | 18446744073709551614 | 2001:db8::2 |"
                        + " 2001:db8::ffff:ffff:ffff:ffff",
                // prefix delegation: /48 handed out as /64s, /56s
                "2001:db8:100::/48 | 64 | | | 65536 | 65536 | 2001:db8:100::/64 | 2001:db8:100:ffff::/64",
                "2001:db8:100::/48 | 56 | | | 256 | 256 | 2001:db8:100::/56 | 2001:db8:100:ff00::/56"
            })
    void layouts(
            String prefix,
            int length,
            String gateway,
            String excluded,
            String units,
            String usable,
            String firstFree,
            String lastFree) {
        var layout = new PoolLayout(
                IpPrefix.parse(prefix),
                length,
                gateway == null ? null : IpAddress.parse(gateway),
                excluded == null ? List.of() : List.of(AddressRange.parse(excluded)));
        assertThat(layout.units()).isEqualTo(new BigInteger(units));
        assertThat(layout.usable()).isEqualTo(new BigInteger(usable));
        List<UnitRange> free = layout.freeSegments(BigInteger.ZERO);
        assertThat(layout.label(free.getFirst().first())).isEqualTo(firstFree);
        assertThat(layout.label(free.getLast().last())).isEqualTo(lastFree);
        BigInteger counted = free.stream().map(UnitRange::size).reduce(BigInteger.ZERO, BigInteger::add);
        assertThat(counted).isEqualTo(layout.usable());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10.0.0.0/24 | 32 | 10.0.0.7 | 7",
                "2001:db8:100::/48 | 64 | 2001:db8:100:5::/64 | 5",
                "2001:db8::/64 | 128 | 2001:db8::ff | 255"
            })
    void aRequestedAddressNamesItsUnit(String prefix, int length, String requested, long unit) {
        var layout = new PoolLayout(IpPrefix.parse(prefix), length, null, List.of());
        assertThat(layout.unitOf(requested)).isEqualTo(BigInteger.valueOf(unit));
        assertThat(layout.label(BigInteger.valueOf(unit))).isEqualTo(requested);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "10.0.0.0/24 | 32 | 10.0.1.1",
                "2001:db8:100::/48 | 64 | 2001:db8:100:5::/56",
                "2001:db8:100::/48 | 64 | 2001:db8:100:5::1",
                "2001:db8:100::/48 | 64 | 2001:db8:200::/64",
                "10.0.0.0/24 | 32 | not-an-address"
            })
    void requestsOutsideTheLayoutAreRefused(String prefix, int length, String requested) {
        var layout = new PoolLayout(IpPrefix.parse(prefix), length, null, List.of());
        assertThatThrownBy(() -> layout.unitOf(requested)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void impossibleLayoutsAreRefused() {
        assertThatThrownBy(() -> new PoolLayout(IpPrefix.parse("10.0.0.0/24"), 30, null, List.of()))
                .hasMessageContaining("/32");
        assertThatThrownBy(() -> new PoolLayout(IpPrefix.parse("2001:db8::/32"), 128, null, List.of()))
                .hasMessageContaining("2^64");
        assertThatThrownBy(() -> new PoolLayout(IpPrefix.parse("2001:db8::/64"), 48, null, List.of()))
                .hasMessageContaining("between");
        assertThatThrownBy(
                        () -> new PoolLayout(IpPrefix.parse("10.0.0.0/24"), 32, IpAddress.parse("10.0.1.1"), List.of()))
                .hasMessageContaining("not inside");
    }
}
