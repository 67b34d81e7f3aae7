package io.moonknight.audit.web;

import io.moonknight.audit.AuditFilter;
import io.moonknight.audit.internal.AuditQueries;
import io.moonknight.shared.security.PlatformPermissions;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ConsoleList;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail pages: a tenant's (Administration) and the platform's (Platform). */
@Controller
class AuditConsoleController {

    private final AuditQueries queries;

    AuditConsoleController(AuditQueries queries) {
        this.queries = queries;
    }

    /**
     * The trail's filters, read leniently (a value the page does not understand shows everything): the dates are days
     * in the viewer's timezone, {@code to} included; the rest as in the API.
     */
    private static AuditFilter filter(ConsoleList list, ZoneId zone) {
        LocalDate from = list.date("from");
        LocalDate to = list.date("to");
        return new AuditFilter(
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                null,
                null,
                list.text("action", 100),
                list.text("targetType", 100),
                list.text("targetId", 100),
                list.text("q", 100));
    }

    private String trail(
            String base, AuditQueries.Scope scope, MultiValueMap<String, String> params, Model model, ZoneId zone) {
        var list = ConsoleList.of(base, params);
        var filter = filter(list, zone);
        model.addAttribute("base", base);
        return list.show(model, queries.search(scope, filter, list.pageable(50)), "audit/trail");
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String tenantTrail(@RequestParam MultiValueMap<String, String> params, Model model, ZoneId zone) {
        return trail("/audit", new AuditQueries.Scope.Tenant(TenantContext.require()), params, model, zone);
    }

    @GetMapping("/audit/export")
    @PreAuthorize("hasAuthority('audit:read')")
    void tenantExport(@RequestParam MultiValueMap<String, String> params, ZoneId zone, HttpServletResponse response)
            throws IOException {
        AuditApiController.writeCsv(
                response,
                new AuditQueries.Scope.Tenant(TenantContext.require()),
                filter(ConsoleList.of("/audit", params), zone),
                queries);
    }

    @GetMapping("/platform/audit")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    String platformTrail(@RequestParam MultiValueMap<String, String> params, Model model, ZoneId zone) {
        return trail("/platform/audit", new AuditQueries.Scope.Platform(), params, model, zone);
    }

    @GetMapping("/platform/audit/export")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    void platformExport(@RequestParam MultiValueMap<String, String> params, ZoneId zone, HttpServletResponse response)
            throws IOException {
        AuditApiController.writeCsv(
                response,
                new AuditQueries.Scope.Platform(),
                filter(ConsoleList.of("/platform/audit", params), zone),
                queries);
    }
}
