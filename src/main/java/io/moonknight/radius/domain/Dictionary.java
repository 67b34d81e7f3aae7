package io.moonknight.radius.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The attributes MoonKnight sends, by their FreeRADIUS dictionary names: the IETF ones a reply needs and the
 * vendor dictionaries of MikroTik (14988), Cisco (9), Juniper / ERX (4874), WISPr (14122, also what Ubiquiti
 * hotspots read) and Microsoft (311, MS-CHAP). {@link #encode} turns a name and text value into the attribute's
 * wire bytes (type, length, value; vendor attributes wrapped in Vendor-Specific).
 */
public final class Dictionary {

    public static final int MIKROTIK = 14988;
    public static final int CISCO = 9;
    public static final int JUNIPER = 4874;
    public static final int WISPR = 14122;
    public static final int MICROSOFT = 311;

    enum Kind {
        STRING,
        INTEGER,
        IPV4,
        IPV6_PREFIX,
        TAGGED_STRING,
        TAGGED_INTEGER
    }

    record Entry(int vendor, int type, Kind kind) {}

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("reply-message", new Entry(0, 18, Kind.STRING)),
            Map.entry("framed-ip-address", new Entry(0, 8, Kind.IPV4)),
            Map.entry("class", new Entry(0, 25, Kind.STRING)),
            Map.entry("session-timeout", new Entry(0, 27, Kind.INTEGER)),
            Map.entry("idle-timeout", new Entry(0, 28, Kind.INTEGER)),
            Map.entry("tunnel-type", new Entry(0, 64, Kind.TAGGED_INTEGER)),
            Map.entry("tunnel-medium-type", new Entry(0, 65, Kind.TAGGED_INTEGER)),
            Map.entry("tunnel-private-group-id", new Entry(0, 81, Kind.TAGGED_STRING)),
            Map.entry("acct-interim-interval", new Entry(0, 85, Kind.INTEGER)),
            Map.entry("framed-pool", new Entry(0, 88, Kind.STRING)),
            Map.entry("framed-ipv6-prefix", new Entry(0, 97, Kind.IPV6_PREFIX)),
            Map.entry("framed-ipv6-pool", new Entry(0, 100, Kind.STRING)),
            Map.entry("delegated-ipv6-prefix", new Entry(0, 123, Kind.IPV6_PREFIX)),
            Map.entry("mikrotik-rate-limit", new Entry(MIKROTIK, 8, Kind.STRING)),
            Map.entry("mikrotik-group", new Entry(MIKROTIK, 3, Kind.STRING)),
            Map.entry("mikrotik-address-list", new Entry(MIKROTIK, 19, Kind.STRING)),
            Map.entry("cisco-avpair", new Entry(CISCO, 1, Kind.STRING)),
            Map.entry("erx-service-activate", new Entry(JUNIPER, 65, Kind.TAGGED_STRING)),
            Map.entry("erx-service-deactivate", new Entry(JUNIPER, 66, Kind.STRING)),
            Map.entry("wispr-redirection-url", new Entry(WISPR, 4, Kind.STRING)),
            Map.entry("wispr-bandwidth-max-up", new Entry(WISPR, 7, Kind.INTEGER)),
            Map.entry("wispr-bandwidth-max-down", new Entry(WISPR, 8, Kind.INTEGER)),
            Map.entry("wispr-session-terminate-time", new Entry(WISPR, 9, Kind.STRING)),
            Map.entry("ms-chap-error", new Entry(MICROSOFT, 2, Kind.STRING)),
            Map.entry("ms-chap-challenge", new Entry(MICROSOFT, 11, Kind.STRING)),
            Map.entry("ms-chap2-response", new Entry(MICROSOFT, 25, Kind.STRING)),
            Map.entry("ms-chap2-success", new Entry(MICROSOFT, 26, Kind.STRING)));

    /** Named values of enumerated attributes. */
    private static final Map<String, Long> VALUES = Map.of("vlan", 13L, "ieee-802", 6L);

    private Dictionary() {}

    public static boolean knows(String name) {
        return ENTRIES.containsKey(base(name));
    }

    /**
     * The attribute as wire bytes: {@code type, length, value}. {@code name} may carry a tag ({@code
     * Tunnel-Type:1}); integers are decimal or a named value ({@code VLAN}); integers over 2^32-1 are capped.
     */
    public static byte[] encode(String name, String value) {
        Entry entry = ENTRIES.get(base(name));
        if (entry == null) {
            throw new IllegalArgumentException("no dictionary entry for " + name);
        }
        int tag = tag(name);
        byte[] data = switch (entry.kind()) {
            case STRING -> value.getBytes(StandardCharsets.UTF_8);
            case INTEGER -> integer(value, false, 0);
            case TAGGED_INTEGER -> integer(value, true, tag);
            case TAGGED_STRING -> {
                byte[] text = value.getBytes(StandardCharsets.UTF_8);
                if (tag == 0) {
                    yield text;
                }
                byte[] tagged = new byte[text.length + 1];
                tagged[0] = (byte) tag;
                System.arraycopy(text, 0, tagged, 1, text.length);
                yield tagged;
            }
            case IPV4 -> ipv4(value);
            case IPV6_PREFIX -> ipv6Prefix(value);
        };
        return entry.vendor() == 0 ? attribute(entry.type(), data) : vendorSpecific(entry.vendor(), entry.type(), data);
    }

    /** A raw attribute: type, length, value (at most 253 bytes). */
    public static byte[] attribute(int type, byte[] data) {
        if (data.length > 253) {
            throw new IllegalArgumentException("attribute " + type + " is longer than 253 bytes");
        }
        byte[] out = new byte[data.length + 2];
        out[0] = (byte) type;
        out[1] = (byte) out.length;
        System.arraycopy(data, 0, out, 2, data.length);
        return out;
    }

    /** Vendor-Specific (26) holding one vendor attribute. */
    public static byte[] vendorSpecific(int vendor, int type, byte[] data) {
        if (data.length > 247) {
            throw new IllegalArgumentException("vendor attribute " + vendor + ":" + type + " is too long");
        }
        ByteBuffer inner = ByteBuffer.allocate(6 + data.length);
        inner.putInt(vendor).put((byte) type).put((byte) (data.length + 2)).put(data);
        return attribute(26, inner.array());
    }

    private static String base(String name) {
        int colon = name.indexOf(':');
        return (colon < 0 ? name : name.substring(0, colon)).toLowerCase(Locale.ROOT);
    }

    private static int tag(String name) {
        int colon = name.indexOf(':');
        if (colon < 0) {
            return 0;
        }
        int tag = Integer.parseInt(name.substring(colon + 1));
        if (tag < 0 || tag > 31) {
            throw new IllegalArgumentException("a tag is 0-31");
        }
        return tag;
    }

    private static byte[] integer(String value, boolean tagged, int tag) {
        Long named = VALUES.get(value.toLowerCase(Locale.ROOT));
        long number = named != null ? named : Long.parseLong(value.strip());
        if (number < 0) {
            throw new IllegalArgumentException("a RADIUS integer is not negative");
        }
        long capped = Math.min(number, tagged ? 0xFFFFFFL : 0xFFFFFFFFL);
        if (tagged) {
            capped |= ((long) tag) << 24;
        }
        return ByteBuffer.allocate(4).putInt((int) capped).array();
    }

    private static byte[] ipv4(String value) {
        byte[] bytes = literal(value);
        if (bytes.length != 4) {
            throw new IllegalArgumentException(value + " is not an IPv4 address");
        }
        return bytes;
    }

    /** RFC 3162: reserved byte, prefix length, then the prefix's significant bytes. */
    private static byte[] ipv6Prefix(String value) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException(value + " is not an IPv6 prefix");
        }
        byte[] address = literal(value.substring(0, slash));
        int length = Integer.parseInt(value.substring(slash + 1));
        if (address.length != 16 || length < 0 || length > 128) {
            throw new IllegalArgumentException(value + " is not an IPv6 prefix");
        }
        int bytes = (length + 7) / 8;
        byte[] out = new byte[2 + bytes];
        out[1] = (byte) length;
        System.arraycopy(address, 0, out, 2, bytes);
        return out;
    }

    private static byte[] literal(String text) {
        String value = text.strip();
        if (value.isEmpty() || !value.matches("[0-9a-fA-F:.]+")) {
            throw new IllegalArgumentException(text + " is not an address");
        }
        try {
            return InetAddress.getByName(value).getAddress(); // a literal: no name lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text + " is not an address", e);
        }
    }

    /** The first vendor attribute of {@code vendor}/{@code type} inside a Vendor-Specific value, or null. */
    public static byte @Nullable [] vendorValue(byte[] vsa, int vendor, int type) {
        if (vsa.length < 6 || ByteBuffer.wrap(vsa, 0, 4).getInt() != vendor) {
            return null;
        }
        int position = 4;
        while (position + 2 <= vsa.length) {
            int t = vsa[position] & 0xff;
            int length = vsa[position + 1] & 0xff;
            if (length < 2 || position + length > vsa.length) {
                return null;
            }
            if (t == type) {
                byte[] value = new byte[length - 2];
                System.arraycopy(vsa, position + 2, value, 0, value.length);
                return value;
            }
            position += length;
        }
        return null;
    }
}
