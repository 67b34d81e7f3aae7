package io.moonknight.audit.internal;

import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import io.moonknight.shared.security.PlatformPermissions;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AuditConfiguration {

    static final String AUDIT_READ = "audit:read";

    @Bean
    PermissionProvider auditPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Audit";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(AUDIT_READ, "Read and export the audit trail", BuiltInRole.ADMIN));
            }
        };
    }

    @Bean
    ConsoleMenuItem auditMenu() {
        return new ConsoleMenuItem("Administration", "Audit trail", "journal-text", "/audit", AUDIT_READ, 950);
    }

    @Bean
    ConsoleMenuItem platformAuditMenu() {
        return new ConsoleMenuItem(
                "Platform", "Audit trail", "journal-text", "/platform/audit", PlatformPermissions.AUDIT_READ, 20);
    }
}
