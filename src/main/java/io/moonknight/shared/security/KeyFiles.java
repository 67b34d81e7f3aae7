package io.moonknight.shared.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Secret keys from configuration, or generated once and kept (readable by the owner only) in the data
 * directory, so a single-instance installation needs no key management.
 */
public final class KeyFiles {

    private static final Logger log = LoggerFactory.getLogger(KeyFiles.class);

    private KeyFiles() {}

    /**
     * @param configured base64 key from configuration, or null/blank to use {@code file}
     * @param minBytes the shortest acceptable key
     */
    public static byte[] load(@Nullable String configured, String settingName, Path file, int minBytes) {
        byte[] key;
        if (configured != null && !configured.isBlank()) {
            try {
                key = Base64.getDecoder().decode(configured.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(settingName + " must be base64", e);
            }
        } else {
            key = fromFile(file, minBytes);
        }
        if (key.length < minBytes) {
            throw new IllegalStateException(settingName + " must be a base64 key of at least " + minBytes + " bytes");
        }
        return key;
    }

    private static byte[] fromFile(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder()
                        .decode(Files.readString(file, StandardCharsets.US_ASCII)
                                .strip());
            }
            byte[] generated = new byte[bytes];
            new SecureRandom().nextBytes(generated);
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(generated), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.debug("No POSIX permissions on {}", file);
            }
            log.info("Generated the key {}", file.toAbsolutePath());
            return generated;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key " + file, e);
        }
    }
}
