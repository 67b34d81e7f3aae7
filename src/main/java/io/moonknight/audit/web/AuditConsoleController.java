package io.moonknight.audit.web;

import io.moonknight.audit.AuditFilter;
import io.moonknight.audit.internal.AuditQueries;
import io.moonknight.shared.security.PlatformPermissions;
import io.moonknight.shared.tenant.TenantContext;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit trail pages: a tenant's (Administration) and the platform's (Platform). */
@Controller
class AuditConsoleController {

    private final AuditQueries queries;

    AuditConsoleController(AuditQueries queries) {
        this.queries = queries;
    }

    /** Filter form: dates are days in the viewer's timezone; the rest as in the API. */
    static class FilterForm {
        private @Nullable LocalDate from;
        private @Nullable LocalDate to;
        private String action = "";
        private String targetType = "";
        private String targetId = "";
        private String q = "";

        public @Nullable LocalDate getFrom() {
            return from;
        }

        public void setFrom(@Nullable LocalDate from) {
            this.from = from;
        }

        public @Nullable LocalDate getTo() {
            return to;
        }

        public void setTo(@Nullable LocalDate to) {
            this.to = to;
        }

        public String getAction() {
            return action;
        }

        public void setAction(String action) {
            this.action = cap(action);
        }

        public String getTargetType() {
            return targetType;
        }

        public void setTargetType(String targetType) {
            this.targetType = cap(targetType);
        }

        public String getTargetId() {
            return targetId;
        }

        public void setTargetId(String targetId) {
            this.targetId = cap(targetId);
        }

        public String getQ() {
            return q;
        }

        public void setQ(String q) {
            this.q = cap(q);
        }

        AuditFilter toFilter(ZoneId zone) {
            Instant start = from == null ? null : from.atStartOfDay(zone).toInstant();
            Instant end = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
            return new AuditFilter(start, end, null, null, action, targetType, targetId, q);
        }

        String query() {
            return "from=" + (from == null ? "" : from) + "&to=" + (to == null ? "" : to) + "&action=" + enc(action)
                    + "&targetType=" + enc(targetType) + "&targetId=" + enc(targetId) + "&q=" + enc(q);
        }

        private static String enc(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }

        private static String cap(@Nullable String value) {
            String v = value == null ? "" : value.strip();
            return v.length() > 100 ? v.substring(0, 100) : v;
        }
    }

    @GetMapping("/audit")
    @PreAuthorize("hasAuthority('audit:read')")
    String tenantTrail(
            @ModelAttribute("filter") FilterForm filter,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            ZoneId zone) {
        var scope = new AuditQueries.Scope.Tenant(TenantContext.require());
        model.addAttribute("page", queries.search(scope, filter.toFilter(zone), PageRequest.of(Math.max(page, 0), 50)));
        model.addAttribute("base", "/audit");
        model.addAttribute("query", filter.query());
        return "audit/trail";
    }

    @GetMapping("/audit/export")
    @PreAuthorize("hasAuthority('audit:read')")
    void tenantExport(@ModelAttribute("filter") FilterForm filter, ZoneId zone, HttpServletResponse response)
            throws IOException {
        AuditApiController.writeCsv(
                response, new AuditQueries.Scope.Tenant(TenantContext.require()), filter.toFilter(zone), queries);
    }

    @GetMapping("/platform/audit")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    String platformTrail(
            @ModelAttribute("filter") FilterForm filter,
            @RequestParam(defaultValue = "0") int page,
            Model model,
            ZoneId zone) {
        model.addAttribute(
                "page",
                queries.search(
                        new AuditQueries.Scope.Platform(),
                        filter.toFilter(zone),
                        PageRequest.of(Math.max(page, 0), 50)));
        model.addAttribute("base", "/platform/audit");
        model.addAttribute("query", filter.query());
        return "audit/trail";
    }

    @GetMapping("/platform/audit/export")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.AUDIT_READ + "')")
    void platformExport(@ModelAttribute("filter") FilterForm filter, ZoneId zone, HttpServletResponse response)
            throws IOException {
        AuditApiController.writeCsv(response, new AuditQueries.Scope.Platform(), filter.toFilter(zone), queries);
    }
}
