package io.moonknight.network.domain;

/**
 * An inclusive range of addresses, written {@code 10.0.0.1-10.0.0.20}, a single address, or a CIDR prefix.
 */
public record AddressRange(IpAddress first, IpAddress last) {

    public AddressRange {
        if (first.family() != last.family() || first.compareTo(last) > 0) {
            throw new IllegalArgumentException("'" + first + "-" + last + "' is not a range from low to high");
        }
    }

    public static AddressRange parse(String text) {
        String value = text.strip();
        if (value.indexOf('/') >= 0) {
            IpPrefix prefix = IpPrefix.parse(value);
            return new AddressRange(prefix.first(), prefix.last());
        }
        int dash = value.indexOf('-');
        if (dash >= 0) {
            return new AddressRange(
                    IpAddress.parse(value.substring(0, dash)), IpAddress.parse(value.substring(dash + 1)));
        }
        IpAddress single = IpAddress.parse(value);
        return new AddressRange(single, single);
    }

    @Override
    public String toString() {
        return first.equals(last) ? first.toString() : first + "-" + last;
    }
}
