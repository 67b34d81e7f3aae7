package io.moonknight.shared.console;

import java.util.UUID;

/**
 * A part another module adds to the plan-change confirmation page (billing: what the change credits and charges),
 * loaded as an HTML fragment from {@code path} with {@code {subscriptionId}}, {@code {planId}} and {@code {when}}
 * ({@code NOW} or {@code NEXT_CYCLE}) filled in. Shown only to actors holding {@code permission}.
 */
public record PlanChangePreview(String permission, String path) {

    public String pathFor(UUID subscriptionId, UUID planId, String when) {
        return path.replace("{subscriptionId}", subscriptionId.toString())
                .replace("{planId}", planId.toString())
                .replace("{when}", when);
    }
}
