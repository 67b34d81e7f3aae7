package io.moonknight.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {

    @ParameterizedTest
    @CsvSource({"'  Nadia   RAHMAN ',nadia rahman", "José Müller,jose muller", "Ｆｕｌｌｗｉｄｔｈ,fullwidth", "Ñandú,nandu"})
    void normalisesCaseAccentsAndSpaces(String text, String expected) {
        assertThat(SearchText.normalise(text)).isEqualTo(expected);
    }

    @Test
    void phonesAreFoundWithOrWithoutTheCountryCode() {
        assertThat(SearchText.phoneForms("+8801711123456")).contains("+8801711123456", "8801711123456", "01711123456");
        assertThat(SearchText.phoneForms("+15550100199")).contains("05550100199");
    }

    @Test
    void joinsDistinctNonEmptyParts() {
        assertThat(SearchText.of(Arrays.asList("Nadia", null, "", "NADIA", "Dhaka")))
                .isEqualTo("nadia dhaka");
    }

    @Test
    void queriesBecomeAtMostSixTokens() {
        assertThat(SearchText.tokens("  Nadia  Rahman ")).isEqualTo(List.of("nadia", "rahman"));
        assertThat(SearchText.tokens("a b c d e f g h")).hasSize(SearchText.MAX_TOKENS);
        assertThat(SearchText.tokens("   ")).isEmpty();
    }
}
