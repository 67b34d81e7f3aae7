package io.moonknight.shared.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A PostgreSQL location as given in {@code DATABASE_URL}: either a JDBC URL ({@code jdbc:postgresql://…})
 * or the libpq / Heroku form ({@code postgres://user:pass@host:port/db?sslmode=require}).
 */
record DatabaseUrl(
        String jdbcUrl, @Nullable String username, @Nullable String password) {

    static DatabaseUrl parse(String value) {
        String url = value.strip();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (!url.startsWith("postgres://") && !url.startsWith("postgresql://")) {
            throw new IllegalArgumentException(
                    "DATABASE_URL must start with jdbc:postgresql://, postgres:// or postgresql://");
        }
        URI uri = URI.create(url);
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("DATABASE_URL has no host");
        }
        String path = uri.getRawPath();
        String database = path == null || path.length() <= 1 ? "postgres" : decode(path.substring(1));
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://")
                .append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host);
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isBlank()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        return new DatabaseUrl(jdbc.toString(), username, password);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
