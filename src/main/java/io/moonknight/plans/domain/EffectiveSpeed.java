package io.moonknight.plans.domain;

import org.jspecify.annotations.Nullable;

/**
 * The speed a session gets right now.
 *
 * @param reason why it differs from the plan's normal rate (a time rule's name, fair usage), or null
 */
public record EffectiveSpeed(
        @Nullable Rate rate,
        @Nullable Burst downBurst,
        @Nullable Burst upBurst,
        boolean blocked,
        @Nullable String reason) {

    public static EffectiveSpeed blocked(String reason) {
        return new EffectiveSpeed(null, null, null, true, reason);
    }
}
