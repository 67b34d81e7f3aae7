package io.moonknight.audit.web;

import io.moonknight.audit.AuditEventView;
import io.moonknight.audit.AuditFilter;
import io.moonknight.audit.internal.AuditCsv;
import io.moonknight.audit.internal.AuditQueries;
import io.moonknight.shared.security.PlatformPermissions;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.PageResponse;
import io.moonknight.shared.web.Paging;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit trail", description = "Who changed what, when and from where; append-only")
class AuditApiController {

    private final AuditQueries queries;

    AuditApiController(AuditQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/audit-events")
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(summary = "Search the tenant's audit trail", description = "Newest first; `action` matches a prefix")
    PageResponse<AuditEventView> list(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Nullable @Size(max = 20) String actorType,
            @RequestParam(required = false) @Nullable @Size(max = 100) String action,
            @RequestParam(required = false) @Nullable @Size(max = 100) String targetType,
            @RequestParam(required = false) @Nullable @Size(max = 100) String targetId,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @ParameterObject Pageable pageable) {
        var filter = new AuditFilter(from, to, actorId, actorType, action, targetType, targetId, q);
        var page = Paging.restrict(
                pageable,
                Map.of("occurredAt", "occurredAt"),
                Sort.by("occurredAt").descending());
        return PageResponse.of(queries.search(new AuditQueries.Scope.Tenant(TenantContext.require()), filter, page));
    }

    @GetMapping(value = "/api/v1/audit-events/export", produces = "text/csv")
    @PreAuthorize("hasAuthority('audit:read')")
    @Operation(
            summary = "Export the tenant's audit trail as CSV",
            description = "Same filters as the search; at most 100,000 rows")
    void export(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable UUID actorId,
            @RequestParam(required = false) @Nullable @Size(max = 20) String actorType,
            @RequestParam(required = false) @Nullable @Size(max = 100) String action,
            @RequestParam(required = false) @Nullable @Size(max = 100) String targetType,
            @RequestParam(required = false) @Nullable @Size(max = 100) String targetId,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            HttpServletResponse response)
            throws IOException {
        var filter = new AuditFilter(from, to, actorId, actorType, action, targetType, targetId, q);
        writeCsv(response, new AuditQueries.Scope.Tenant(TenantContext.require()), filter, queries);
    }

    @GetMapping("/api/v1/platform/audit-events")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    @Operation(
            summary = "Search the platform's audit trail",
            description = "Operators' actions and platform-level events")
    PageResponse<AuditEventView> platform(
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable @Size(max = 100) String action,
            @RequestParam(required = false) @Nullable @Size(max = 100) String q,
            @ParameterObject Pageable pageable) {
        var filter = new AuditFilter(from, to, null, null, action, null, null, q);
        var page = Paging.restrict(
                pageable,
                Map.of("occurredAt", "occurredAt"),
                Sort.by("occurredAt").descending());
        return PageResponse.of(queries.search(new AuditQueries.Scope.Platform(), filter, page));
    }

    static void writeCsv(
            HttpServletResponse response, AuditQueries.Scope scope, AuditFilter filter, AuditQueries queries)
            throws IOException {
        response.setContentType("text/csv");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-trail.csv\"");
        AuditCsv.write(queries, scope, filter, response.getWriter());
    }
}
