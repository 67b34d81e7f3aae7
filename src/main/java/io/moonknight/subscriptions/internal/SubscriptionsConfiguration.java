package io.moonknight.subscriptions.internal;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.console.CustomerTab;
import io.moonknight.shared.console.DashboardCard;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import io.moonknight.subscriptions.SubscriptionStatus;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SubscriptionsConfiguration {

    static final String READ = "subscriptions:read";
    static final String WRITE = "subscriptions:write";
    static final String LIFECYCLE = "subscriptions:lifecycle";
    static final String CREDENTIALS = "subscriptions:credentials";

    @Bean
    PermissionProvider subscriptionPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Subscriptions";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(
                                READ,
                                "See subscriptions and their history",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(
                                WRITE,
                                "Create subscriptions, change their details and plans",
                                BuiltInRole.ADMIN,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(
                                LIFECYCLE,
                                "Activate, suspend, resume and terminate subscriptions",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING,
                                BuiltInRole.SUPPORT),
                        PermissionDefinition.of(
                                CREDENTIALS,
                                "Reveal subscriptions' PPPoE and hotspot passwords",
                                BuiltInRole.ADMIN,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN));
            }
        };
    }

    @Bean
    ConsoleMenuItem subscriptionsMenu() {
        return new ConsoleMenuItem("Services", "Subscriptions", "hdd-network", "/subscriptions", READ, 50);
    }

    @Bean
    CustomerTab subscriptionsTab() {
        return new CustomerTab("subscriptions", "Subscriptions", READ, "/subscriptions/for-customer/{customerId}", 5);
    }

    @Bean
    DashboardCard activeSubscriptionsCard(SubscriptionRepository subscriptions) {
        return new DashboardCard(
                "Active subscriptions",
                "hdd-network",
                READ,
                "/subscriptions?status=ACTIVE",
                20,
                () -> String.valueOf(subscriptions.countByStatus(SubscriptionStatus.ACTIVE)));
    }

    @Bean
    DashboardCard suspendedSubscriptionsCard(SubscriptionRepository subscriptions) {
        return new DashboardCard(
                "Suspended subscriptions",
                "pause-circle",
                READ,
                "/subscriptions?status=SUSPENDED",
                21,
                () -> String.valueOf(subscriptions.countByStatus(SubscriptionStatus.SUSPENDED)));
    }
}
