package io.moonknight.shared.console;

/**
 * A tab another module adds to the customer's profile page (subscriptions, invoices, tickets ...). The page
 * loads its content from {@code path} (with {@code {customerId}} filled in) as an HTML fragment, so the
 * customers module needs no change for it. Shown only to actors holding {@code permission}.
 */
public record CustomerTab(String id, String label, String permission, String path, int order) {

    public String pathFor(java.util.UUID customerId) {
        return path.replace("{customerId}", customerId.toString());
    }
}
