package io.moonknight.identity.web;

import io.moonknight.identity.internal.ApiKeyService;
import io.moonknight.identity.internal.ApiKeyView;
import io.moonknight.identity.internal.PermissionCatalog;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.FormValues;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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

/** The API keys page: the tenant's keys, and the form for a new one whose secret is shown once, on this page. */
@Controller
@RequestMapping("/settings/api-keys")
@PreAuthorize("hasAuthority('api-keys:manage')")
class ApiKeyConsoleController {

    private final ApiKeyService keys;
    private final PermissionCatalog catalog;

    private final ConsoleForm<ApiKeyView> keyForm = ConsoleForm.<ApiKeyView>of("identity/api-keys", "key")
            .title(key -> "API keys")
            .options(this::keysAndScopes)
            .fieldNames(field -> field.equals("expiresAt") ? "expiresOn" : field);

    ApiKeyConsoleController(ApiKeyService keys, PermissionCatalog catalog) {
        this.keys = keys;
        this.catalog = catalog;
    }

    @GetMapping
    String list(Model model) {
        return keyForm.show(FormValues.empty(), null, model);
    }

    @PostMapping
    String create(
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            ZoneId zone,
            Model model) {
        return keyForm.submitInPlace(params, null, model, form -> {
            LocalDate expiresOn = form.date("expiresOn");
            Integer requestsPerMinute = form.integer("requestsPerMinute");
            form.check();
            model.addAttribute(
                    "created",
                    keys.create(
                            me,
                            form.get("name"),
                            new HashSet<>(form.list("scopes")),
                            expiresOn == null
                                    ? null
                                    : expiresOn.plusDays(1).atStartOfDay(zone).toInstant(),
                            requestsPerMinute));
        });
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal Actor me, @PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.act(
                redirect,
                "/settings/api-keys",
                () -> "API key " + keys.revoke(me, id).name() + " revoked.");
    }

    /** The keys, and the scopes the signed-in user may give a key (what they hold themselves). */
    private void keysAndScopes(Model model, @Nullable ApiKeyView key) {
        model.addAttribute("keys", keys.list());
        var me = Actor.current();
        model.addAttribute(
                "scopes",
                catalog.groups().stream()
                        .flatMap(group -> group.permissions().stream())
                        .filter(permission ->
                                me.map(actor -> actor.can(permission.name())).orElse(false))
                        .toList());
    }
}
