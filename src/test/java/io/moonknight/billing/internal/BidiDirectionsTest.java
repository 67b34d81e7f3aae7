package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BidiDirectionsTest {

    @ParameterizedTest(name = "{0} -> rtl {1}")
    @CsvSource({
        "'شارع الملك فهد ١٢', true",
        "'١٢ شارع الملك فهد', true",
        "'12 Road 5', false",
        "'রহিম উদ্দিন', false",
        "'  ', false",
        "'שלום', true",
        "'House 4, شارع', false"
    })
    void theFirstLetterWithADirectionDecides(String text, boolean rtl) {
        assertThat(new BidiDirections().rtl(text)).isEqualTo(rtl);
    }
}
