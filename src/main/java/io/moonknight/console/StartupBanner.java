package io.moonknight.console;

import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.console.StartupReport;
import io.moonknight.shared.db.DatabaseMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Prints where to go and how to log in once the server is up. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final MoonKnightProperties properties;
    private final StartupReport report;
    private final DatabaseMode database;
    private final Environment environment;

    StartupBanner(
            MoonKnightProperties properties, StartupReport report, DatabaseMode database, Environment environment) {
        this.properties = properties;
        this.report = report;
        this.database = database;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void print() {
        String base = baseUrl();
        var text = new StringBuilder("\n\n  MoonKnight is running\n");
        text.append("  Console:     ").append(base).append("/\n");
        text.append("  Swagger UI:  ").append(base).append("/swagger-ui.html\n");
        text.append("  OpenAPI:     ").append(base).append("/v3/api-docs\n");
        text.append("  Health:      ").append(base).append("/actuator/health\n");
        text.append("  Database:    ")
                .append(database.embedded() ? "embedded PostgreSQL, " : "")
                .append(database.displayUrl())
                .append('\n');
        String port = environment.getProperty("local.server.port", "8080");
        text.append("  Tenant subdomains: http://<tenant>.")
                .append(properties.baseDomain())
                .append(':')
                .append(port)
                .append("/ (on localhost, http://demo.localhost:")
                .append(port)
                .append("/ works in most browsers)\n");
        report.lines().forEach(line -> text.append("  ").append(line).append('\n'));
        log.info(text.toString());
    }

    private String baseUrl() {
        String configured = properties.publicUrl();
        if (configured != null && !configured.isBlank()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }
}
