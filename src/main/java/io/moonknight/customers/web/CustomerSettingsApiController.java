package io.moonknight.customers.web;

import io.moonknight.customers.domain.AccountNumberFormat;
import io.moonknight.customers.domain.CustomFieldType;
import io.moonknight.customers.internal.CustomFieldService;
import io.moonknight.customers.internal.CustomFieldView;
import io.moonknight.customers.internal.CustomerSettings;
import io.moonknight.customers.internal.DocumentTypeService;
import io.moonknight.customers.internal.DocumentTypeView;
import io.moonknight.shared.web.Fields;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customer settings", description = "Account number format, custom fields and document types")
class CustomerSettingsApiController {

    private final CustomerSettings settings;
    private final CustomFieldService fields;
    private final DocumentTypeService documentTypes;

    CustomerSettingsApiController(
            CustomerSettings settings, CustomFieldService fields, DocumentTypeService documentTypes) {
        this.settings = settings;
        this.fields = fields;
        this.documentTypes = documentTypes;
    }

    record SettingsResponse(String accountNumberFormat, String example) {}

    record SettingsRequest(
            @Schema(example = "C-{seq:6}") @NotBlank @Size(max = 40)
            String accountNumberFormat) {}

    record FieldRequest(
            @Schema(example = "connection", description = "Only on create; never changes") @Nullable @Size(max = 40)
            String key,

            @Schema(example = "Connection") @NotBlank @Size(max = 60)
            String label,

            @Schema(example = "CHOICE") @NotNull CustomFieldType type,
            @Schema(example = "false") @Nullable Boolean required,

            @Schema(example = "[\"Fibre\",\"Wireless\"]") @Nullable @Size(max = 50)
            List<@NotNull @Size(max = 60) String> choices,

            @Schema(example = "0") @Nullable Integer position) {}

    record DocumentTypeRequest(
            @Schema(example = "tin-certificate", description = "Only on create") @Nullable @Size(max = 40)
            String code,

            @Schema(example = "TIN certificate") @NotBlank @Size(max = 80)
            String name,

            @Schema(example = "true") @Nullable Boolean active) {}

    @GetMapping("/api/v1/customer-settings")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "Customer settings")
    SettingsResponse get() {
        var format = settings.format();
        return new SettingsResponse(format.pattern(), format.format(123));
    }

    @PutMapping("/api/v1/customer-settings")
    @PreAuthorize("hasAuthority('customers:settings')")
    @Operation(summary = "Change the account number format", description = "Applies to customers created from now on")
    SettingsResponse update(@Valid @RequestBody SettingsRequest request) {
        var format = Fields.parse(
                "accountNumberFormat", request.accountNumberFormat().strip(), AccountNumberFormat::new);
        settings.changeFormat(format);
        return new SettingsResponse(format.pattern(), format.format(123));
    }

    @GetMapping("/api/v1/customer-fields")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "The tenant's custom customer fields")
    PageResponse<CustomFieldView> listFields(@ParameterObject Pageable pageable) {
        return PageResponse.of(fields.list(), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @PostMapping("/api/v1/customer-fields")
    @PreAuthorize("hasAuthority('customers:settings')")
    @Operation(summary = "Add a custom field")
    ResponseEntity<CustomFieldView> createField(@Valid @RequestBody FieldRequest request) {
        if (request.key() == null || request.key().isBlank()) {
            throw io.moonknight.shared.web.ProblemException.invalidField("key", "is required");
        }
        var field = fields.create(
                request.key(),
                request.label(),
                request.type(),
                Boolean.TRUE.equals(request.required()),
                Objects.requireNonNullElse(request.choices(), List.of()),
                Objects.requireNonNullElse(request.position(), 0));
        return ResponseEntity.created(URI.create("/api/v1/customer-fields/" + field.id()))
                .body(field);
    }

    @PutMapping("/api/v1/customer-fields/{id}")
    @PreAuthorize("hasAuthority('customers:settings')")
    @Operation(summary = "Change a custom field", description = "Its key stays")
    CustomFieldView updateField(@PathVariable UUID id, @Valid @RequestBody FieldRequest request) {
        return fields.update(
                id,
                request.label(),
                request.type(),
                Boolean.TRUE.equals(request.required()),
                Objects.requireNonNullElse(request.choices(), List.of()),
                Objects.requireNonNullElse(request.position(), 0));
    }

    @PostMapping("/api/v1/customer-fields/{id}/retire")
    @PreAuthorize("hasAuthority('customers:settings')")
    @Operation(summary = "Retire a custom field", description = "It leaves the forms; stored values stay")
    CustomFieldView retireField(@PathVariable UUID id) {
        return fields.retire(id);
    }

    @GetMapping("/api/v1/customer-document-types")
    @PreAuthorize("hasAuthority('customers:read')")
    @Operation(summary = "The kinds of identity document the tenant collects")
    PageResponse<DocumentTypeView> listDocumentTypes(@ParameterObject Pageable pageable) {
        return PageResponse.of(documentTypes.list(), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @PostMapping("/api/v1/customer-document-types")
    @PreAuthorize("hasAuthority('customers:settings')")
    @Operation(summary = "Add a document type")
    ResponseEntity<DocumentTypeView> createDocumentType(@Valid @RequestBody DocumentTypeRequest request) {
        if (request.code() == null || request.code().isBlank()) {
            throw io.moonknight.shared.web.ProblemException.invalidField("code", "is required");
        }
        var type = documentTypes.create(request.code(), request.name());
        return ResponseEntity.created(URI.create("/api/v1/customer-document-types/" + type.id()))
                .body(type);
    }

    @PutMapping("/api/v1/customer-document-types/{id}")
    @PreAuthorize("hasAuthority('customers:settings')")
    @Operation(summary = "Rename or retire a document type")
    DocumentTypeView updateDocumentType(@PathVariable UUID id, @Valid @RequestBody DocumentTypeRequest request) {
        return documentTypes.update(id, request.name(), !Boolean.FALSE.equals(request.active()));
    }
}
