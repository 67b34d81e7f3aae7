package io.moonknight.billing.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Currency;

/**
 * Day-based proration: a period's price times the days used over the days in the period, rounded once to the
 * currency's minor units. A plan change credits the unused days of the old price and charges them at the new.
 */
public final class Proration {

    private Proration() {}

    public static BigDecimal charge(BigDecimal periodPrice, Period period, Period used, Currency currency) {
        if (used.start().isBefore(period.start()) || used.end().isAfter(period.end())) {
            throw new IllegalArgumentException("the days used must lie within the period");
        }
        if (used.days() == period.days()) {
            return Money.round(periodPrice, currency);
        }
        BigDecimal share = periodPrice
                .multiply(BigDecimal.valueOf(used.days()))
                .divide(BigDecimal.valueOf(period.days()), MathContext.DECIMAL128);
        return Money.round(share, currency);
    }

    /**
     * A plan change on {@code from}: the credit for the old plan's remaining days (negative) and the charge for
     * the new plan's, each rounded on its own as they print as separate lines.
     */
    public static BigDecimal[] change(
            BigDecimal oldPrice, BigDecimal newPrice, Period period, java.time.LocalDate from, Currency currency) {
        Period rest = period.clip(from, period.end());
        if (rest == null) {
            return new BigDecimal[] {Money.zero(currency), Money.zero(currency)};
        }
        return new BigDecimal[] {
            charge(oldPrice, period, rest, currency).negate(), charge(newPrice, period, rest, currency)
        };
    }
}
