package io.moonknight.plans.internal;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.moonknight.plans.PlanStatus;
import io.moonknight.plans.domain.Rate;
import java.time.Instant;
import java.util.UUID;

/** A plan: its status and everything it was defined with. */
public record PlanView(
        UUID id, PlanStatus status, @JsonUnwrapped PlanDraft plan, Instant createdAt, Instant updatedAt) {

    /** "50 Mbit/s down / 20 Mbit/s up". */
    public String speed() {
        return Rate.human(plan.downloadKbps()) + " / " + Rate.human(plan.uploadKbps());
    }
}
