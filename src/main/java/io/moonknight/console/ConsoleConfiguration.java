package io.moonknight.console;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ConsoleConfiguration {

    static final String DASHBOARD_VIEW = "dashboard:view";

    @Bean
    PermissionProvider consolePermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Console";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(PermissionDefinition.of(
                        DASHBOARD_VIEW,
                        "See the dashboard's figures",
                        BuiltInRole.ADMIN,
                        BuiltInRole.BILLING,
                        BuiltInRole.SUPPORT,
                        BuiltInRole.TECHNICIAN));
            }
        };
    }

    @Bean
    ConsoleMenuItem dashboardMenu() {
        return new ConsoleMenuItem("Overview", "Dashboard", "speedometer2", "/", DASHBOARD_VIEW, 0);
    }
}
