package io.moonknight.plans.domain;

/**
 * Burst in one direction, MikroTik style: while the average rate over {@code seconds} stays below
 * {@code thresholdKbps}, the subscriber may reach {@code rateKbps}.
 */
public record Burst(long rateKbps, long thresholdKbps, int seconds) {

    /**
     * Checks the burst against the direction's normal rate; the message names what is wrong.
     *
     * @param direction "download" or "upload"
     */
    public void check(String direction, long normalKbps) {
        Rate.check(direction + " burst", rateKbps);
        if (rateKbps <= normalKbps) {
            throw new IllegalArgumentException("the " + direction + " burst rate must be above the " + direction
                    + " rate (" + Rate.human(normalKbps) + ")");
        }
        if (thresholdKbps <= 0 || thresholdKbps >= rateKbps) {
            throw new IllegalArgumentException("the " + direction + " burst threshold must be above 0 and below the"
                    + " burst rate (" + Rate.human(rateKbps) + ")");
        }
        if (thresholdKbps > normalKbps) {
            throw new IllegalArgumentException("the " + direction + " burst threshold must not exceed the " + direction
                    + " rate (" + Rate.human(normalKbps) + "), or the burst never ends");
        }
        if (seconds < 1 || seconds > 3600) {
            throw new IllegalArgumentException("the " + direction + " burst time must be 1-3600 seconds");
        }
    }
}
