package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.console.DashboardCard;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CustomersProperties.class)
class CustomersConfiguration {

    static final String READ = "customers:read";
    static final String WRITE = "customers:write";
    static final String IMPORT = "customers:import";
    static final String SETTINGS = "customers:settings";
    static final String DOCUMENTS_READ = "customer-documents:read";
    static final String DOCUMENTS_WRITE = "customer-documents:write";
    static final String DOCUMENTS_REVIEW = "customer-documents:review";

    @Bean
    PermissionProvider customerPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Customers";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(
                                READ,
                                "See and search customers, their history and map",
                                BuiltInRole.ADMIN,
                                BuiltInRole.BILLING,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(
                                WRITE, "Create and edit customer profiles", BuiltInRole.ADMIN, BuiltInRole.SUPPORT),
                        PermissionDefinition.of(IMPORT, "Import customers from CSV and export them", BuiltInRole.ADMIN),
                        PermissionDefinition.of(
                                SETTINGS,
                                "Configure account numbers, custom fields and document types",
                                BuiltInRole.ADMIN),
                        PermissionDefinition.of(
                                DOCUMENTS_READ,
                                "Download customers' identity documents",
                                BuiltInRole.ADMIN,
                                BuiltInRole.SUPPORT),
                        PermissionDefinition.of(
                                DOCUMENTS_WRITE,
                                "Upload and remove identity documents",
                                BuiltInRole.ADMIN,
                                BuiltInRole.SUPPORT,
                                BuiltInRole.TECHNICIAN),
                        PermissionDefinition.of(
                                DOCUMENTS_REVIEW, "Verify or reject identity documents", BuiltInRole.ADMIN));
            }
        };
    }

    @Bean
    ConsoleMenuItem customersMenu() {
        return new ConsoleMenuItem("Customers", "Customers", "person-vcard", "/customers", READ, 10);
    }

    @Bean
    ConsoleMenuItem customersMapMenu() {
        return new ConsoleMenuItem("Customers", "Customer map", "geo-alt", "/customers/map", READ, 20);
    }

    @Bean
    ConsoleMenuItem customerImportsMenu() {
        return new ConsoleMenuItem("Customers", "Import", "upload", "/customers/imports", IMPORT, 30);
    }

    @Bean
    ConsoleMenuItem customerSettingsMenu() {
        return new ConsoleMenuItem(
                "Administration", "Customer settings", "ui-checks", "/settings/customers", SETTINGS, 905);
    }

    @Bean
    DashboardCard activeCustomersCard(CustomerSearch search) {
        return new DashboardCard(
                "Active customers",
                "person-check",
                READ,
                "/customers?status=ACTIVE",
                10,
                () -> String.valueOf(
                        search.search(new CustomerFilter(null, CustomerStatus.ACTIVE, null, null), PageRequest.of(0, 1))
                                .getTotalElements()));
    }

    @Bean
    DashboardCard leadsCard(CustomerSearch search) {
        return new DashboardCard(
                "Leads",
                "person-plus",
                READ,
                "/customers?status=LEAD",
                11,
                () -> String.valueOf(
                        search.search(new CustomerFilter(null, CustomerStatus.LEAD, null, null), PageRequest.of(0, 1))
                                .getTotalElements()));
    }
}
