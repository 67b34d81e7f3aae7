package io.moonknight.identity.internal;

import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.db.DatabaseMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
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
        byte[] bytes;
        if (configured != null && !configured.isBlank()) {
            bytes = Base64.getDecoder().decode(configured.strip());
        } else {
            bytes = fromDataDir(properties.dataDir().resolve(FILE_NAME));
            if (!databaseMode.embedded()) {
                log.warn(
                        "moonknight.security.jwt-secret is not set: using the key in {}. Set it when running more than"
                                + " one instance.",
                        properties.dataDir().resolve(FILE_NAME).toAbsolutePath());
            }
        }
        if (bytes.length < 32) {
            throw new IllegalStateException("moonknight.security.jwt-secret must be a base64 key of at least 32 bytes");
        }
        this.key = new SecretKeySpec(bytes, "HmacSHA256");
    }

    public SecretKey key() {
        return key;
    }

    private static byte[] fromDataDir(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .strip());
            }
            byte[] generated = new byte[32];
            new SecureRandom().nextBytes(generated);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            log.info("Generated the token signing key in {}", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the token signing key " + file, e);
        }
    }
}
