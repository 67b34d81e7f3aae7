package io.moonknight.identity.internal;

import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.db.DatabaseMode;
import io.moonknight.shared.security.KeyFiles;
import java.nio.file.Path;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The HMAC key that signs access tokens: {@code moonknight.security.jwt-secret} when set, otherwise a key
 * generated once and kept in the data directory. Several instances behind a load balancer must share the
 * configured key.
 */
@Component
public class JwtKey {

    private static final Logger log = LoggerFactory.getLogger(JwtKey.class);
    static final String FILE_NAME = "jwt-secret.key";

    private final SecretKey key;

    JwtKey(MoonKnightProperties properties, DatabaseMode databaseMode) {
        String configured = properties.security().jwtSecret();
        Path file = properties.dataDir().resolve(FILE_NAME);
        if ((configured == null || configured.isBlank()) && !databaseMode.embedded()) {
            log.warn(
                    "moonknight.security.jwt-secret is not set: using the key in {}. Set it when running more than one"
                            + " instance.",
                    file.toAbsolutePath());
        }
        this.key =
                new SecretKeySpec(KeyFiles.load(configured, "moonknight.security.jwt-secret", file, 32), "HmacSHA256");
    }

    public SecretKey key() {
        return key;
    }
}
