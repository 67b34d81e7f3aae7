package io.moonknight.network.web;

import io.moonknight.network.IpAllocationView;
import io.moonknight.network.internal.IpAllocator;
import io.moonknight.network.internal.IpConflictView;
import io.moonknight.network.internal.IpPoolService;
import io.moonknight.network.internal.IpPoolView;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.moonknight.shared.web.ProblemException;
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
@RequestMapping("/api/v1/ip-pools")
@Tag(name = "IP pools", description = "IPv4 and IPv6 pools, their utilisation and allocations")
class IpPoolApiController {

    private final IpPoolService pools;
    private final IpAllocator allocator;

    private static final Map<String, String> SORTABLE = Map.of("name", "name", "createdAt", "createdAt");

    IpPoolApiController(IpPoolService pools, IpAllocator allocator) {
        this.pools = pools;
        this.allocator = allocator;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(summary = "List IP pools", description = "With utilisation and alert state; by name")
    PageResponse<IpPoolView> list(@ParameterObject Pageable pageable) {
        return PageResponse.of(pools.list(Paging.restrict(pageable, SORTABLE, Sort.by("name"))));
    }

    @PostMapping
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(
            summary = "Create an IP pool",
            description = "Pools of a tenant must not overlap. IPv6 pools of any size work: addresses are never"
                    + " materialised.")
    ResponseEntity<IpPoolView> create(@Valid @RequestBody NetworkRequests.PoolRequest request) {
        var pool = pools.create(request.draft());
        return ResponseEntity.created(URI.create("/api/v1/ip-pools/" + pool.id()))
                .body(pool);
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(summary = "Get an IP pool")
    IpPoolView get(@PathVariable UUID id) {
        return pools.get(id);
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(
            summary = "Change an IP pool",
            description = "The prefix and assignment length change only while nothing is allocated; excluded ranges"
                    + " and the gateway cannot cover allocated addresses")
    IpPoolView update(@PathVariable UUID id, @Valid @RequestBody NetworkRequests.PoolRequest request) {
        return pools.update(id, request.draft());
    }

    @DeleteMapping("/{id}")
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(summary = "Delete an IP pool", description = "Only when nothing is allocated and no plan uses it")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        pools.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/allocations")
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(summary = "A pool's allocations", description = "In address order; `q` matches the start of the address")
    PageResponse<IpAllocationView> allocations(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable @Size(max = 60) String q,
            @ParameterObject Pageable pageable) {
        pools.get(id);
        var page = Paging.restrict(pageable, Map.of(), Sort.unsorted());
        return PageResponse.of(allocator.allocations(id, q, page));
    }

    @GetMapping("/{id}/conflicts")
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(
            summary = "A pool's address conflicts",
            description = "Addresses a NAS reports in use by one subscription while they are allocated to another"
                    + " holder, most recently seen first; each goes away when that allocation is released or the"
                    + " reporting subscription's sessions end")
    PageResponse<IpConflictView> conflicts(@PathVariable UUID id, @ParameterObject Pageable pageable) {
        pools.get(id);
        return PageResponse.of(allocator.conflicts(id), Paging.restrict(pageable, Map.of(), Sort.unsorted()));
    }

    @PostMapping("/{id}/allocations")
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(
            summary = "Allocate an address",
            description = "A named address or prefix, or the lowest free one. 409 `address-taken` when it is in use,"
                    + " 409 `pool-exhausted` when nothing is free. Never hands out an address twice, however many"
                    + " requests race. A `holderId` must name a holder of the `holderType` in this tenant (e.g. a"
                    + " subscription), else 400 naming `holderId`; `Lease` holders are RADIUS's.")
    ResponseEntity<IpAllocationView> allocate(
            @PathVariable UUID id, @Valid @RequestBody NetworkRequests.AllocationRequest request) {
        var allocation = allocator.allocateForStaff(
                id, request.address(), request.holderType(), request.holderId(), request.note());
        return ResponseEntity.created(URI.create("/api/v1/ip-pools/" + id + "/allocations/" + allocation.id()))
                .body(allocation);
    }

    @GetMapping("/{id}/allocations/{allocationId}")
    @PreAuthorize("hasAuthority('network:read')")
    @Operation(summary = "Get an allocation")
    IpAllocationView allocation(@PathVariable UUID id, @PathVariable UUID allocationId) {
        return allocator
                .allocation(allocationId)
                .filter(a -> a.poolId().equals(id))
                .orElseThrow(() -> ProblemException.notFound("Allocation", allocationId));
    }

    @DeleteMapping("/{id}/allocations/{allocationId}")
    @PreAuthorize("hasAuthority('network:write')")
    @Operation(
            summary = "Release an allocation",
            description = "Addresses held by a subscription are released by changing or terminating it instead")
    ResponseEntity<Void> release(@PathVariable UUID id, @PathVariable UUID allocationId) {
        var allocation = allocation(id, allocationId);
        if ("Subscription".equals(allocation.holderType())) {
            throw ProblemException.conflict(
                    "allocation-held",
                    allocation.address() + " belongs to a subscription; change or terminate the subscription to"
                            + " release it");
        }
        allocator.release(id, allocationId);
        return ResponseEntity.noContent().build();
    }
}
