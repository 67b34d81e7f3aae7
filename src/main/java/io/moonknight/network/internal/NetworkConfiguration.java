package io.moonknight.network.internal;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.console.DashboardCard;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NetworkConfiguration {

    static final String READ = "network:read";
    static final String WRITE = "network:write";
    static final String NAS = "nas:manage";

    @Bean
    PermissionProvider networkPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Network";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(
                                READ,
                                "See IP pools and their allocations, VLANs and NAS",
                                BuiltInRole.ADMIN,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(
                                WRITE,
                                "Manage IP pools, allocate and release addresses, manage VLANs",
                                BuiltInRole.ADMIN,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(
                                NAS,
                                "Register NAS / routers and set their RADIUS secrets and API credentials",
                                BuiltInRole.ADMIN));
            }
        };
    }

    @Bean
    ConsoleMenuItem ipPoolsMenu() {
        return new ConsoleMenuItem("Network", "IP pools", "diagram-3", "/network/pools", READ, 200);
    }

    @Bean
    ConsoleMenuItem vlansMenu() {
        return new ConsoleMenuItem("Network", "VLANs", "bezier2", "/network/vlans", READ, 210);
    }

    @Bean
    ConsoleMenuItem nasMenu() {
        return new ConsoleMenuItem("Network", "NAS / routers", "router", "/network/nas", READ, 220);
    }

    @Bean
    DashboardCard poolAlertsCard(IpPoolService pools) {
        return new DashboardCard(
                "IP pools needing attention",
                "exclamation-triangle",
                READ,
                "/network/pools",
                40,
                () -> String.valueOf(pools.list().stream()
                        .filter(pool -> pool.alert() != null)
                        .count()));
    }
}
