package io.moonknight.shared.db;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MigrationConfiguration {

    @Bean
    static ModuleMigrations moduleMigrations() {
        return new ModuleMigrations();
    }
}
