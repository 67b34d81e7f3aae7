package io.moonknight.shared.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a second start on the same data directory into a short, actionable message instead of a stack trace. */
class DataDirectoryInUseFailureAnalyzer
        extends AbstractFailureAnalyzer<EmbeddedPostgresServer.DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedPostgresServer.DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                String.valueOf(cause.getMessage()),
                "Stop the other MoonKnight server, or start this one with --moonknight.data-dir=<another directory>,"
                        + " or set DATABASE_URL to use an external PostgreSQL.",
                cause);
    }
}
