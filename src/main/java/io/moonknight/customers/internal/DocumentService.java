package io.moonknight.customers.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.customers.domain.FileNames;
import io.moonknight.shared.storage.FileStorage;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.tika.Tika;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * KYC documents: the file's type is detected from its bytes (Apache Tika), never taken from its name; only
 * allowed types and sizes are kept; the name is sanitised and a SHA-256 recorded. Review is pending → verified
 * or rejected; removal is soft; every download is audited.
 */
@Service
public class DocumentService {

    private final DocumentRepository documents;
    private final CustomerService customers;
    private final DocumentTypeService types;
    private final FileStorage storage;
    private final HistoryStore history;
    private final AuditTrail audit;
    private final CustomersProperties properties;
    private final Clock clock;
    private final Tika tika = new Tika();

    DocumentService(
            DocumentRepository documents,
            CustomerService customers,
            DocumentTypeService types,
            FileStorage storage,
            HistoryStore history,
            AuditTrail audit,
            CustomersProperties properties,
            Clock clock) {
        this.documents = documents;
        this.customers = customers;
        this.types = types;
        this.storage = storage;
        this.history = history;
        this.audit = audit;
        this.properties = properties;
        this.clock = clock;
    }

    /** A document's facts and a stream of its bytes; the caller closes the stream. */
    public record Content(DocumentView document, InputStream bytes) {}

    @Transactional
    public DocumentView upload(
            UUID customerId,
            String typeCode,
            String originalName,
            long declaredSize,
            InputStream content,
            String uploadedBy) {
        customers.requireExists(customerId);
        DocumentTypeView type = types.requireActive(typeCode);
        long max = properties.documentMaxSize().toBytes();
        if (declaredSize > max) {
            throw tooLarge(max);
        }
        UUID id = UUID.randomUUID();
        UUID tenant = TenantContext.require();
        try (var buffered = new BufferedInputStream(content)) {
            String detected = baseType(tika.detect(buffered));
            if (!properties.documentTypes().contains(detected)) {
                throw ProblemException.invalidField(
                        "file",
                        "the file is " + describe(detected)
                                + "; upload a PDF or an image (JPEG, PNG, WebP, TIFF, HEIC)");
            }
            String key = "tenants/" + tenant + "/customers/" + customerId + "/documents/" + id;
            FileStorage.Stored stored;
            try {
                stored = storage.put(key, buffered, max);
            } catch (FileStorage.TooLarge e) {
                throw tooLarge(max);
            }
            if (stored.size() == 0) {
                throw ProblemException.invalidField("file", "the file is empty");
            }
            Instant now = clock.instant();
            var document = documents.save(new CustomerDocument(
                    id,
                    customerId,
                    type.code(),
                    FileNames.sanitise(originalName, detected),
                    detected,
                    stored.size(),
                    stored.sha256(),
                    key,
                    uploadedBy,
                    now));
            history.add(
                    tenant,
                    new HistoryStore.Entry(
                            customerId,
                            now,
                            "document.uploaded",
                            "Document uploaded: " + type.name(),
                            Map.of("file", document.fileName(), "documentId", id.toString()),
                            uploadedBy,
                            "CustomerDocument",
                            id.toString()));
            return document.view();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not store the document", e);
        }
    }

    @Transactional(readOnly = true)
    public List<DocumentView> list(UUID customerId) {
        customers.requireExists(customerId);
        return documents.findAllByCustomerIdOrderByUploadedAtDesc(customerId).stream()
                .map(CustomerDocument::view)
                .toList();
    }

    @Transactional(readOnly = true)
    public DocumentView get(UUID customerId, UUID documentId) {
        return load(customerId, documentId).view();
    }

    /** Opens the file for download and records who downloaded it. */
    @Transactional
    public Content download(UUID customerId, UUID documentId) {
        CustomerDocument document = load(customerId, documentId);
        if (document.removed()) {
            throw ProblemException.conflict("document-removed", "This document was removed");
        }
        audit.record(AuditRecord.of("customer-document.downloaded", "CustomerDocument", documentId)
                .with("customerId", customerId)
                .with("file", document.fileName()));
        try {
            return new Content(document.view(), storage.open(document.storageKey()));
        } catch (IOException e) {
            throw new UncheckedIOException("The stored file is missing", e);
        }
    }

    @Transactional
    public DocumentView verify(UUID customerId, UUID documentId, String reviewer) {
        CustomerDocument document = load(customerId, documentId);
        document.verify(reviewer, clock.instant());
        timeline(document, "document.verified", "Document verified", Map.of());
        return documents.save(document).view();
    }

    @Transactional
    public DocumentView reject(UUID customerId, UUID documentId, String reviewer, String reason) {
        CustomerDocument document = load(customerId, documentId);
        document.reject(reviewer, reason, clock.instant());
        timeline(document, "document.rejected", "Document rejected: " + reason, Map.of("reason", reason));
        return documents.save(document).view();
    }

    @Transactional
    public DocumentView remove(UUID customerId, UUID documentId, String by, String reason) {
        CustomerDocument document = load(customerId, documentId);
        document.remove(by, reason, clock.instant());
        timeline(document, "document.removed", "Document removed: " + reason, Map.of("reason", reason));
        return documents.save(document).view();
    }

    private void timeline(CustomerDocument document, String kind, String title, Map<String, String> details) {
        var all = new java.util.HashMap<String, Object>(details);
        all.put("file", document.fileName());
        history.add(
                TenantContext.require(),
                new HistoryStore.Entry(
                        document.customerId(),
                        clock.instant(),
                        kind,
                        title,
                        all,
                        HistoryStore.actorName(),
                        "CustomerDocument",
                        document.id().toString()));
    }

    private CustomerDocument load(UUID customerId, UUID documentId) {
        return documents
                .findByIdAndCustomerId(documentId, customerId)
                .orElseThrow(() -> ProblemException.notFound("Document", documentId));
    }

    private static ProblemException tooLarge(long max) {
        return new ProblemException(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "file-too-large",
                        "File too large",
                        "Documents may be at most " + (max / (1024 * 1024)) + " MB")
                .with(
                        "errors",
                        List.of(new ProblemException.FieldError(
                                "file", "is larger than " + (max / (1024 * 1024)) + " MB")));
    }

    /** "application/x-msdownload; format=pe" → "application/x-msdownload". */
    static String baseType(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(String contentType) {
        return switch (contentType) {
            case "application/x-msdownload",
                    "application/x-dosexec",
                    "application/x-executable",
                    "application/x-elf",
                    "application/x-sharedlib",
                    "application/x-mach-o-executable" -> "a program (" + contentType + ")";
            case "application/octet-stream" -> "of an unknown type";
            default -> "of type " + contentType;
        };
    }
}
