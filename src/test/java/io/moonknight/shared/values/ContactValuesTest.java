package io.moonknight.shared.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactValuesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {"a@b.co", "first.last+tag@isp.example.com", "x_y@sub-domain.example.org", " pad@example.com "})
    void acceptsEmailAddresses(String value) {
        assertThat(new EmailAddress(value).value()).isEqualTo(value.strip());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "plain",
                "@example.com",
                "a@",
                "a@b",
                "a b@example.com",
                "a@@b.com",
                "a..b@example.com",
                "a@-example.com"
            })
    void refusesWhatIsNotAnEmailAddress(String value) {
        assertThatThrownBy(() -> new EmailAddress(value)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
        +1 555 010 0199    | +15550100199
        +880 1711-123456   | +8801711123456
        (02) 9876 5432     | 0298765432
        555.010.0199       | 5550100199
        """)
    void normalisesPhoneNumbers(String typed, String stored) {
        assertThat(new PhoneNumber(typed).value()).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12345", "phone", "+1 555 CALL NOW", "++15550100", "1234567890123456789"})
    void refusesWhatIsNotAPhoneNumber(String value) {
        assertThatThrownBy(() -> new PhoneNumber(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
