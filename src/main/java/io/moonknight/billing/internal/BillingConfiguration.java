package io.moonknight.billing.internal;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.console.CustomerTab;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class BillingConfiguration {

    static final String READ = "billing:read";
    static final String WRITE = "billing:write";
    static final String RUN = "billing:run";
    static final String SETTINGS = "billing:settings";
    static final String RECORD_PAYMENTS = "payments:record";
    static final String REFUND_PAYMENTS = "payments:refund";
    static final String VOID_INVOICES = "invoices:void";
    static final String TAX_EXEMPT = "billing:tax-exempt";

    @Bean
    ConsoleMenuItem invoicesMenu() {
        return new ConsoleMenuItem("Billing", "Invoices", "receipt", "/billing/invoices", READ, 80);
    }

    @Bean
    ConsoleMenuItem billingRunsMenu() {
        return new ConsoleMenuItem("Billing", "Billing runs", "arrow-repeat", "/billing/runs", READ, 81);
    }

    @Bean
    ConsoleMenuItem billingSettingsMenu() {
        return new ConsoleMenuItem("Billing", "Billing settings", "sliders", "/billing/settings", READ, 82);
    }

    @Bean
    io.moonknight.shared.console.SubscriptionPanel dataPacksPanel() {
        return new io.moonknight.shared.console.SubscriptionPanel(
                "data-packs", READ, "/billing/subscriptions/{subscriptionId}/data-packs", 20, false);
    }

    @Bean
    io.moonknight.shared.console.PlanChangePreview prorationPreview() {
        return new io.moonknight.shared.console.PlanChangePreview(
                READ, "/billing/plan-change-preview?subscription={subscriptionId}&plan={planId}&when={when}");
    }

    @Bean
    CustomerTab billingTab() {
        return new CustomerTab("billing", "Billing", READ, "/billing/for-customer/{customerId}", 10);
    }

    @Bean
    PermissionProvider billingPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Billing";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(
                                READ,
                                "See invoices, payments, ledgers and billing runs",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING,
                                BuiltInRole.SUPPORT),
                        PermissionDefinition.of(
                                WRITE,
                                "Add and cancel charges, draft and issue invoices, sell data packs, change billing"
                                        + " accounts",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING),
                        PermissionDefinition.of(
                                RECORD_PAYMENTS,
                                "Record payments received (take money)",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING),
                        PermissionDefinition.of(
                                REFUND_PAYMENTS,
                                "Refund from a payment (give money back)",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING),
                        PermissionDefinition.of(
                                VOID_INVOICES,
                                "Void invoices (a credit note takes an issued one off the ledger)",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING),
                        PermissionDefinition.of(
                                TAX_EXEMPT,
                                "Make a customer tax exempt or change an exempt customer's tax id",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING),
                        PermissionDefinition.of(
                                RUN, "Start and preview billing runs", BuiltInRole.ADMIN, BuiltInRole.BILLING),
                        PermissionDefinition.of(
                                SETTINGS,
                                "Change payment terms, invoice numbering, tax rates and the dunning ladder",
                                BuiltInRole.ADMIN));
            }
        };
    }
}
