package io.moonknight.customers.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An import's state; {@code processedRows} / {@code totalRows} is its progress. */
public record ImportView(
        UUID id,
        String fileName,
        ImportStatus status,
        List<String> columns,
        Map<String, String> mapping,
        int totalRows,
        int processedRows,
        int createdCount,
        int updatedCount,
        int unchangedCount,
        int rejectedCount,
        boolean hasRejectedRows,
        @Nullable String error,
        String createdBy,
        Instant createdAt,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt) {

    public int percent() {
        return totalRows == 0 ? (status == ImportStatus.COMPLETED ? 100 : 0) : (int) (100L * processedRows / totalRows);
    }
}
