package io.moonknight.network.web;

import io.moonknight.network.internal.NasService;
import io.moonknight.network.internal.NasView;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/nas")
@Tag(name = "NAS", description = "Routers and access servers that authenticate subscribers with RADIUS")
class NasApiController {

    private final NasService nas;

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "createdAt");

    NasApiController(NasService nas) {
        this.nas = nas;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(
            summary = "List NAS",
            description = "By name. Secrets are never returned; `secretSet` says one is stored")
    PageResponse<NasView> list(@ParameterObject Pageable pageable) {
        return PageResponse.of(nas.list(Paging.restrict(pageable, SORTABLE, Sort.by("name"))));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('nas:manage')")
    @Operation(
            summary = "Register a NAS",
            description = "The shared secret and API password are encrypted at rest and never shown again")
    ResponseEntity<NasView> create(@Valid @RequestBody NetworkRequests.NasRequest request) {
        var created = nas.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/nas/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(summary = "Get a NAS")
    NasView get(@PathVariable UUID id) {
        return nas.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('nas:manage')")
    @Operation(
            summary = "Change a NAS",
            description = "Leave `secret` and `apiPassword` out to keep them; an empty `apiPassword` removes it")
    NasView update(@PathVariable UUID id, @Valid @RequestBody NetworkRequests.NasRequest request) {
        return nas.update(id, request.draft());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('nas:manage')")
    @Operation(summary = "Delete a NAS", description = "Only when no live subscription uses it; disable it otherwise")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        nas.delete(id);
        return ResponseEntity.noContent().build();
    }
}
