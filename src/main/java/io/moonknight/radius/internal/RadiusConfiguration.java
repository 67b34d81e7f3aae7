package io.moonknight.radius.internal;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.console.DashboardCard;
import io.moonknight.shared.console.SubscriptionPanel;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import io.moonknight.shared.tenant.TenantContext;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RadiusProperties.class)
class RadiusConfiguration {

    static final String READ = "sessions:read";
    static final String DISCONNECT = "sessions:disconnect";

    @Bean
    PermissionProvider radiusPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "RADIUS";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(
                                READ,
                                "See live sessions, session history, usage and NAS status",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(
                                DISCONNECT,
                                "Disconnect live sessions",
                                BuiltInRole.ADMIN,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN));
            }
        };
    }

    @Bean
    ConsoleMenuItem sessionsMenu() {
        return new ConsoleMenuItem("Network", "Live sessions", "broadcast", "/radius/sessions", READ, 75);
    }

    @Bean
    SubscriptionPanel sessionsPanel() {
        return new SubscriptionPanel("sessions", READ, "/radius/subscriptions/{subscriptionId}/panel", 10, true);
    }

    @Bean
    DashboardCard liveSessionsCard(JdbcClient jdbc) {
        return new DashboardCard(
                "Online now",
                "broadcast",
                READ,
                "/radius/sessions",
                25,
                () -> String.valueOf(jdbc.sql("select count(*) from radius.sessions where tenant_id = :t")
                        .param("t", TenantContext.require())
                        .query(Long.class)
                        .single()));
    }
}
