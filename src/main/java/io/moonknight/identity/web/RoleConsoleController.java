package io.moonknight.identity.web;

import io.moonknight.identity.internal.PermissionCatalog;
import io.moonknight.identity.internal.RoleService;
import io.moonknight.identity.internal.RoleView;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.FormValues;
import java.util.HashSet;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/roles")
@PreAuthorize("hasAuthority('roles:manage')")
class RoleConsoleController {

    private final RoleService roles;
    private final PermissionCatalog catalog;

    private final ConsoleForm<RoleView> roleForm = ConsoleForm.<RoleView>of("identity/role-form", "role")
            .title(role -> role == null ? "New role" : role.name())
            .options(this::permissionGroups);

    RoleConsoleController(RoleService roles, PermissionCatalog catalog) {
        this.roles = roles;
        this.catalog = catalog;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("roles", roles.list());
        return "identity/roles";
    }

    @GetMapping("/new")
    String newRole(Model model) {
        return roleForm.show(FormValues.empty(), null, model);
    }

    @PostMapping("/new")
    String create(
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return roleForm.submit(params, null, model, redirect, form -> {
            RoleView role = roles.create(
                    me, form.get("name"), form.text("description"), new HashSet<>(form.list("permissions")));
            return new FormValues.Saved("Role " + role.name() + " created.", "/roles");
        });
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return roleForm.edit(roles.get(id), model);
    }

    @PostMapping("/{id}")
    String update(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return roleForm.submit(params, roles.get(id), model, redirect, form -> {
            RoleView role = roles.update(
                    me, id, form.get("name"), form.text("description"), new HashSet<>(form.list("permissions")));
            return new FormValues.Saved("Role " + role.name() + " saved.", "/roles");
        });
    }

    @PostMapping("/{id}/two-factor")
    String requireTwoFactor(
            @AuthenticationPrincipal Actor me,
            @PathVariable UUID id,
            @RequestParam boolean required,
            RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/roles/" + id, () -> {
            RoleView role = roles.requireTwoFactor(me, id, required);
            return required
                    ? "Users with the role " + role.name() + " must now use two-factor authentication."
                    : "Two-factor is no longer required for " + role.name() + ".";
        });
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        RoleView role = roles.get(id);
        return ConsoleForm.act(redirect, "/roles", () -> {
            roles.delete(me, id);
            return "Role " + role.name() + " deleted.";
        });
    }

    private void permissionGroups(Model model, @org.jspecify.annotations.Nullable RoleView role) {
        model.addAttribute("groups", catalog.groups());
    }
}
