package io.moonknight.network.domain;

import java.math.BigInteger;
import java.util.Locale;

/**
 * An IPv4 or IPv6 address as a number, parsed from its literal text only (never a host name, so parsing never
 * touches DNS) and printed in canonical form (dotted quad; RFC 5952 for IPv6: lowercase, the longest run of
 * zero groups compressed).
 */
public record IpAddress(IpFamily family, BigInteger value) implements Comparable<IpAddress> {

    public IpAddress {
        if (value.signum() < 0 || value.bitLength() > family.bits()) {
            throw new IllegalArgumentException("not an " + family + " address value: " + value);
        }
    }

    public static IpAddress parse(String text) {
        String literal = text.strip();
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("an IP address is required");
        }
        return literal.indexOf(':') >= 0 ? parseIpv6(literal) : parseIpv4(literal);
    }

    /** Whether the text is an IP address literal. */
    public static boolean isLiteral(String text) {
        try {
            parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public IpAddress plus(BigInteger offset) {
        return new IpAddress(family, value.add(offset));
    }

    @Override
    public int compareTo(IpAddress other) {
        int byFamily = family.compareTo(other.family);
        return byFamily != 0 ? byFamily : value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return family == IpFamily.IPV4 ? ipv4Text(value.longValue()) : ipv6Text(value);
    }

    private static IpAddress parseIpv4(String text) {
        return new IpAddress(IpFamily.IPV4, BigInteger.valueOf(ipv4Value(text, text)));
    }

    private static long ipv4Value(String text, String whole) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            throw invalid(whole);
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw invalid(whole);
            }
            if (part.length() > 1 && part.charAt(0) == '0') {
                throw new IllegalArgumentException(
                        "'" + whole + "' has a leading zero, which some systems read as octal; write it without");
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                throw invalid(whole);
            }
            value = (value << 8) | octet;
        }
        return value;
    }

    private static IpAddress parseIpv6(String text) {
        if (text.indexOf('%') >= 0) {
            throw new IllegalArgumentException("'" + text + "' has a zone index; give the address alone");
        }
        String body = text.toLowerCase(Locale.ROOT);
        int[] groups = new int[8];
        int doubleColon = body.indexOf("::");
        if (doubleColon < 0) {
            int[] all = groups(body, text, true);
            if (all.length != 8) {
                throw invalid(text);
            }
            groups = all;
        } else {
            if (body.indexOf("::", doubleColon + 1) >= 0) {
                throw invalid(text);
            }
            int[] head = groups(body.substring(0, doubleColon), text, false);
            int[] tail = groups(body.substring(doubleColon + 2), text, true);
            if (head.length + tail.length > 7) {
                throw invalid(text);
            }
            System.arraycopy(head, 0, groups, 0, head.length);
            System.arraycopy(tail, 0, groups, 8 - tail.length, tail.length);
        }
        BigInteger value = BigInteger.ZERO;
        for (int group : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return new IpAddress(IpFamily.IPV6, value);
    }

    /** The 16-bit groups of one side of "::"; the last may be an embedded IPv4 address (two groups). */
    private static int[] groups(String part, String whole, boolean ipv4Allowed) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] texts = part.split(":", -1);
        int[] out = new int[texts.length + 1];
        int n = 0;
        for (int i = 0; i < texts.length; i++) {
            String group = texts[i];
            if (i == texts.length - 1 && group.indexOf('.') >= 0) {
                if (!ipv4Allowed) {
                    throw invalid(whole);
                }
                long v4 = ipv4Value(group, whole);
                out[n++] = (int) (v4 >>> 16);
                out[n++] = (int) (v4 & 0xffff);
                continue;
            }
            if (group.isEmpty() || group.length() > 4 || !group.chars().allMatch(IpAddress::hexDigit)) {
                throw invalid(whole);
            }
            out[n++] = Integer.parseInt(group, 16);
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private static boolean hexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }

    private static String ipv4Text(long value) {
        return ((value >>> 24) & 0xff) + "." + ((value >>> 16) & 0xff) + "." + ((value >>> 8) & 0xff) + "."
                + (value & 0xff);
    }

    private static String ipv6Text(BigInteger value) {
        int[] groups = new int[8];
        for (int i = 7; i >= 0; i--) {
            groups[i] = value.shiftRight((7 - i) * 16).intValue() & 0xffff;
        }
        // RFC 5952: compress the longest run (first if tied) of two or more zero groups.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        var out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("'" + text + "' is not an IP address");
    }
}
