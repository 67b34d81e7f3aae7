package io.moonknight.tenancy.internal;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.console.DashboardCard;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import io.moonknight.shared.security.PlatformPermissions;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TenancyConfiguration {

    static final String READ = "tenant:read";
    static final String SETTINGS = "tenant:settings";

    @Bean
    PermissionProvider tenancyPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Tenant";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(
                                READ,
                                "See the tenant's name, timezone, currency and language",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN,
                                BuiltInRole.CUSTOMER),
                        PermissionDefinition.of(
                                SETTINGS,
                                "Change the tenant's name, timezone, currency and language",
                                BuiltInRole.ADMIN));
            }
        };
    }

    @Bean
    ConsoleMenuItem tenantSettingsMenu() {
        return new ConsoleMenuItem("Administration", "ISP settings", "sliders", "/settings/tenant", SETTINGS, 900);
    }

    @Bean
    DashboardCard tenantsCard(TenantCache tenants) {
        return new DashboardCard(
                "Tenants",
                "buildings",
                PlatformPermissions.TENANTS_READ,
                "/platform/tenants",
                10,
                () -> String.valueOf(tenants.count()));
    }

    @Bean
    ConsoleMenuItem platformTenantsMenu() {
        return new ConsoleMenuItem(
                "Platform", "Tenants", "buildings", "/platform/tenants", PlatformPermissions.TENANTS_READ, 10);
    }
}
