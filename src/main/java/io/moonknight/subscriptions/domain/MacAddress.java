package io.moonknight.subscriptions.domain;

import java.util.Locale;

/**
 * MAC addresses in whatever form staff paste them ({@code 02:00:00:00:00:01}, {@code 02-00-00-00-00-01},
 * {@code 0200.0000.0001}, {@code 020000000001}), stored in one form: lowercase with colons.
 */
public final class MacAddress {

    private MacAddress() {}

    public static String normalise(String text) {
        String hex = text.strip().toLowerCase(Locale.ROOT).replaceAll("[:.\\-]", "");
        if (hex.length() != 12 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a MAC address such as 02:00:00:00:00:01");
        }
        if (!text.strip().matches("(?i)([0-9a-f]{2}([:-])){5}[0-9a-f]{2}|([0-9a-f]{4}\\.){2}[0-9a-f]{4}|[0-9a-f]{12}")
                || (text.contains(":") && text.contains("-"))) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a MAC address such as 02:00:00:00:00:01");
        }
        if (hex.equals("000000000000") || hex.equals("ffffffffffff")) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a device's MAC address");
        }
        var out = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2) {
            if (i > 0) {
                out.append(':');
            }
            out.append(hex, i, i + 2);
        }
        return out.toString();
    }
}
