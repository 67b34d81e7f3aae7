package io.moonknight.radius.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Wire encodings against RFC 2865 / 2868 / 3162 / 4818 and the vendors' dictionaries. */
class DictionaryTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Session-Timeout | 3600 | 1b0600000e10",
                "Idle-Timeout | 600 | 1c0600000258",
                "Acct-Interim-Interval | 300 | 55060000012c",
                "Framed-IP-Address | 10.50.0.9 | 08060a320009",
                "Reply-Message | Hi | 12044869",
                "Framed-Pool | dyn | 580564796e",
                // tagged: the tag in the first byte (RFC 2868)
                "Tunnel-Type:1 | VLAN | 40060100000d",
                "Tunnel-Medium-Type:1 | IEEE-802 | 410601000006",
                "Tunnel-Private-Group-Id:1 | 100 | 510601313030",
                // RFC 3162 / 4818: reserved, prefix length, significant bytes
                "Delegated-IPv6-Prefix | 2001:db8:100::/56 | 7b0b003820010db8010000",
                "Framed-IPv6-Prefix | 2001:db8::/64 | 610c004020010db800000000",
                // Vendor-Specific: vendor id, vendor type, vendor length, value
                "Mikrotik-Rate-Limit | 10M/20M | 1a0f00003a8c080931304d2f32304d",
                "Cisco-AVPair | ip:a=b | 1a0e00000009010869703a613d62",
                "ERX-Service-Activate:1 | s(1) | 1a0d0000130a410701732831 29",
                "WISPr-Bandwidth-Max-Up | 10000000 | 1a0c0000372a070600989680",
                "WISPr-Bandwidth-Max-Down | 100000000000 | 1a0c0000372a0806ffffffff"
            })
    void encodings(String name, String value, String hex) {
        assertThat(HexFormat.of().formatHex(Dictionary.encode(name, value))).isEqualTo(hex.replace(" ", ""));
    }

    @Test
    void unknownOrBadValuesAreRefused() {
        assertThat(Dictionary.knows("Mikrotik-Rate-Limit")).isTrue();
        assertThat(Dictionary.knows("Tunnel-Type:1")).isTrue();
        assertThat(Dictionary.knows("Made-Up-Attribute")).isFalse();
        assertThatThrownBy(() -> Dictionary.encode("Made-Up", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dictionary.encode("Framed-IP-Address", "2001:db8::1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dictionary.encode("Framed-IP-Address", "example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dictionary.encode("Session-Timeout", "-1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Dictionary.encode("Reply-Message", "x".repeat(254)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void vendorValuesAreFoundInsideVendorSpecific() {
        byte[] vsa = HexFormat.of().parseHex("00000137" + "0b12" + "00112233445566778899aabbccddeeff");
        assertThat(Dictionary.vendorValue(vsa, 311, 11)).hasSize(16);
        assertThat(Dictionary.vendorValue(vsa, 311, 25)).isNull();
        assertThat(Dictionary.vendorValue(vsa, 14988, 11)).isNull();
        assertThat(Dictionary.vendorValue(HexFormat.of().parseHex("000001370b40"), 311, 11))
                .isNull();
    }
}
