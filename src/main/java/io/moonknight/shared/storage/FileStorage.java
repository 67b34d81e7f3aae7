package io.moonknight.shared.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Where uploaded files live, outside the database. Keys are paths like
 * {@code tenants/<tenant>/customers/<customer>/documents/<id>}; the default implementation keeps them under the
 * data directory, and an S3-compatible store can replace it without touching callers.
 */
public interface FileStorage {

    /** What was stored: its size and SHA-256, computed while writing. */
    record Stored(String key, long size, String sha256) {}

    /**
     * Stores the stream under {@code key} (replacing nothing: keys are unique), refusing more than
     * {@code maxBytes}.
     *
     * @throws TooLarge when the stream is longer than {@code maxBytes}; nothing is kept then
     */
    Stored put(String key, InputStream content, long maxBytes) throws IOException;

    InputStream open(String key) throws IOException;

    boolean exists(String key);

    void delete(String key) throws IOException;

    /** The content exceeded the allowed size. */
    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("larger than " + maxBytes + " bytes");
        }
    }
}
