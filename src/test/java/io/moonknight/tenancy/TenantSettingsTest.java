package io.moonknight.tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TenantSettingsTest {

    @ParameterizedTest
    @CsvSource({
        "Asia/Dhaka,Asia/Dhaka",
        "UTC,UTC",
        "Europe/Berlin,Europe/Berlin",
        "' America/New_York ',America/New_York"
    })
    void acceptsIanaZones(String typed, String expected) {
        assertThat(TenantSettings.zone(typed).getId()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "", "GMT+99"})
    void refusesUnknownZones(String typed) {
        assertThatThrownBy(() -> TenantSettings.zone(typed)).hasMessageContaining("timezone");
    }

    @ParameterizedTest
    @CsvSource({"usd,USD", "BDT,BDT", "JPY,JPY", "KWD,KWD"})
    void acceptsIsoCurrencies(String typed, String expected) {
        assertThat(TenantSettings.currency(typed).getCurrencyCode()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"XYZ1", "US", "dollar", "ZZZ", ""})
    void refusesUnknownCurrencies(String typed) {
        assertThatThrownBy(() -> TenantSettings.currency(typed)).hasMessageContaining("ISO 4217");
    }

    @ParameterizedTest
    @CsvSource({"en,en", "bn-BD,bn-BD", "fr,fr", "pt-BR,pt-BR"})
    void acceptsLanguageTags(String typed, String expected) {
        assertThat(TenantSettings.locale(typed).toLanguageTag()).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"english!", "", "-x", "12"})
    void refusesMalformedLanguageTags(String typed) {
        assertThatThrownBy(() -> TenantSettings.locale(typed)).hasMessageContaining("language tag");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void requiresAName(String name) {
        assertThatThrownBy(() -> new TenantSettings(
                        name, TenantSettings.zone("UTC"), TenantSettings.currency("USD"), TenantSettings.locale("en")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
