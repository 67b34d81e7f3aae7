package io.moonknight.tenancy.web;

import io.moonknight.shared.security.PlatformPermissions;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ConsoleForms;
import io.moonknight.shared.web.Fields;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.tenancy.FirstAdmin;
import io.moonknight.tenancy.TenantSlug;
import io.moonknight.tenancy.TenantStatus;
import io.moonknight.tenancy.TenantView;
import io.moonknight.tenancy.internal.TenantService;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform operator's tenant pages, and a tenant admin's own settings page. */
@Controller
class TenantConsoleController {

    static final List<String> TIMEZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(zone -> zone.contains("/") && !zone.startsWith("Etc") && !zone.startsWith("SystemV"))
            .sorted()
            .toList();

    private final TenantService tenants;

    TenantConsoleController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/platform/tenants")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_READ + "')")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable TenantStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String query = q == null ? "" : q.strip();
        model.addAttribute("q", query);
        model.addAttribute("status", status);
        model.addAttribute("statuses", TenantStatus.values());
        model.addAttribute(
                "page",
                tenants.search(
                        query,
                        status,
                        PageRequest.of(
                                Math.max(page, 0), 25, Sort.by("createdAt").descending())));
        return "tenancy/tenants";
    }

    @GetMapping("/platform/tenants/new")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String newTenant(Model model) {
        model.addAttribute("form", new TenantForms.NewTenant());
        model.addAttribute("timezones", TIMEZONES);
        return "tenancy/tenant-new";
    }

    @PostMapping("/platform/tenants/new")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String create(
            @Valid @ModelAttribute("form") TenantForms.NewTenant form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                TenantView tenant = tenants.create(
                        Fields.parse("slug", form.getSlug(), TenantSlug::parse),
                        TenantRequests.settings(
                                form.getName(), form.getTimezone(), form.getCurrency(), form.getLocale()),
                        new FirstAdmin(
                                form.getAdminUsername(),
                                form.getAdminEmail(),
                                form.getAdminFullName(),
                                form.getAdminPassword()));
                redirect.addFlashAttribute(
                        "flash",
                        "Tenant " + tenant.slug() + " created with its admin " + form.getAdminUsername() + ".");
                return "redirect:/platform/tenants/" + tenant.id();
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
                problem.fieldErrors().stream()
                        .filter(error -> error.field().startsWith("admin."))
                        .forEach(error -> rejectAdminField(result, error));
            }
        }
        form.setAdminPassword("");
        model.addAttribute("timezones", TIMEZONES);
        return "tenancy/tenant-new";
    }

    @GetMapping("/platform/tenants/{id}")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_READ + "')")
    String show(@PathVariable UUID id, Model model) {
        TenantView tenant = tenants.get(id);
        return detail(tenant, settingsOf(tenant), new TenantForms.Suspension(), model);
    }

    @PostMapping("/platform/tenants/{id}")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String update(
            @PathVariable UUID id,
            @Valid @ModelAttribute("form") TenantForms.Settings form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                tenants.changeSettings(
                        id,
                        TenantRequests.settings(
                                form.getName(), form.getTimezone(), form.getCurrency(), form.getLocale()));
                redirect.addFlashAttribute("flash", "Settings saved.");
                return "redirect:/platform/tenants/" + id;
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        return detail(tenants.get(id), form, new TenantForms.Suspension(), model);
    }

    @PostMapping("/platform/tenants/{id}/suspend")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String suspend(
            @PathVariable UUID id,
            @Valid @ModelAttribute("suspension") TenantForms.Suspension form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                tenants.suspend(id, form.getReason().strip());
                redirect.addFlashAttribute("flash", "Tenant suspended; its users can no longer sign in.");
                return "redirect:/platform/tenants/" + id;
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        TenantView tenant = tenants.get(id);
        return detail(tenant, settingsOf(tenant), form, model);
    }

    @PostMapping("/platform/tenants/{id}/activate")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            tenants.reactivate(id);
            redirect.addFlashAttribute("flash", "Tenant reactivated.");
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", problem.detail());
        }
        return "redirect:/platform/tenants/" + id;
    }

    @GetMapping("/settings/tenant")
    @PreAuthorize("hasAuthority('tenant:settings')")
    String ownSettings(Model model) {
        TenantView tenant = tenants.get(TenantContext.require());
        model.addAttribute("tenant", tenant);
        model.addAttribute("form", settingsOf(tenant));
        model.addAttribute("timezones", TIMEZONES);
        return "tenancy/settings";
    }

    @PostMapping("/settings/tenant")
    @PreAuthorize("hasAuthority('tenant:settings')")
    String saveOwnSettings(
            @Valid @ModelAttribute("form") TenantForms.Settings form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        if (!result.hasErrors()) {
            try {
                tenants.changeSettings(
                        TenantContext.require(),
                        TenantRequests.settings(
                                form.getName(), form.getTimezone(), form.getCurrency(), form.getLocale()));
                redirect.addFlashAttribute("flash", "Settings saved.");
                return "redirect:/settings/tenant";
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        model.addAttribute("tenant", tenants.get(TenantContext.require()));
        model.addAttribute("timezones", TIMEZONES);
        return "tenancy/settings";
    }

    private String detail(
            TenantView tenant, TenantForms.Settings form, TenantForms.Suspension suspension, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("form", form);
        model.addAttribute("suspension", suspension);
        model.addAttribute("timezones", TIMEZONES);
        return "tenancy/tenant";
    }

    private static TenantForms.Settings settingsOf(TenantView tenant) {
        var form = new TenantForms.Settings();
        form.setName(tenant.name());
        form.setTimezone(tenant.timezone());
        form.setCurrency(tenant.currency());
        form.setLocale(tenant.locale());
        return form;
    }

    private static void rejectAdminField(BindingResult result, ProblemException.FieldError error) {
        String field = switch (error.field()) {
            case "admin.username" -> "adminUsername";
            case "admin.email" -> "adminEmail";
            case "admin.fullName" -> "adminFullName";
            default -> "adminPassword";
        };
        result.rejectValue(field, "invalid", error.message());
    }
}
