package io.moonknight.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One PostgreSQL for the whole test JVM: an embedded server in a temporary directory by default. When
 * {@code DATABASE_URL} is set (the CI smoke run against 127.0.0.1:5432), the application under test finds
 * it the way production does, and this class starts nothing.
 */
public final class TestDatabase {

    private static final String EXTERNAL = System.getenv("DATABASE_URL");
    private static volatile String url;

    private TestDatabase() {}

    /** The embedded test server's URL (never called when an external database is configured). */
    public static synchronized String jdbcUrl() {
        if (url == null) {
            url = startEmbedded();
        }
        return url;
    }

    /** A new, empty database on the test server, for tests that need one ("on first start with an empty database"). */
    public static String freshDatabase() {
        String name = "fresh_" + Long.toString(System.nanoTime(), 36);
        try (var connection = java.sql.DriverManager.getConnection(jdbcUrl());
                var statement = connection.createStatement()) {
            statement.execute("create database " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot create a fresh test database", e);
        }
        return jdbcUrl().replace("/postgres?", "/" + name + "?");
    }

    public static boolean external() {
        return EXTERNAL != null && !EXTERNAL.isBlank();
    }

    private static String startEmbedded() {
        try {
            Path dir = Files.createTempDirectory("moonknight-test-pg");
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.toFile())
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .setRegisterShutdownHook(false) // stopped below, after the contexts (zonky's own hook races them)
                    .start();
            // Stopped only after Spring has closed every cached test context: a JVM hook (zonky registers one by
            // default) runs alongside them and pulls the database from under beans still stopping; the event
            // publication registry then waited 30 s for a connection and the test JVM with it.
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    // the JVM is going away anyway
                }
            });
            return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?user=postgres";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the test database", e);
        }
    }
}
