package io.moonknight.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AccountNumberFormatTest {

    @ParameterizedTest(name = "{0} #{1} -> {2}")
    @CsvSource({
        "C-{seq:6}, 123, C-000123",
        "C-{seq:6}, 1234567, C-1234567",
        "{seq:4}, 7, 0007",
        "ISP/{seq:5}/BD, 42, ISP/00042/BD",
        "{seq:1}-X, 9, 9-X"
    })
    void formatsTheSequence(String pattern, long sequence, String expected) {
        assertThat(new AccountNumberFormat(pattern).format(sequence)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "C-000",
                "{seq}",
                "{seq:0}",
                "{seq:13}",
                "A{seq:3}B{seq:3}",
                "C {seq:4}",
                "C-{seq:6}-" + "XXXXXXXXXXXXXXXXXXXX"
            })
    void refusesPatternsWithoutExactlyOneUsableSequence(String pattern) {
        assertThatThrownBy(() -> new AccountNumberFormat(pattern)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"C-000123", "12345", "ACC/2024/001", "X#1", "a.b_c-d"})
    void acceptsImportedAccountNumbers(String value) {
        assertThat(new AccountNumber(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "-lead", "has space", "way-too-long-account-number-0000000000000000"})
    void refusesUnusableAccountNumbers(String value) {
        assertThatThrownBy(() -> new AccountNumber(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
