package io.moonknight.customers.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CustomFieldRuleTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
        TEXT   | ' Tower 3 '  | Tower 3
        NUMBER | 1,250.50     | 1250.5
        NUMBER | 7            | 7
        NUMBER | -0.10        | -0.1
        DATE   | 2025-02-28   | 2025-02-28
        CHOICE | fibre        | Fibre
        CHOICE | WIRELESS     | Wireless
        TEXT   | ''           | null
        NUMBER | null         | null
        """)
    void normalisesGoodValues(CustomFieldType type, String raw, String expected) {
        var rule = new CustomFieldRule(
                "field",
                "Field",
                type,
                false,
                type == CustomFieldType.CHOICE ? List.of("Fibre", "Wireless") : List.of());
        assertThat(rule.check(raw)).isEqualTo(Optional.ofNullable(expected));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        NUMBER | twelve     | must be a number
        NUMBER | 1e20       | is too large
        DATE   | 28/02/2025 | must be a date (yyyy-mm-dd)
        DATE   | 2025-02-30 | must be a date (yyyy-mm-dd)
        CHOICE | satellite  | must be one of: Fibre, Wireless
        """)
    void refusesBadValues(CustomFieldType type, String raw, String message) {
        var rule = new CustomFieldRule(
                "field",
                "Field",
                type,
                false,
                type == CustomFieldType.CHOICE ? List.of("Fibre", "Wireless") : List.of());
        assertThatThrownBy(() -> rule.check(raw)).hasMessage(message);
    }

    @Test
    void aRequiredFieldNeedsAValue() {
        var rule = new CustomFieldRule("field", "Field", CustomFieldType.TEXT, true, List.of());
        assertThatThrownBy(() -> rule.check("  ")).hasMessage("is required");
        assertThatThrownBy(() -> rule.check(null)).hasMessage("is required");
    }

    @Test
    void textIsLimited() {
        var rule = new CustomFieldRule("field", "Field", CustomFieldType.TEXT, false, List.of());
        assertThatThrownBy(() -> rule.check("x".repeat(501))).hasMessage("must be at most 500 characters");
    }

    @Test
    void aChoiceFieldNeedsChoices() {
        assertThatThrownBy(() -> new CustomFieldRule("f", "F", CustomFieldType.CHOICE, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
