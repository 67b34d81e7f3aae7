package io.moonknight.customers.internal;

import io.moonknight.shared.audit.NotAudited;
import io.moonknight.shared.tenant.TenantOwned;
import io.moonknight.shared.web.ProblemException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/**
 * A CSV import: the uploaded file, its columns, the mapping the user chose, and progress. The worker reports
 * progress with plain SQL, so the counters are read-only here.
 */
@Entity
@Table(schema = "customers", name = "imports")
class ImportJob extends TenantOwned<ImportJob> {

    @Id
    private UUID id;

    private String fileName;
    private String storageKey;

    @Enumerated(EnumType.STRING)
    private ImportStatus status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    private List<String> columns = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private @Nullable Map<String, String> mapping;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private int totalRows;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private int processedRows;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private int createdCount;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private int updatedCount;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private int unchangedCount;

    @NotAudited
    @Column(insertable = false, updatable = false)
    private int rejectedCount;

    @Column(insertable = false, updatable = false)
    private @Nullable String rejectedKey;

    @Column(insertable = false, updatable = false)
    private @Nullable String error;

    private String createdBy;
    private Instant createdAt;
    private @Nullable Instant startedAt;

    @Column(insertable = false, updatable = false)
    private @Nullable Instant finishedAt;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected ImportJob() {}

    ImportJob(UUID id, String fileName, String storageKey, List<String> columns, String createdBy, Instant now) {
        this.id = id;
        this.fileName = fileName;
        this.storageKey = storageKey;
        this.status = ImportStatus.UPLOADED;
        this.columns = new ArrayList<>(columns);
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void start(Map<String, String> mapping, Instant now) {
        if (status != ImportStatus.UPLOADED) {
            throw ProblemException.conflict("import-started", "This import has already been started");
        }
        this.mapping = new TreeMap<>(mapping);
        this.status = ImportStatus.RUNNING;
        this.startedAt = now;
        this.updatedAt = now;
    }

    ImportView view() {
        return new ImportView(
                id,
                fileName,
                status,
                List.copyOf(columns),
                mapping == null ? Map.of() : Map.copyOf(mapping),
                totalRows,
                processedRows,
                createdCount,
                updatedCount,
                unchangedCount,
                rejectedCount,
                rejectedKey != null,
                error,
                createdBy,
                createdAt,
                startedAt,
                finishedAt);
    }

    UUID id() {
        return id;
    }

    String storageKey() {
        return storageKey;
    }

    List<String> columns() {
        return List.copyOf(columns);
    }

    @Nullable
    String rejectedKey() {
        return rejectedKey;
    }

    String fileName() {
        return fileName;
    }
}
