package io.moonknight.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test application context at the shared test database and a throw-away data directory. */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        try {
            var dataDir = Files.createTempDirectory("moonknight-test-data");
            Map<String, Object> properties = new java.util.HashMap<>();
            properties.put("moonknight.data-dir", dataDir.toString());
            if (!TestDatabase.external()) {
                properties.put("spring.datasource.url", TestDatabase.jdbcUrl());
            }
            context.getEnvironment()
                    .getPropertySources()
                    .addFirst(new MapPropertySource("moonknightTestDatabase", properties));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
