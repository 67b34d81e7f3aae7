package io.moonknight.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Proration, taxes, rounding and numbering, in currencies with 2, 0 (JPY) and 3 (KWD) minor digits. */
class BillingMathTest {

    @ParameterizedTest(name = "{0}: {1} bytes over {2} MB at {3}/GB")
    @CsvSource({
        // currency, used bytes, allowance MB, price per GB, billed MB, amount
        "USD, 0, 10000, 2.00, 0, 0.00",
        "USD, 10000000000, 10000, 2.00, 0, 0.00",
        "USD, 10000000001, 10000, 2.00, 1, 0.00",
        "USD, 10001000000, 10000, 2.00, 1, 0.00",
        "USD, 10003000000, 10000, 2.00, 3, 0.01",
        "USD, 12000000001, 10000, 2.00, 2001, 4.00",
        "USD, 15500000000, 10000, 0.75, 5500, 4.13",
        "USD, 5000000000, 0, 1.00, 5000, 5.00",
        "JPY, 12345000000, 10000, 150, 2345, 352",
        "JPY, 10000400000, 10000, 150, 1, 0",
        "KWD, 11000000000, 10000, 0.125, 1000, 0.125",
        "KWD, 10001500000, 10000, 0.3, 2, 0.001",
        "BDT, 1000000000000, 500000, 10, 500000, 5000.00"
    })
    void overage(String code, long used, long allowanceMb, BigDecimal price, long megabytes, BigDecimal amount) {
        var charge = Overage.charge(used, allowanceMb, price, Currency.getInstance(code));
        assertThat(charge.megabytes()).isEqualTo(megabytes);
        assertThat(charge.amount()).isEqualTo(amount);
        assertThat(charge.none()).isEqualTo(megabytes == 0);
    }

