package io.moonknight.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseUrlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
        jdbc:postgresql://db:5432/isp?user=a                 | jdbc:postgresql://db:5432/isp?user=a                 | none  | none
        postgres://mk:secret@db.example.com:5433/moonknight  | jdbc:postgresql://db.example.com:5433/moonknight     | mk    | secret
        postgresql://mk:secret@db/moonknight?sslmode=require | jdbc:postgresql://db/moonknight?sslmode=require      | mk    | secret
        postgres://mk:p%40ss%3Aword@db/mk                    | jdbc:postgresql://db/mk                              | mk    | p@ss:word
        postgres://mk@localhost/mk                           | jdbc:postgresql://localhost/mk                       | mk    | none
        postgres://localhost                                 | jdbc:postgresql://localhost/postgres                 | none  | none
        postgres://u:p@[::1]:5432/db                         | jdbc:postgresql://[::1]:5432/db                      | u     | p
        """)
    void understandsJdbcAndLibpqForms(String value, String jdbcUrl, String username, String password) {
        DatabaseUrl url = DatabaseUrl.parse(value);
        assertThat(url.jdbcUrl()).isEqualTo(jdbcUrl);
        assertThat(url.username()).isEqualTo(username);
        assertThat(url.password()).isEqualTo(password);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mysql://db/x", "jdbc:mysql://db/x", "db:5432", "postgres:///nohost"})
    void refusesOtherDatabases(String value) {
        assertThatThrownBy(() -> DatabaseUrl.parse(value)).isInstanceOf(IllegalArgumentException.class);
    }
}
