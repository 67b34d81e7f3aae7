package io.moonknight.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void restartKeepsTheData() throws SQLException {
        try (var server = EmbeddedPostgresServer.start(dataDir, 0, "moonknight")) {
            execute(server, "create table kept (value text)");
            execute(server, "insert into kept values ('still here')");
        }
        try (var server = EmbeddedPostgresServer.start(dataDir, 0, "moonknight");
                var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "");
                var rows = connection.createStatement().executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("still here");
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryFailsClearly() {
        try (var first = EmbeddedPostgresServer.start(dataDir, 0, "moonknight")) {
            assertThat(first.port()).isPositive();
            assertThatThrownBy(() -> EmbeddedPostgresServer.start(dataDir, 0, "moonknight"))
                    .isInstanceOf(EmbeddedPostgresServer.DataDirectoryInUseException.class)
                    .hasMessageContaining("Another MoonKnight server is already running on the data directory")
                    .hasMessageContaining(dataDir.toAbsolutePath().toString());
        }
    }

    @Test
    void theDataDirectoryIsFreeAgainAfterStop() {
        try (var first = EmbeddedPostgresServer.start(dataDir, 0, "moonknight")) {
            assertThat(first.dataDir()).isEqualTo(dataDir.toAbsolutePath().normalize());
        }
        try (var second = EmbeddedPostgresServer.start(dataDir, 0, "moonknight")) {
            assertThat(second.jdbcUrl()).endsWith("/moonknight");
        }
    }

    private static void execute(EmbeddedPostgresServer server, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(server.jdbcUrl(), server.username(), "")) {
            connection.createStatement().execute(sql);
        }
    }
}
