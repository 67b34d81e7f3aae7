package io.moonknight.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConsoleMoneyTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "3000.0000 | BDT | en-US | 3,000.00",
                "2500.505  | USD | en-US | $2,500.51",
                "300.0000  | JPY | en-US | 300",
                "1.2345    | KWD | en-US | 1.235",
                "1234.5    | EUR | de-DE | 1.234,50"
            })
    void amountsAreWrittenInTheCurrencysMinorUnitsAndTheLocalesGrouping(
            String amount, String currency, String locale, String expected) {
        String written = ConsoleMoney.format(
                new BigDecimal(amount), Currency.getInstance(currency), Locale.forLanguageTag(locale));
        assertThat(written).contains(expected).doesNotContain(amount.contains(".0000") ? ".0000" : "\u0000");
    }
}
