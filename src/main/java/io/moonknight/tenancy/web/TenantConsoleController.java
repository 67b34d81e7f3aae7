package io.moonknight.tenancy.web;

import io.moonknight.shared.security.PlatformPermissions;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.FormValues;
import io.moonknight.tenancy.FirstAdmin;
import io.moonknight.tenancy.TenantSettings;
import io.moonknight.tenancy.TenantSlug;
import io.moonknight.tenancy.TenantStatus;
import io.moonknight.tenancy.TenantView;
import io.moonknight.tenancy.internal.TenantService;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
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

    private final ConsoleForm<TenantView> newTenantForm = ConsoleForm.<TenantView>of("tenancy/tenant-new", "tenant")
            .title(tenant -> "New tenant")
            .options(TenantConsoleController::timezones)
            .fieldNames(TenantConsoleController::adminField)
            .secrets("adminPassword");

    // The tenant's page holds two forms, its settings and its suspension; the one not sent comes from the record.
    private final ConsoleForm<TenantView> settingsForm = detailForm("form");
    private final ConsoleForm<TenantView> suspensionForm = detailForm("suspension");

    private final ConsoleForm<TenantView> ownSettingsForm = ConsoleForm.<TenantView>of("tenancy/settings", "tenant")
            .title(tenant -> "ISP settings")
            .options(TenantConsoleController::timezones);

    TenantConsoleController(TenantService tenants) {
        this.tenants = tenants;
    }

    @GetMapping("/platform/tenants")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_READ + "')")
    String list(@RequestParam MultiValueMap<String, String> params, Model model) {
        var list = ConsoleList.of("/platform/tenants", params);
        TenantStatus status = list.choice("status", TenantStatus.class);
        model.addAttribute("statuses", TenantStatus.values());
        return list.show(
                model,
                tenants.search(
                        list.text("q", 100),
                        status,
                        list.pageable(25, Sort.by("createdAt").descending())),
                "tenancy/tenants");
    }

    @GetMapping("/platform/tenants/new")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String newTenant(Model model) {
        var defaults = FormValues.empty()
                .put("timezone", TenantRequests.DEFAULT_TIMEZONE)
                .put("currency", TenantRequests.DEFAULT_CURRENCY)
                .put("locale", TenantRequests.DEFAULT_LOCALE)
                .put("adminUsername", "admin");
        return newTenantForm.show(defaults, null, model);
    }

    @PostMapping("/platform/tenants/new")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return newTenantForm.submit(params, null, model, redirect, form -> {
            TenantSlug slug = form.parsed("slug", TenantSlug::parse);
            TenantSettings settings = settings(form);
            TenantView tenant = tenants.create(
                    Objects.requireNonNull(slug),
                    settings,
                    new FirstAdmin(
                            form.get("adminUsername"),
                            form.get("adminEmail"),
                            form.get("adminFullName"),
                            form.get("adminPassword")));
            return new FormValues.Saved(
                    "Tenant " + tenant.slug() + " created with its admin " + form.string("adminUsername") + ".",
                    "/platform/tenants/" + tenant.id());
        });
    }

    @GetMapping("/platform/tenants/{id}")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_READ + "')")
    String show(@PathVariable UUID id, Model model) {
        return settingsForm.edit(tenants.get(id), model);
    }

    @PostMapping("/platform/tenants/{id}")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return settingsForm.submit(params, tenants.get(id), model, redirect, form -> {
            tenants.changeSettings(id, settings(form));
            return new FormValues.Saved("Settings saved.", "/platform/tenants/" + id);
        });
    }

    @PostMapping("/platform/tenants/{id}/suspend")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String suspend(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return suspensionForm.submit(params, tenants.get(id), model, redirect, form -> {
            tenants.suspend(id, form.get("reason"));
            return new FormValues.Saved(
                    "Tenant suspended; its users can no longer sign in.", "/platform/tenants/" + id);
        });
    }

    @PostMapping("/platform/tenants/{id}/activate")
    @PreAuthorize("hasAuthority('" + PlatformPermissions.TENANTS_MANAGE + "')")
    String activate(@PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/platform/tenants/" + id, () -> {
            tenants.reactivate(id);
            return "Tenant reactivated.";
        });
    }

    @GetMapping("/settings/tenant")
    @PreAuthorize("hasAuthority('tenant:settings')")
    String ownSettings(Model model) {
        return ownSettingsForm.edit(tenants.get(TenantContext.require()), model);
    }

    @PostMapping("/settings/tenant")
    @PreAuthorize("hasAuthority('tenant:settings')")
    String saveOwnSettings(
            @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        UUID own = TenantContext.require();
        return ownSettingsForm.submit(params, tenants.get(own), model, redirect, form -> {
            tenants.changeSettings(own, settings(form));
            return new FormValues.Saved("Settings saved.", "/settings/tenant");
        });
    }

    /** The settings as typed, every field checked before the 400 (the rules of {@link TenantSettings}). */
    private static TenantSettings settings(FormValues form) {
        String name = form.parsed("name", TenantSettings::name);
        ZoneId timezone = form.parsed("timezone", TenantSettings::zone);
        Currency currency = form.parsed("currency", TenantSettings::currency);
        Locale locale = form.parsed("locale", TenantSettings::locale);
        form.check();
        return new TenantSettings(
                Objects.requireNonNull(name),
                Objects.requireNonNull(timezone),
                Objects.requireNonNull(currency),
                Objects.requireNonNull(locale));
    }

    private ConsoleForm<TenantView> detailForm(String name) {
        return ConsoleForm.<TenantView>of("tenancy/tenant", "tenant")
                .named(name)
                .title(tenant -> tenant == null ? "" : tenant.name())
                .options(TenantConsoleController::detailOptions);
    }

    private static void detailOptions(Model model, @Nullable TenantView tenant) {
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", FormValues.from(Objects.requireNonNull(tenant)));
        }
        if (!model.containsAttribute("suspension")) {
            model.addAttribute("suspension", FormValues.empty());
        }
        timezones(model, tenant);
    }

    private static void timezones(Model model, @Nullable TenantView tenant) {
        model.addAttribute("timezones", TIMEZONES);
    }

    /** The first admin's fields as the use case names them ({@code admin.email}) to the form's inputs. */
    private static String adminField(String field) {
        return switch (field) {
            case "admin.username" -> "adminUsername";
            case "admin.email" -> "adminEmail";
            case "admin.fullName" -> "adminFullName";
            case "admin.password" -> "adminPassword";
            default -> field;
        };
    }
}
