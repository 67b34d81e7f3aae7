package io.moonknight.plans.domain;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * How fast a plan runs: the normal rate, optional burst per direction, fair-usage steps and time-of-day rules.
 * The constructor checks that it all makes sense together; {@link #at} says what applies at a moment.
 */
public record SpeedProfile(
        Rate rate,
        @Nullable Burst downBurst,
        @Nullable Burst upBurst,
        List<FupRule> fupRules,
        List<TimeRule> timeRules) {

    public static final int MAX_RULES = 10;

    public SpeedProfile {
        if (downBurst != null) {
            downBurst.check("download", rate.downKbps());
        }
        if (upBurst != null) {
            upBurst.check("upload", rate.upKbps());
        }
        if (fupRules.size() > MAX_RULES || timeRules.size() > MAX_RULES) {
            throw new IllegalArgumentException("at most " + MAX_RULES + " rules of each kind");
        }
        List<FupRule> sorted = new ArrayList<>(fupRules);
        sorted.sort(Comparator.comparingLong(FupRule::afterGigabytes));
        Rate previous = rate;
        for (int i = 0; i < sorted.size(); i++) {
            FupRule rule = sorted.get(i);
            if (i > 0 && sorted.get(i - 1).afterGigabytes() == rule.afterGigabytes()) {
                throw new IllegalArgumentException("two fair-usage rules start at " + rule.afterGigabytes() + " GB");
            }
            if (rule.action() == FupRule.Action.BLOCK) {
                if (i != sorted.size() - 1) {
                    throw new IllegalArgumentException("nothing can follow a fair-usage block");
                }
                continue;
            }
            Rate reduced = java.util.Objects.requireNonNull(rule.rate());
            if (reduced.downKbps() > previous.downKbps() || reduced.upKbps() > previous.upKbps()) {
                throw new IllegalArgumentException("the fair-usage rate after " + rule.afterGigabytes()
                        + " GB must not be faster than the rate before it");
            }
            previous = reduced;
        }
        fupRules = List.copyOf(sorted);
        for (int i = 0; i < timeRules.size(); i++) {
            for (int j = i + 1; j < timeRules.size(); j++) {
                if (timeRules.get(i).overlaps(timeRules.get(j))) {
                    throw new IllegalArgumentException(
                            "the time rules " + timeRules.get(i).name() + " and "
                                    + timeRules.get(j).name() + " overlap");
                }
            }
        }
        timeRules = List.copyOf(timeRules);
    }

    public static SpeedProfile flat(long downKbps, long upKbps) {
        return new SpeedProfile(new Rate(downKbps, upKbps), null, null, List.of(), List.of());
    }

    /**
     * What applies at a local time of the tenant, with {@code usedBytes} used in the current cycle: a fair-usage
     * step caps everything (a time rule cannot lift it); otherwise a time rule replaces the normal rate; burst
     * only goes with the normal rate.
     */
    public EffectiveSpeed at(LocalDateTime localTime, long usedBytes) {
        FupRule step = null;
        for (FupRule rule : fupRules) {
            if (usedBytes >= rule.afterBytes()) {
                step = rule;
            }
        }
        if (step != null && step.action() == FupRule.Action.BLOCK) {
            return EffectiveSpeed.blocked("fair usage: over " + step.afterGigabytes() + " GB");
        }
        TimeRule window = timeRules.stream()
                .filter(r -> r.appliesAt(localTime))
                .findFirst()
                .orElse(null);
        if (step != null) {
            Rate capped = java.util.Objects.requireNonNull(step.rate());
            if (window != null) {
                capped = capped.min(window.rate());
            }
            return new EffectiveSpeed(capped, null, null, false, "fair usage: over " + step.afterGigabytes() + " GB");
        }
        if (window != null) {
            return new EffectiveSpeed(window.rate(), null, null, false, window.name());
        }
        return new EffectiveSpeed(rate, downBurst, upBurst, false, null);
    }
}
