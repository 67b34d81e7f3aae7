package io.moonknight.shared.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Migrates each module's schema with its own Flyway history, as soon as the DataSource exists and before
 * anything else can use it. Migrations of module {@code m} live in {@code db/migration/m/} and create
 * objects in schema {@code m}; a module can later move to its own database with its history intact.
 */
class ModuleMigrations implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(ModuleMigrations.class);
    private static final Pattern MODULE_DIR = Pattern.compile(".*/db/migration/([a-z][a-z0-9_]*)/[^/]+\\.sql$");

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            migrate(dataSource);
        }
        return bean;
    }

    static void migrate(DataSource dataSource) {
        for (String module : modules()) {
            var result = Flyway.configure(ModuleMigrations.class.getClassLoader())
                    .dataSource(dataSource)
                    .schemas(module)
                    .defaultSchema(module)
                    .createSchemas(true)
                    .locations("classpath:db/migration/" + module)
                    .table("flyway_schema_history")
                    .validateMigrationNaming(true)
                    .load()
                    .migrate();
            if (result.migrationsExecuted > 0) {
                log.info(
                        "Schema {}: applied {} migration(s), now at version {}",
                        module,
                        result.migrationsExecuted,
                        result.targetSchemaVersion);
            }
        }
    }

    static List<String> modules() {
        try {
            Resource[] scripts = new PathMatchingResourcePatternResolver(ModuleMigrations.class.getClassLoader())
                    .getResources("classpath*:db/migration/*/*.sql");
            var modules = new TreeSet<String>();
            for (Resource script : scripts) {
                Matcher matcher = MODULE_DIR.matcher(script.getURL().toString());
                if (matcher.matches()) {
                    modules.add(matcher.group(1));
                }
            }
            return List.copyOf(modules);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the migration scripts", e);
        }
    }
}
