package io.moonknight.identity.web;

import io.moonknight.identity.internal.ApiKeyService;
import io.moonknight.identity.internal.PermissionCatalog;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForms;
import io.moonknight.shared.web.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/settings/api-keys")
@PreAuthorize("hasAuthority('api-keys:manage')")
class ApiKeyConsoleController {

    private final ApiKeyService keys;
    private final PermissionCatalog catalog;

    ApiKeyConsoleController(ApiKeyService keys, PermissionCatalog catalog) {
        this.keys = keys;
        this.catalog = catalog;
    }

    static class KeyForm {
        @NotBlank(message = "Name the key after the integration that uses it")
        @Size(max = 80)
        private String name = "";

        private List<String> scopes = new ArrayList<>();
        private @Nullable LocalDate expiresOn;
        private @Nullable Integer requestsPerMinute;

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public List<String> getScopes() {
            return scopes;
        }

        public void setScopes(List<String> scopes) {
            this.scopes = scopes;
        }

        public @Nullable LocalDate getExpiresOn() {
            return expiresOn;
        }

        public void setExpiresOn(@Nullable LocalDate expiresOn) {
            this.expiresOn = expiresOn;
        }

        public @Nullable Integer getRequestsPerMinute() {
            return requestsPerMinute;
        }

        public void setRequestsPerMinute(@Nullable Integer requestsPerMinute) {
            this.requestsPerMinute = requestsPerMinute;
        }
    }

    @GetMapping
    String list(@AuthenticationPrincipal Actor me, Model model) {
        return page(me, new KeyForm(), model);
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal Actor me,
            @Valid @ModelAttribute("form") KeyForm form,
            BindingResult result,
            ZoneId zone,
            Model model) {
        if (!result.hasErrors()) {
            try {
                LocalDate expiresOn = form.getExpiresOn();
                var created = keys.create(
                        me,
                        form.getName(),
                        new HashSet<>(form.getScopes()),
                        expiresOn == null
                                ? null
                                : expiresOn.plusDays(1).atStartOfDay(zone).toInstant(),
                        form.getRequestsPerMinute());
                model.addAttribute("created", created);
                return page(me, new KeyForm(), model);
            } catch (ProblemException problem) {
                ConsoleForms.reject(result, problem);
            }
        }
        return page(me, form, model);
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor me, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            var key = keys.revoke(me, id);
            redirect.addFlashAttribute("flash", "API key " + key.name() + " revoked.");
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", problem.detail());
        }
        return "redirect:/settings/api-keys";
    }

    private String page(Actor me, KeyForm form, Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("form", form);
        model.addAttribute(
                "scopes",
                catalog.groups().stream()
                        .flatMap(group -> group.permissions().stream())
                        .filter(permission -> me.can(permission.name()))
                        .toList());
        return "identity/api-keys";
    }
}
