package io.moonknight.customers.web;

import io.moonknight.customers.internal.ImportService;
import io.moonknight.customers.internal.ImportView;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/customers/imports")
@Tag(name = "Customer imports", description = "CSV import from an ISP's previous system")
class CustomerImportApiController {

    private final ImportService imports;

    CustomerImportApiController(ImportService imports) {
        this.imports = imports;
    }

    record StartRequest(
            @Schema(example = "{\"Customer ID\":\"ACCOUNT_NUMBER\",\"Name\":\"FULL_NAME\",\"Mobile\":\"PHONE\"}")
            @NotNull
            @Size(max = 200)
            Map<String, String> mapping) {}

    @GetMapping
    @PreAuthorize("hasAuthority('customers:import')")
    @Operation(summary = "Recent imports")
    PageResponse<ImportView> recent(@ParameterObject Pageable pageable) {
        return PageResponse.of(imports.recent(), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAuthority('customers:import')")
    @Operation(
            summary = "Upload a CSV file",
            description = "multipart/form-data with `file`. The first line names the columns. The answer previews a few"
                    + " rows, suggests a mapping of columns to customer fields, and lists every possible target.")
    ResponseEntity<ImportService.Preview> upload(
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.invalidField("file", "attach the CSV file as the multipart part 'file'");
        }
        try (var content = file.getInputStream()) {
            var preview = imports.upload(String.valueOf(file.getOriginalFilename()), content);
            return ResponseEntity.created(URI.create(
                            "/api/v1/customers/imports/" + preview.job().id()))
                    .body(preview);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:import')")
    @Operation(summary = "An import's state and progress")
    ImportView get(@PathVariable UUID id) {
        return imports.get(id);
    }

    @GetMapping("/{id}/preview")
    @PreAuthorize("hasAuthority('customers:import')")
    @Operation(summary = "An import's preview and suggested mapping")
    ImportService.Preview preview(@PathVariable UUID id) {
        return imports.preview(id);
    }

    @PostMapping("/{id}/start")
    @PreAuthorize("hasAuthority('customers:import')")
    @Operation(
            summary = "Start an import",
            description = "With the mapping of columns to targets (an ACCOUNT_NUMBER column is required). Runs in the"
                    + " background; poll the import for progress.")
    ResponseEntity<ImportView> start(@PathVariable UUID id, @Valid @RequestBody StartRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(imports.start(id, request.mapping()));
    }

    @GetMapping(value = "/{id}/rejected", produces = "text/csv")
    @PreAuthorize("hasAuthority('customers:import')")
    @Operation(summary = "Download the rejected rows with their reasons, as CSV")
    ResponseEntity<InputStreamResource> rejected(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-rows.csv\"")
                .body(new InputStreamResource(imports.rejectedRows(id)));
    }
}
