package io.moonknight.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Rounding to a currency's minor units (2 for USD, 0 for JPY, 3 for KWD), half up, as invoices print them.
 * Amounts are computed exactly and rounded once per line and once per tax amount, never in between.
 */
public final class Money {

    private Money() {}

    public static int minorDigits(Currency currency) {
        return Math.max(currency.getDefaultFractionDigits(), 0);
    }

    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(minorDigits(currency), RoundingMode.HALF_UP);
    }

    /** Zero with the currency's scale. */
    public static BigDecimal zero(Currency currency) {
        return BigDecimal.ZERO.setScale(minorDigits(currency));
    }
}
