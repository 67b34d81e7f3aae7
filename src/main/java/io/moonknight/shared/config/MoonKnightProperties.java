package io.moonknight.shared.config;

import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * MoonKnight's own settings ({@code moonknight.*}); the README's configuration table lists them.
 *
 * @param dataDir where the embedded database, keys and uploaded files live
 * @param baseDomain the console answers on {@code <tenant>.<baseDomain>}; on the bare domain (or any other
 *     host) the login page asks for the tenant
 * @param publicUrl the URL printed at start-up and used in links; derived from the port when blank
 */
@ConfigurationProperties("moonknight")
public record MoonKnightProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("localhost") String baseDomain,
        @Nullable String publicUrl,
        @DefaultValue Demo demo,
        @DefaultValue Platform platform,
        @DefaultValue Security security,
        @DefaultValue EmbeddedDatabase embeddedDatabase) {

    /**
     * @param enabled null means: on for the embedded database, off for an external one
     */
    public record Demo(
            @Nullable Boolean enabled,
            @DefaultValue("moonknight-demo") String password,
            @DefaultValue("demo") String tenant,
            @DefaultValue("UTC") String timezone,
            @DefaultValue("USD") String currency) {}

    /**
     * @param adminPassword generated and printed on first start when blank
     */
    public record Platform(
            @DefaultValue("operator") String adminUsername,
            @Nullable String adminPassword) {}

    /**
     * @param jwtSecret base64 HMAC key (32+ bytes); when blank a key is generated once and kept in the data dir
     * @param encryptionKey base64 AES-256 key for secrets stored encrypted; generated like the JWT key
     * @param apiKeyRequestsPerMinute default rate limit of one API key
     * @param metricsUsername HTTP Basic user that may read {@code /actuator/prometheus} and {@code /actuator/info}
     * @param metricsPassword its password; when blank those endpoints answer 401 to everyone
     */
    public record Security(
            @Nullable String jwtSecret,
            @Nullable String encryptionKey,
            @DefaultValue("600") int apiKeyRequestsPerMinute,
            @DefaultValue Lockout lockout,
            @DefaultValue("15m") Duration accessTokenTtl,
            @DefaultValue("30d") Duration refreshTokenTtl,
            @DefaultValue("12h") Duration consoleSessionTtl,
            @DefaultValue("10") int passwordMinLength,
            @DefaultValue("metrics") String metricsUsername,
            @Nullable String metricsPassword) {}

    /**
     * Brute-force protection (see docs/architecture.md, Security): {@code accountFailures} failed attempts against
     * one account from one address lock that account for that address; {@code accountTotalFailures} from all
     * addresses together lock it for every address it has not logged in from before; past {@code
     * addressFailures} failures from one address (over all accounts), attempts from it on accounts not logged
     * in from it before are spaced out by a growing delay (up to a minute), never refused outright. Counts last
     * {@code window}; a success resets the account's count for its address.
     */
    public record Lockout(
            @DefaultValue("5") int accountFailures,
            @DefaultValue("20") int accountTotalFailures,
            @DefaultValue("30") int addressFailures,
            @DefaultValue("15m") Duration window) {}

    /**
     * @param port 0 picks a free port at every start
     */
    public record EmbeddedDatabase(
            @DefaultValue("0") int port,
            @DefaultValue("moonknight") String database) {}
}
