package io.moonknight.plans.internal;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlansConfiguration {

    static final String READ = "plans:read";
    static final String WRITE = "plans:write";

    @Bean
    PermissionProvider planPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Plans";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(
                                READ,
                                "See service plans and their RADIUS attributes",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(WRITE, "Create, change and archive service plans", BuiltInRole.ADMIN));
            }
        };
    }

    @Bean
    ConsoleMenuItem plansMenu() {
        return new ConsoleMenuItem("Services", "Plans", "speedometer2", "/plans", READ, 60);
    }
}
