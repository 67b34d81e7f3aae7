package io.moonknight.network.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How a pool's prefix divides into what it hands out, without materialising any of it: assignment units of
 * {@code /assignmentLength} (single addresses: /32 for IPv4, /128 for IPv6; or delegated IPv6 prefixes such as
 * /64 out of a /48), and which units are never handed out: an IPv4 prefix's network and broadcast addresses
 * (not for /31 and /32, RFC 3021), the subnet-router anycast address of an IPv6 prefix (not for /127 and /128),
 * the gateway, and the excluded ranges.
 */
public final class PoolLayout {

    private final IpPrefix prefix;
    private final int assignmentLength;
    private final List<UnitRange> blocked;

    public PoolLayout(IpPrefix prefix, int assignmentLength, @Nullable IpAddress gateway, List<AddressRange> excluded) {
        int bits = prefix.family().bits();
        if (prefix.family() == IpFamily.IPV4 && assignmentLength != 32) {
            throw new IllegalArgumentException("IPv4 pools hand out single addresses (/32)");
        }
        if (assignmentLength < prefix.length() || assignmentLength > bits) {
            throw new IllegalArgumentException(
                    "the assignment length must be between /" + prefix.length() + " and /" + bits);
        }
        if (assignmentLength - prefix.length() > 64 && prefix.family() == IpFamily.IPV6) {
            throw new IllegalArgumentException(
                    "a pool can hold at most 2^64 assignments; use a longer prefix or shorter assignments");
        }
        this.prefix = prefix;
        this.assignmentLength = assignmentLength;
        List<UnitRange> ranges = new ArrayList<>();
        BigInteger last = units().subtract(BigInteger.ONE);
        if (prefix.family() == IpFamily.IPV4 && prefix.length() <= 30) {
            ranges.add(new UnitRange(BigInteger.ZERO, BigInteger.ZERO));
            ranges.add(new UnitRange(last, last));
        }
        if (prefix.family() == IpFamily.IPV6 && assignmentLength == 128 && prefix.length() <= 126) {
            ranges.add(new UnitRange(BigInteger.ZERO, BigInteger.ZERO));
        }
        if (gateway != null) {
            if (!prefix.contains(gateway)) {
                throw new IllegalArgumentException("the gateway " + gateway + " is not inside " + prefix);
            }
            BigInteger unit = unitContaining(gateway);
            ranges.add(new UnitRange(unit, unit));
        }
        for (AddressRange range : excluded) {
            if (!prefix.contains(range.first()) || !prefix.contains(range.last())) {
                throw new IllegalArgumentException("the excluded range " + range + " is not inside " + prefix);
            }
            ranges.add(new UnitRange(unitContaining(range.first()), unitContaining(range.last())));
        }
        this.blocked = merge(ranges);
    }

    public IpPrefix prefix() {
        return prefix;
    }

    public int assignmentLength() {
        return assignmentLength;
    }

    /** How many assignment units the prefix holds. */
    public BigInteger units() {
        return BigInteger.ONE.shiftLeft(assignmentLength - prefix.length());
    }

    /** Units that can be handed out. */
    public BigInteger usable() {
        BigInteger blockedUnits = blocked.stream().map(UnitRange::size).reduce(BigInteger.ZERO, BigInteger::add);
        return units().subtract(blockedUnits);
    }

    public List<UnitRange> blocked() {
        return blocked;
    }

    public boolean isBlocked(BigInteger unit) {
        return blocked.stream().anyMatch(range -> range.contains(unit));
    }

    /** The runs of units that may be handed out, in order, starting at {@code from}. */
    public List<UnitRange> freeSegments(BigInteger from) {
        List<UnitRange> segments = new ArrayList<>();
        BigInteger start = from.max(BigInteger.ZERO);
        BigInteger end = units().subtract(BigInteger.ONE);
        for (UnitRange range : blocked) {
            if (range.last().compareTo(start) < 0) {
                continue;
            }
            if (range.first().compareTo(start) > 0) {
                segments.add(new UnitRange(
                        start, range.first().subtract(BigInteger.ONE).min(end)));
            }
            start = range.last().add(BigInteger.ONE);
            if (start.compareTo(end) > 0) {
                return segments;
            }
        }
        if (start.compareTo(end) <= 0) {
            segments.add(new UnitRange(start, end));
        }
        return segments;
    }

    /** The first address of a unit. */
    public IpAddress address(BigInteger unit) {
        requireUnit(unit);
        return prefix.first().plus(unit.shiftLeft(prefix.family().bits() - assignmentLength));
    }

    /** What a unit is called: its address, or its delegated prefix ({@code 2001:db8:0:5::/64}). */
    public String label(BigInteger unit) {
        IpAddress address = address(unit);
        return assignmentLength == prefix.family().bits() ? address.toString() : address + "/" + assignmentLength;
    }

    /**
     * The unit a requested address or delegated prefix names, e.g. {@code 10.0.0.7} or {@code 2001:db8:0:5::/64}.
     */
    public BigInteger unitOf(String requested) {
        String text = requested.strip();
        IpAddress address;
        if (text.indexOf('/') >= 0) {
            IpPrefix wanted = IpPrefix.parse(text);
            if (wanted.length() != assignmentLength) {
                throw new IllegalArgumentException(
                        "this pool hands out /" + assignmentLength + " prefixes, not /" + wanted.length());
            }
            address = wanted.network();
        } else {
            address = IpAddress.parse(text);
            if (assignmentLength != prefix.family().bits()
                    && !address.value()
                            .and(IpPrefix.hostMask(prefix.family(), assignmentLength))
                            .equals(BigInteger.ZERO)) {
                throw new IllegalArgumentException("this pool hands out /" + assignmentLength
                        + " prefixes; give one as " + address + "/" + assignmentLength + " aligned to its boundary");
            }
        }
        if (!prefix.contains(address)) {
            throw new IllegalArgumentException(address + " is not in " + prefix);
        }
        return unitContaining(address);
    }

    private BigInteger unitContaining(IpAddress address) {
        return address.value()
                .subtract(prefix.first().value())
                .shiftRight(prefix.family().bits() - assignmentLength);
    }

    private void requireUnit(BigInteger unit) {
        if (unit.signum() < 0 || unit.compareTo(units()) >= 0) {
            throw new IllegalArgumentException("unit " + unit + " is outside " + prefix);
        }
    }

    static List<UnitRange> merge(List<UnitRange> ranges) {
        List<UnitRange> sorted = new ArrayList<>(ranges);
        sorted.sort(Comparator.comparing(UnitRange::first));
        List<UnitRange> merged = new ArrayList<>();
        for (UnitRange range : sorted) {
            if (!merged.isEmpty() && merged.getLast().last().add(BigInteger.ONE).compareTo(range.first()) >= 0) {
                UnitRange previous = merged.removeLast();
                merged.add(new UnitRange(previous.first(), previous.last().max(range.last())));
            } else {
                merged.add(range);
            }
        }
        return List.copyOf(merged);
    }
}