    @ParameterizedTest(name = "{0} MB for {2}..{3} of {1}")
    @CsvSource({
        // allowance MB, period start, served from, served to (exclusive), prorated MB
        "10000, 2026-11-01, 2026-11-01, 2026-12-01, 10000",
        "10000, 2026-11-01, 2026-11-16, 2026-12-01, 5000",
        "10000, 2026-11-01, 2026-11-21, 2026-12-01, 3333",
        "200000, 2026-02-01, 2026-02-15, 2026-03-01, 100000",
        "1, 2026-11-01, 2026-11-30, 2026-12-01, 0"
    })
    void overageAllowanceIsProratedToTheMegabyte(
            long allowance, LocalDate periodStart, LocalDate from, LocalDate to, long expected) {
        assertThat(Overage.allowanceMb(allowance, Period.calendarMonth(periodStart), new Period(from, to)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} for {3}..{4} of {2}")
    @CsvSource({
        // currency, monthly price, period start, used from, used to (exclusive), expected
        "USD, 30.00, 2026-11-01, 2026-11-01, 2026-12-01, 30.00",
        "USD, 30.00, 2026-11-01, 2026-11-16, 2026-12-01, 15.00",
        "USD, 25.00, 2026-11-01, 2026-11-21, 2026-12-01, 8.33",
        "USD, 25.00, 2026-02-01, 2026-02-15, 2026-03-01, 12.50",
        "USD, 10.00, 2026-01-01, 2026-01-31, 2026-02-01, 0.32",
        "USD, 19.99, 2024-02-01, 2024-02-29, 2024-03-01, 0.69",
        "JPY, 5000, 2026-11-01, 2026-11-21, 2026-12-01, 1667",
        "JPY, 4999, 2026-11-01, 2026-11-02, 2026-12-01, 4832",
        "KWD, 12.500, 2026-11-01, 2026-11-21, 2026-12-01, 4.167",
        "KWD, 7.125, 2026-02-01, 2026-02-08, 2026-03-01, 5.344",
        "BDT, 1500.00, 2026-11-01, 2026-11-11, 2026-12-01, 1000.00"
    })
    void proration(
            String code, BigDecimal price, LocalDate periodStart, LocalDate from, LocalDate to, BigDecimal expected) {
        Currency currency = Currency.getInstance(code);
        Period period = Period.calendarMonth(periodStart);
        assertThat(Proration.charge(price, period, new Period(from, to), currency))
                .isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        // currency, old price, new price, change on, credit, charge
        "USD, 20.00, 35.00, 2026-11-16, -10.00, 17.50",
        "USD, 35.00, 20.00, 2026-11-21, -11.67, 6.67",
        "JPY, 3000, 5000, 2026-11-11, -2000, 3333",
        "KWD, 10.000, 15.000, 2026-11-30, -0.333, 0.500"
    })
    void planChange(
            String code, BigDecimal oldPrice, BigDecimal newPrice, LocalDate on, BigDecimal credit, BigDecimal charge) {
        Currency currency = Currency.getInstance(code);
        BigDecimal[] lines = Proration.change(oldPrice, newPrice, Period.calendarMonth(on), on, currency);
        assertThat(lines).containsExactly(credit, charge);
    }

    @ParameterizedTest(name = "{0} {1} {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                // currency | amount | rates (%) | inclusive | net | taxes | gross
                "USD | 100.00 | 15 | false | 100.00 | 15.00 | 115.00",
                "USD | 115.00 | 15 | true | 100.00 | 15.00 | 115.00",
                "USD | 25.00 | 7.5 | false | 25.00 | 1.88 | 26.88",
                "USD | 25.00 | 7.5 | true | 23.26 | 1.74 | 25.00",
                "USD | 9.99 | 15 2 | false | 9.99 | 1.50 0.20 | 11.69",
                "USD | 9.99 | 15 2 | true | 8.54 | 1.28 0.17 | 9.99",
                "USD | 0.01 | 15 | true | 0.01 | 0.00 | 0.01",
                "JPY | 1000 | 10 | false | 1000 | 100 | 1100",
                "JPY | 1000 | 10 | true | 909 | 91 | 1000",
                "JPY | 999 | 8 | true | 925 | 74 | 999",
                "KWD | 12.500 | 5 | false | 12.500 | 0.625 | 13.125",
                "KWD | 12.500 | 5 | true | 11.905 | 0.595 | 12.500",
                "BDT | 1500.00 | 15 5 | true | 1250.00 | 187.50 62.50 | 1500.00",
                "USD | 50.00 | | false | 50.00 | | 50.00"
            })
    void taxes(
            String code,
            BigDecimal amount,
            String rates,
            boolean inclusive,
            BigDecimal net,
            String taxes,
            BigDecimal gross) {
        Currency currency = Currency.getInstance(code);
        List<Tax.Rate> list = rates == null
                ? List.of()
                : Arrays.stream(rates.split(" "))
                        .map(r -> new Tax.Rate("t" + r, new BigDecimal(r)))
                        .toList();
        Tax.Breakdown breakdown = Tax.apply(amount, list, inclusive, currency);
        assertThat(breakdown.net()).isEqualTo(net);
        assertThat(breakdown.gross()).isEqualTo(gross);
        List<BigDecimal> expectedTaxes = taxes == null
                ? List.of()
                : Arrays.stream(taxes.split(" ")).map(BigDecimal::new).toList();
        assertThat(breakdown.taxes()).isEqualTo(expectedTaxes);
        assertThat(breakdown.net().add(breakdown.taxes().stream().reduce(BigDecimal.ZERO, BigDecimal::add)))
                .as("net + taxes = gross, always")
                .isEqualByComparingTo(breakdown.gross());
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-15, 2026-03-10, 2026-02-15, 2026-03-15",
        "2026-01-15, 2026-03-15, 2026-03-15, 2026-04-15",
        "2026-01-31, 2026-02-28, 2026-02-28, 2026-03-31",
        "2026-01-31, 2026-03-01, 2026-02-28, 2026-03-31",
        "2026-01-31, 2026-04-30, 2026-04-30, 2026-05-31",
        "2026-01-01, 2026-12-31, 2026-12-01, 2027-01-01"
    })
    void anniversaryPeriods(LocalDate anchor, LocalDate date, LocalDate start, LocalDate end) {
        assertThat(Period.anniversary(anchor, date)).isEqualTo(new Period(start, end));
    }

    @ParameterizedTest
    @CsvSource({
        "INV-{yyyy}-{seq:6}, 2026-11-24, 123, INV-2026-000123",
        "{yyyy}/{mm}/{seq:4}, 2026-02-01, 7, 2026/02/0007",
        "B{seq:3}, 2026-02-01, 12345, B12345"
    })
    void invoiceNumbers(String format, LocalDate issued, long sequence, String number) {
        assertThat(InvoiceNumbers.format(InvoiceNumbers.check(format), issued, sequence))
                .isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({"INV-{yyyy}", "{seq:6}-{seq:6}", "INV {seq:6}", "INV-{year}-{seq:6}"})
    void badInvoiceNumberFormats(String format) {
        assertThatThrownBy(() -> InvoiceNumbers.check(format)).isInstanceOf(IllegalArgumentException.class);
    }
}
