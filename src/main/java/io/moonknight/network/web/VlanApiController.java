package io.moonknight.network.web;

import io.moonknight.network.VlanScopeType;
import io.moonknight.network.internal.VlanService;
import io.moonknight.network.internal.VlanView;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vlans")
@Tag(name = "VLANs", description = "802.1Q and QinQ VLANs per area, OLT or switch")
class VlanApiController {

    private final VlanService vlans;

    VlanApiController(VlanService vlans) {
        this.vlans = vlans;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(summary = "List VLANs", description = "By scope and id; `q` matches name, scope or an exact VLAN id")
    PageResponse<VlanView> list(
            @RequestParam(required = false) @Nullable VlanScopeType scopeType,
            @RequestParam(required = false) @Nullable @Size(max = 80) String q,
            @ParameterObject Pageable pageable) {
        return PageResponse.of(vlans.list(scopeType, q, Paging.restrict(pageable, Map.of(), Sort.unsorted())));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(
            summary = "Create a VLAN",
            description = "409 `vlan-taken` when the id (or S-VLAN.C-VLAN pair) already exists in the scope")
    ResponseEntity<VlanView> create(@Valid @RequestBody NetworkRequests.VlanRequest request) {
        var vlan = vlans.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/vlans/" + vlan.id())).body(vlan);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(summary = "Get a VLAN")
    VlanView get(@PathVariable UUID id) {
        return vlans.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(summary = "Change a VLAN")
    VlanView update(@PathVariable UUID id, @Valid @RequestBody NetworkRequests.VlanRequest request) {
        return vlans.update(id, request.draft());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(summary = "Delete a VLAN", description = "Only when no live subscription uses it")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        vlans.delete(id);
        return ResponseEntity.noContent().build();
    }
}
