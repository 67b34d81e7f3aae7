package io.moonknight.network.domain;

import java.math.BigInteger;

/** An inclusive range of assignment units of a pool (unit n is the pool's n-th address or delegated prefix). */
public record UnitRange(BigInteger first, BigInteger last) {

    public UnitRange {
        if (first.compareTo(last) > 0) {
            throw new IllegalArgumentException("empty range " + first + "-" + last);
        }
    }

    public static UnitRange of(long first, long last) {
        return new UnitRange(BigInteger.valueOf(first), BigInteger.valueOf(last));
    }

    public BigInteger size() {
        return last.subtract(first).add(BigInteger.ONE);
    }

    public boolean contains(BigInteger unit) {
        return unit.compareTo(first) >= 0 && unit.compareTo(last) <= 0;
    }
}
