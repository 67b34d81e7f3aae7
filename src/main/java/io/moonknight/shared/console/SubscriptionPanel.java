package io.moonknight.shared.console;

import java.util.UUID;

/**
 * A section another module adds to the subscription page (sessions and usage, invoices ...), loaded as an HTML
 * fragment from {@code path} with {@code {subscriptionId}} filled in. Shown only to actors holding
 * {@code permission}; {@code charts} loads Chart.js on the page.
 */
public record SubscriptionPanel(String id, String permission, String path, int order, boolean charts) {

    public String pathFor(UUID subscriptionId) {
        return path.replace("{subscriptionId}", subscriptionId.toString());
    }
}
