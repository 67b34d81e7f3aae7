package io.moonknight.billing.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Taxes on a line: one or more rates (e.g. VAT 15% and a 2% supplementary duty), applied to the net amount,
 * and prices that either exclude tax (tax added on top) or include it (the net is backed out of the price).
 * Each tax amount is rounded to minor units; with inclusive prices the rounding difference goes to the net so
 * net + taxes = the price exactly.
 */
public final class Tax {

    /** One rate, in percent. */
    public record Rate(String name, BigDecimal percent) {
        public Rate {
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a tax rate is 0-100%");
            }
        }
    }

    /** What a line comes to: net, each tax, and gross. */
    public record Breakdown(BigDecimal net, List<BigDecimal> taxes, BigDecimal gross) {}

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Tax() {}

    public static Breakdown apply(BigDecimal amount, List<Rate> rates, boolean inclusive, Currency currency) {
        BigDecimal price = Money.round(amount, currency);
        BigDecimal totalPercent = rates.stream().map(Rate::percent).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exactNet =
                inclusive ? price.multiply(HUNDRED).divide(HUNDRED.add(totalPercent), MathContext.DECIMAL128) : price;
        List<BigDecimal> taxes = new ArrayList<>(rates.size());
        for (Rate rate : rates) {
            taxes.add(Money.round(exactNet.multiply(rate.percent()).divide(HUNDRED, MathContext.DECIMAL128), currency));
        }
        BigDecimal taxTotal = taxes.stream().reduce(Money.zero(currency), BigDecimal::add);
        if (inclusive) {
            return new Breakdown(price.subtract(taxTotal), List.copyOf(taxes), price);
        }
        return new Breakdown(price, List.copyOf(taxes), price.add(taxTotal));
    }
}
