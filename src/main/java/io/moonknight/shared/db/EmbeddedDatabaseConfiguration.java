package io.moonknight.shared.db;

import com.zaxxer.hikari.HikariDataSource;
import io.moonknight.shared.config.MoonKnightProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * With no database configured ({@code DATABASE_URL} or {@code spring.datasource.url}), the application runs
 * its own PostgreSQL, so a newcomer needs nothing installed.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoDatabaseConfigured.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(MoonKnightProperties properties) {
        var settings = properties.embeddedDatabase();
        return EmbeddedPostgresServer.start(properties.dataDir(), settings.port(), settings.database());
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        var dataSource = new HikariDataSource();
        dataSource.setPoolName("moonknight");
        dataSource.setJdbcUrl(server.jdbcUrl());
        dataSource.setUsername(server.username());
        dataSource.setMaximumPoolSize(20);
        dataSource.addDataSourceProperty("reWriteBatchedInserts", "true");
        return dataSource;
    }

    @Bean
    DatabaseMode databaseMode(EmbeddedPostgresServer server) {
        return new DatabaseMode(true, server.jdbcUrl());
    }

    static class NoDatabaseConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String url = context.getEnvironment().getProperty("spring.datasource.url");
            return url == null || url.isBlank();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(DatabaseConfigured.class)
    static class ExternalDatabase {

        @Bean
        DatabaseMode databaseMode(org.springframework.core.env.Environment environment) {
            return new DatabaseMode(false, environment.getRequiredProperty("spring.datasource.url"));
        }
    }

    static class DatabaseConfigured extends NoDatabaseConfigured {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
