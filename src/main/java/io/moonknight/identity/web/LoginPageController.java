package io.moonknight.identity.web;

import io.moonknight.identity.domain.HostTenant;
import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.tenancy.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's sign-in page. On {@code <tenant>.<base-domain>} it names the ISP; on any other host it asks
 * for the tenant.
 */
@Controller
class LoginPageController {

    private final TenantDirectory tenants;
    private final String baseDomain;

    LoginPageController(TenantDirectory tenants, MoonKnightProperties properties) {
        this.tenants = tenants;
        this.baseDomain = properties.baseDomain();
    }

    @GetMapping("/login")
    String login(
            HttpServletRequest request,
            @RequestParam(required = false) @Nullable String error,
            @RequestParam(required = false) @Nullable String ended,
            Model model) {
        var slug = HostTenant.slug(request.getServerName(), baseDomain);
        var hostTenant = slug.flatMap(tenants::findBySlug).orElse(null);
        model.addAttribute("hostTenant", hostTenant);
        model.addAttribute("unknownHost", slug.isPresent() && hostTenant == null);
        model.addAttribute("tenant", "");
        if (error != null) {
            model.addAttribute("error", lastError(request.getSession(false)));
        }
        if (ended != null) {
            model.addAttribute(
                    "ended",
                    switch (ended) {
                        case "tenant-suspended" -> "Your ISP's account has been suspended; you were signed out.";
                        case "account-disabled" -> "Your account has been disabled; you were signed out.";
                        default -> "Your session has ended; please sign in again.";
                    });
        }
        return "login";
    }

    private static String lastError(@Nullable HttpSession session) {
        if (session != null
                && session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION) instanceof AuthenticationException e
                && e.getMessage() != null) {
            return e.getMessage();
        }
        return "Sign-in failed; please try again.";
    }
}
