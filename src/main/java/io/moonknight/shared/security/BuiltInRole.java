package io.moonknight.shared.security;

/** The roles every tenant has. Their permissions come from the modules' {@link PermissionProvider}s. */
public enum BuiltInRole {
    ADMIN("Admin", "Everything in the tenant: configuration, staff, roles and all modules"),
    BILLING("Billing", "Invoices, payments, reconciliation and overdue accounts"),
    SUPPORT("Support", "Customers, tickets and customer communication"),
    TECHNICIAN("Technician", "Installations, service calls, devices and network checklists"),
    CUSTOMER("Customer", "A subscriber's own self-service access");

    private final String displayName;
    private final String description;

    BuiltInRole(String displayName, String description) {
        this.displayName = displayName;
        this.description = description;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }
}
