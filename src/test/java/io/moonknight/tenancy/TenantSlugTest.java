package io.moonknight.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSlugTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"demo", "a", "isp-42", "0x", "a234567890123456789012345678901234567890123456789012345678901bc"})
    void acceptsDnsLabels(String slug) {
        assertThat(new TenantSlug(slug).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "-demo",
                "demo-",
                "de mo",
                "Demo",
                "dé",
                "a.b",
                "under_score",
                "a2345678901234567890123456789012345678901234567890123456789012345",
                "www",
                "api",
                "platform"
            })
    void refusesWhatCannotBeASubdomain(String slug) {
        assertThatThrownBy(() -> new TenantSlug(slug)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {" Demo ", "DEMO", "demo\t"})
    void parsingNormalisesCaseAndBlanks(String typed) {
        assertThat(TenantSlug.parse(typed).value()).isEqualTo("demo");
    }
}
