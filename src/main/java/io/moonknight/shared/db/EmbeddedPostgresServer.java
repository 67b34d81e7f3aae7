package io.moonknight.shared.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server run by the application itself, its data kept under {@code <dataDir>/postgres} so a
 * restart keeps everything. A lock file stops a second server from using the same data directory.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final Path dataDir;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final EmbeddedPostgres postgres;
    private final String database;

    private EmbeddedPostgresServer(
            Path dataDir, FileChannel lockChannel, FileLock lock, EmbeddedPostgres postgres, String database) {
        this.dataDir = dataDir;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.postgres = postgres;
        this.database = database;
    }

    /**
     * @throws DataDirectoryInUseException when another server holds the data directory
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, String database) {
        Path absolute = dataDir.toAbsolutePath().normalize();
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Files.createDirectories(absolute);
            channel = FileChannel.open(
                    absolute.resolve("moonknight.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLock(channel);
            if (lock == null) {
                throw new DataDirectoryInUseException(absolute);
            }
            long started = System.nanoTime();
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(absolute.resolve("postgres").toFile())
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("fsync", "on")
                    // stopped by the context, after every bean that uses it: zonky's own JVM hook would stop it
                    // alongside Spring's and leave beans still closing without a database (a 30 s hang on exit)
                    .setRegisterShutdownHook(false);
            if (port > 0) {
                builder.setPort(port);
            }
            EmbeddedPostgres postgres = builder.start();
            createDatabaseIfMissing(postgres, database);
            log.info(
                    "Embedded PostgreSQL started in {} ms on port {} with data in {}",
                    (System.nanoTime() - started) / 1_000_000,
                    postgres.getPort(),
                    absolute.resolve("postgres"));
            return new EmbeddedPostgresServer(absolute, channel, lock, postgres, database);
        } catch (IOException | SQLException e) {
            release(channel, lock);
            throw new IllegalStateException(
                    "Could not start the embedded PostgreSQL in " + absolute + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            release(channel, lock);
            throw e;
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + database;
    }

    public String username() {
        return "postgres";
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            log.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
        } finally {
            release(lockChannel, lock);
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very JVM
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, String database) throws SQLException {
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (!rows.next()) {
                    try (var create = connection.createStatement()) {
                        create.execute("create database \"" + database.replace("\"", "") + "\"");
                    }
                }
            }
        }
    }

    private static void release(@Nullable FileChannel channel, @Nullable FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.warn("Could not release the data directory lock: {}", e.getMessage());
        }
    }

    /** Another MoonKnight server already runs on this data directory. */
    public static final class DataDirectoryInUseException extends IllegalStateException {

        DataDirectoryInUseException(Path dataDir) {
            super("Another MoonKnight server is already running on the data directory " + dataDir
                    + ". Stop it first, or start this one with a different moonknight.data-dir"
                    + " (or point it at an external database with DATABASE_URL).");
        }
    }
}
