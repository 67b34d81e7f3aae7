package io.moonknight.network.domain;

import java.math.BigInteger;

/** A CIDR prefix such as {@code 10.20.0.0/22} or {@code 2001:db8:100::/48}; host bits must be zero. */
public record IpPrefix(IpAddress network, int length) {

    public IpPrefix {
        if (length < 0 || length > network.family().bits()) {
            throw new IllegalArgumentException("a prefix length of " + length + " does not fit " + network.family());
        }
        if (!network.value().and(hostMask(network.family(), length)).equals(BigInteger.ZERO)) {
            throw new IllegalArgumentException(network + "/" + length + " has host bits set; the network is "
                    + new IpAddress(network.family(), network.value().andNot(hostMask(network.family(), length)))
                    + "/" + length);
        }
    }

    public static IpPrefix parse(String text) {
        String value = text.strip();
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + value + "' needs a prefix length, e.g. 10.0.0.0/24");
        }
        IpAddress address = IpAddress.parse(value.substring(0, slash));
        String length = value.substring(slash + 1);
        if (length.isEmpty() || length.length() > 3 || !length.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException("'" + value + "' has no valid prefix length");
        }
        return new IpPrefix(address, Integer.parseInt(length));
    }

    public IpFamily family() {
        return network.family();
    }

    public BigInteger size() {
        return BigInteger.ONE.shiftLeft(family().bits() - length);
    }

    public IpAddress first() {
        return network;
    }

    public IpAddress last() {
        return network.plus(size().subtract(BigInteger.ONE));
    }

    public boolean contains(IpAddress address) {
        return address.family() == family()
                && address.value().compareTo(first().value()) >= 0
                && address.value().compareTo(last().value()) <= 0;
    }

    public boolean overlaps(IpPrefix other) {
        return other.family() == family()
                && other.first().value().compareTo(last().value()) <= 0
                && first().value().compareTo(other.last().value()) <= 0;
    }

    @Override
    public String toString() {
        return network + "/" + length;
    }

    static BigInteger hostMask(IpFamily family, int length) {
        return BigInteger.ONE.shiftLeft(family.bits() - length).subtract(BigInteger.ONE);
    }
}
