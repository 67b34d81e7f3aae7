package io.moonknight.identity.web;

import io.moonknight.identity.internal.ApiKeyService;
import io.moonknight.identity.internal.ApiKeyView;
import io.moonknight.shared.security.Actor;
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
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Credentials for integrations: scoped, hashed at rest, revocable")
class ApiKeyApiController {

    private final ApiKeyService keys;

    ApiKeyApiController(ApiKeyService keys) {
        this.keys = keys;
    }

    record CreateKeyRequest(
            @Schema(example = "CRM sync") @NotBlank @Size(max = 80)
            String name,

            @Schema(example = "[\"users:read\"]") @NotNull @Size(max = 200)
            Set<@NotBlank @Size(max = 64) String> scopes,

            @Schema(example = "2030-01-01T00:00:00Z") @Nullable
            Instant expiresAt,

            @Schema(example = "600") @Nullable Integer requestsPerMinute) {}

    record CreatedKey(ApiKeyView key, String secret) {}

    @GetMapping
    @PreAuthorize("hasAuthority('api-keys:manage')")
    @Operation(
            summary = "List API keys",
            description = "Newest first, with status, scopes, last-used time and address; never secrets")
    PageResponse<ApiKeyView> list(@ParameterObject Pageable pageable) {
        var page = Paging.restrict(
                pageable, Map.of("name", "name", "createdAt", "createdAt"), Sort.by(Sort.Direction.DESC, "createdAt"));
        return PageResponse.of(keys.list(page));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('api-keys:manage')")
    @Operation(
            summary = "Create an API key",
            description =
                    "The secret (mk_live_…) is in this response only. Scopes are permissions and cannot exceed your"
                            + " own. Send the key as `Authorization: Bearer <key>` or `X-API-Key: <key>`.")
    ResponseEntity<CreatedKey> create(@AuthenticationPrincipal Actor me, @Valid @RequestBody CreateKeyRequest request) {
        var created =
                keys.create(me, request.name(), request.scopes(), request.expiresAt(), request.requestsPerMinute());
        return ResponseEntity.created(
                        URI.create("/api/v1/api-keys/" + created.key().id()))
                .body(new CreatedKey(created.key(), created.secret()));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('api-keys:manage')")
    @Operation(summary = "Get an API key")
    ApiKeyView get(@PathVariable UUID id) {
        return keys.get(id);
    }

    @PostMapping("/{id}/revoke")
    @PreAuthorize("hasAuthority('api-keys:manage')")
    @Operation(summary = "Revoke an API key", description = "It stops working within seconds everywhere")
    ApiKeyView revoke(@AuthenticationPrincipal Actor me, @PathVariable UUID id) {
        return keys.revoke(me, id);
    }
}
