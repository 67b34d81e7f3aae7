package io.moonknight.plans.domain;

/**
 * A speed per direction in kbit/s (1 kbit/s = 1,000 bit/s), as the subscriber sees it: download towards the
 * subscriber, upload from the subscriber.
 */
public record Rate(long downKbps, long upKbps) {

    public static final long MIN_KBPS = 8;
    public static final long MAX_KBPS = 100_000_000; // 100 Gbit/s

    public Rate {
        check("download", downKbps);
        check("upload", upKbps);
    }

    static void check(String what, long kbps) {
        if (kbps < MIN_KBPS || kbps > MAX_KBPS) {
            throw new IllegalArgumentException(
                    "the " + what + " rate must be " + MIN_KBPS + " kbit/s to " + MAX_KBPS / 1_000_000 + " Gbit/s");
        }
    }

    public Rate min(Rate other) {
        return new Rate(Math.min(downKbps, other.downKbps), Math.min(upKbps, other.upKbps));
    }

    /** "20 Mbit/s ↓ 5 Mbit/s ↑" style text for people. */
    public String describe() {
        return human(downKbps) + " down / " + human(upKbps) + " up";
    }

    public static String human(long kbps) {
        if (kbps >= 1_000_000 && kbps % 1_000_000 == 0) {
            return kbps / 1_000_000 + " Gbit/s";
        }
        if (kbps >= 1_000 && kbps % 1_000 == 0) {
            return kbps / 1_000 + " Mbit/s";
        }
        if (kbps >= 1_000 && kbps % 100 == 0) {
            return kbps / 1000.0 + " Mbit/s";
        }
        return kbps + " kbit/s";
    }
}
