package io.moonknight.shared.db;

/**
 * Which database the application uses.
 *
 * @param embedded true when the application started its own PostgreSQL
 */
public record DatabaseMode(boolean embedded, String jdbcUrl) {

    /** The JDBC URL without credentials, for logs. */
    public String displayUrl() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }
}
