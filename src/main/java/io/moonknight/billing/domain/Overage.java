package io.moonknight.billing.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * Data beyond a plan's allowance: billed to the started megabyte (10^6 bytes) at a price per GB (10^9 bytes),
 * the amount rounded once to the currency's minor units. The allowance is prorated by the days served when the
 * service covered only part of the period, rounded down to the megabyte.
 */
public final class Overage {

    private static final long MB = 1_000_000L;
    private static final BigDecimal MB_PER_GB = BigDecimal.valueOf(1000);

    private Overage() {}

    /** What is billed: the megabytes beyond the allowance and their amount; none when within it. */
    public record Charge(long megabytes, BigDecimal amount) {

        public boolean none() {
            return megabytes == 0;
        }

        /** The billed data in GB with the megabytes as decimals, e.g. {@code 12.345}. */
        public BigDecimal gigabytes() {
            return BigDecimal.valueOf(megabytes).divide(MB_PER_GB, 3, RoundingMode.UNNECESSARY);
        }
    }

    /** The allowance for {@code used} of the period's days: {@code allowanceMb} prorated, down to the megabyte. */
    public static long allowanceMb(long allowanceMb, Period period, Period used) {
        if (used.days() >= period.days()) {
            return allowanceMb;
        }
        return Math.multiplyExact(allowanceMb, used.days()) / period.days();
    }

    public static Charge charge(long usedBytes, long allowanceMb, BigDecimal pricePerGb, Currency currency) {
        long over = usedBytes - Math.multiplyExact(allowanceMb, MB);
        if (over <= 0) {
            return new Charge(0, Money.zero(currency));
        }
        long megabytes = (over + MB - 1) / MB;
        BigDecimal amount =
                pricePerGb.multiply(BigDecimal.valueOf(megabytes)).divide(MB_PER_GB, 12, RoundingMode.HALF_UP);
        return new Charge(megabytes, Money.round(amount, currency));
    }
}
