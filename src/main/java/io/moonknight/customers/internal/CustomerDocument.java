package io.moonknight.customers.internal;

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
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An identity document of a customer: the file's facts (detected type, size, SHA-256) and its review
 * (pending → verified or rejected, by whom, when, why). Removal is soft: the row and the file stay.
 */
@Entity
@Table(schema = "customers", name = "documents")
class CustomerDocument extends TenantOwned<CustomerDocument> {

    @Id
    private UUID id;

    private UUID customerId;
    private String typeCode;
    private String fileName;
    private String contentType;
    private long sizeBytes;
    private String sha256;
    private String storageKey;

    @Enumerated(EnumType.STRING)
    private DocumentStatus status;

    private String uploadedBy;
    private Instant uploadedAt;
    private @Nullable String reviewedBy;
    private @Nullable Instant reviewedAt;
    private @Nullable String reviewReason;
    private @Nullable String removedBy;
    private @Nullable Instant removedAt;
    private @Nullable String removalReason;

    @Column(name = "updated_at")
    private Instant updatedAt;

    @Version
    private long version;

    protected CustomerDocument() {}

    CustomerDocument(
            UUID id,
            UUID customerId,
            String typeCode,
            String fileName,
            String contentType,
            long sizeBytes,
            String sha256,
            String storageKey,
            String uploadedBy,
            Instant now) {
        this.id = id;
        this.customerId = customerId;
        this.typeCode = typeCode;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.status = DocumentStatus.PENDING;
        this.uploadedBy = uploadedBy;
        this.uploadedAt = now;
        this.updatedAt = now;
    }

    void verify(String reviewer, Instant now) {
        requireReviewable();
        this.status = DocumentStatus.VERIFIED;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
        this.reviewReason = null;
        this.updatedAt = now;
    }

    void reject(String reviewer, String reason, Instant now) {
        requireReviewable();
        this.status = DocumentStatus.REJECTED;
        this.reviewedBy = reviewer;
        this.reviewedAt = now;
        this.reviewReason = reason;
        this.updatedAt = now;
    }

    void remove(String by, String reason, Instant now) {
        if (removedAt != null) {
            throw ProblemException.conflict("document-removed", "This document was already removed");
        }
        this.removedBy = by;
        this.removedAt = now;
        this.removalReason = reason;
        this.updatedAt = now;
    }

    private void requireReviewable() {
        if (removedAt != null) {
            throw ProblemException.conflict("document-removed", "A removed document cannot be reviewed");
        }
        if (status != DocumentStatus.PENDING) {
            throw ProblemException.conflict(
                    "document-reviewed",
                    "This document was already " + status.name().toLowerCase() + "; upload a new one instead");
        }
    }

    DocumentView view() {
        return new DocumentView(
                id,
                customerId,
                typeCode,
                fileName,
                contentType,
                sizeBytes,
                sha256,
                status,
                uploadedBy,
                uploadedAt,
                reviewedBy,
                reviewedAt,
                reviewReason,
                removedBy,
                removedAt,
                removalReason);
    }

    UUID id() {
        return id;
    }

    UUID customerId() {
        return customerId;
    }

    String storageKey() {
        return storageKey;
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    boolean removed() {
        return removedAt != null;
    }
}
