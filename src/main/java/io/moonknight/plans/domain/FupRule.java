package io.moonknight.plans.domain;

import org.jspecify.annotations.Nullable;

/**
 * A fair-usage step: once the subscriber has used {@code afterGigabytes} (10^9 bytes) in the billing cycle,
 * the speed drops to {@code rate}, or the service is blocked.
 */
public record FupRule(
        long afterGigabytes, Action action, @Nullable Rate rate) {

    public enum Action {
        REDUCE,
        BLOCK
    }

    public FupRule {
        if (afterGigabytes < 1 || afterGigabytes > 1_000_000) {
            throw new IllegalArgumentException("a fair-usage threshold is 1 to 1,000,000 GB");
        }
        if (action == Action.REDUCE && rate == null) {
            throw new IllegalArgumentException("a reducing fair-usage rule needs the reduced rate");
        }
        if (action == Action.BLOCK) {
            rate = null;
        }
    }

    public long afterBytes() {
        return afterGigabytes * 1_000_000_000L;
    }
}
