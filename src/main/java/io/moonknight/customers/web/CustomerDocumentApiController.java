package io.moonknight.customers.web;

import io.moonknight.customers.internal.CustomerService;
import io.moonknight.customers.internal.DocumentService;
import io.moonknight.customers.internal.DocumentView;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/customers/{customerId}/documents")
@Tag(name = "Customer documents", description = "KYC / identity documents and their review")
class CustomerDocumentApiController {

    private final DocumentService documents;
    private final CustomerService customers;

    CustomerDocumentApiController(DocumentService documents, CustomerService customers) {
        this.documents = documents;
        this.customers = customers;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "List a customer's documents", description = "Removed ones included, marked")
    PageResponse<DocumentView> list(@PathVariable UUID customerId, @ParameterObject Pageable pageable) {
        return PageResponse.of(documents.list(customerId), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('customer-documents:write')")
    @Operation(
            summary = "Upload a document",
            description =
                    "multipart/form-data with `file` and `type` (a document type code). The content type is detected"
                            + " from the bytes: PDF and common image formats are accepted, up to 10 MB by default.")
    ResponseEntity<DocumentView> upload(
            @PathVariable UUID customerId,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @RequestPart(name = "type", required = false) @Nullable String type,
            @AuthenticationPrincipal Actor me) {
        customers.requireExists(customerId);
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "attach the document as the multipart part 'file'");
        }
        if (type == null || type.isBlank() || type.length() > 40) {
            throw ProblemException.invalidField("type", "give the document type code, e.g. national-id");
        }
        try (var content = file.getInputStream()) {
            var document = documents.upload(
                    customerId,
                    type.strip(),
                    String.valueOf(file.getOriginalFilename()),
                    file.getSize(),
                    content,
                    me.displayName());
            return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/documents/" + document.id()))
                    .body(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{documentId}")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "A document's details")
    DocumentView get(@PathVariable UUID customerId, @PathVariable UUID documentId) {
        return documents.get(customerId, documentId);
    }

    @GetMapping("/{documentId}/content")
    @PreAuthorize("hasAuthority('customer-documents:read')")
    @Operation(summary = "Download a document", description = "Every download is recorded in the audit trail")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID customerId, @PathVariable UUID documentId) {
        var content = documents.download(customerId, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .contentLength(content.document().sizeBytes())
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(content.document().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(new InputStreamResource(content.bytes()));
    }

    @PostMapping("/{documentId}/verify")
    @PreAuthorize("hasAuthority('customer-documents:review')")
    @Operation(summary = "Verify a pending document")
    DocumentView verify(
            @PathVariable UUID customerId, @PathVariable UUID documentId, @AuthenticationPrincipal Actor me) {
        return documents.verify(customerId, documentId, me.displayName());
    }

    @PostMapping("/{documentId}/reject")
    @PreAuthorize("hasAuthority('customer-documents:review')")
    @Operation(summary = "Reject a pending document, saying why")
    DocumentView reject(
            @PathVariable UUID customerId,
            @PathVariable UUID documentId,
            @Valid @RequestBody CustomerRequests.ReasonRequest request,
            @AuthenticationPrincipal Actor me) {
        return documents.reject(
                customerId, documentId, me.displayName(), request.reason().strip());
    }

    @PostMapping("/{documentId}/remove")
    @PreAuthorize("hasAuthority('customer-documents:write')")
    @Operation(
            summary = "Remove a document",
            description = "Soft: it is hidden from the profile, kept for the record, audited")
    DocumentView remove(
            @PathVariable UUID customerId,
            @PathVariable UUID documentId,
            @Valid @RequestBody CustomerRequests.ReasonRequest request,
            @AuthenticationPrincipal Actor me) {
        return documents.remove(
                customerId, documentId, me.displayName(), request.reason().strip());
    }
}
