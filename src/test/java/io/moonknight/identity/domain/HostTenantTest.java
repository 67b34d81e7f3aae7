package io.moonknight.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostTenantTest {

    @ParameterizedTest(name = "[{index}] {0} on {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
        demo.localhost             | localhost     | demo
        demo.localhost:8080        | localhost     | demo
        DEMO.LocalHost             | localhost     | demo
        acme.isp.example.com       | isp.example.com | acme
        acme.isp.example.com.      | isp.example.com | acme
        localhost                  | localhost     | none
        localhost:8080             | localhost     | none
        127.0.0.1                  | localhost     | none
        [::1]:8080                 | localhost     | none
        a.b.localhost              | localhost     | none
        evil-localhost             | localhost     | none
        demo.otherdomain.com       | localhost     | none
        isp.example.com            | isp.example.com | none
        """)
    void findsTheTenantSubdomain(String host, String baseDomain, String expected) {
        assertThat(HostTenant.slug(host, baseDomain).orElse(null)).isEqualTo(expected);
    }
}
