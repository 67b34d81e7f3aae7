package io.moonknight.tenancy.internal;

import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.console.StartupReport;
import io.moonknight.shared.db.DatabaseMode;
import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoTenant;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.FirstAdmin;
import io.moonknight.tenancy.TenantSettings;
import io.moonknight.tenancy.TenantSlug;
import io.moonknight.tenancy.TenantView;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On first start with an empty database, creates the demo tenant with its admin and lets every module's
 * {@link DemoDataContributor} fill it. Demo data is on by default only with the embedded database.
 */
@Component
@Order(100)
class DemoTenantSeeder implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);
    static final String ADMIN_USERNAME = "admin";

    private final MoonKnightProperties properties;
    private final DatabaseMode databaseMode;
    private final TenantService tenantService;
    private final TenantCache directory;
    private final List<DemoDataContributor> contributors;
    private final StartupReport report;
    private final TransactionTemplate transaction;

    DemoTenantSeeder(
            MoonKnightProperties properties,
            DatabaseMode databaseMode,
            TenantService tenantService,
            TenantCache directory,
            List<DemoDataContributor> contributors,
            StartupReport report,
            PlatformTransactionManager transactionManager) {
        this.transaction = new TransactionTemplate(transactionManager);
        this.properties = properties;
        this.databaseMode = databaseMode;
        this.tenantService = tenantService;
        this.directory = directory;
        this.contributors = contributors.stream()
                .sorted(Comparator.comparingInt(DemoDataContributor::order))
                .toList();
        this.report = report;
    }

    @Override
    public void run(ApplicationArguments args) {
        var demo = properties.demo();
        boolean enabled = demo.enabled() != null ? demo.enabled() : databaseMode.embedded();
        if (!enabled) {
            return;
        }
        Optional<TenantView> existing = directory.findBySlug(demo.tenant());
        if (existing.isEmpty() && directory.count() > 0) {
            return; // a real installation: never add demo data to it
        }
        if (existing.isEmpty()) {
            seed(demo);
        }
        describeLogins(demo);
    }

    /** All or nothing: the demo tenant and every module's demo data are written in one transaction. */
    private void seed(MoonKnightProperties.Demo demo) {
        long started = System.nanoTime();
        UUID id = UUID.randomUUID();
        var context = new DemoTenant(id, TenantSlug.parse(demo.tenant()).value(), demo.password());
        TenantContext.run(
                id,
                () -> transaction.executeWithoutResult(status -> {
                    tenantService.create(
                            id,
                            TenantSlug.parse(demo.tenant()),
                            new TenantSettings(
                                    "Demo ISP",
                                    TenantSettings.zone(demo.timezone()),
                                    TenantSettings.currency(demo.currency()),
                                    Locale.ENGLISH),
                            new FirstAdmin(
                                    ADMIN_USERNAME,
                                    "admin@" + context.slug() + ".moonknight.local",
                                    "Demo Administrator",
                                    demo.password()));
                    for (DemoDataContributor contributor : contributors) {
                        log.info("Demo data: {}", contributor.getClass().getSimpleName());
                        contributor.contribute(context);
                    }
                }));
        log.info("Demo tenant '{}' created in {} ms", context.slug(), (System.nanoTime() - started) / 1_000_000);
    }

    private void describeLogins(MoonKnightProperties.Demo demo) {
        report.add(
                "Demo tenant '" + demo.tenant() + "' - every demo login uses the password '" + demo.password() + "':");
        report.add(String.format("  %-14s %-12s %s", ADMIN_USERNAME, "Admin", "console"));
        contributors.stream()
                .flatMap(c -> c.logins().stream())
                .forEach(login ->
                        report.add(String.format("  %-14s %-12s %s", login.username(), login.role(), login.where())));
    }
}
