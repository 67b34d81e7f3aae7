package io.moonknight.shared.tenant;

import io.moonknight.shared.security.Actor;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Binds the tenant of the authenticated principal for the rest of the request. It runs right after the
 * security filter chain, so the tenant comes only from a verified credential, never from anything a client
 * can set in a body or header.
 */
final class TenantContextFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var tenant = Actor.current().map(Actor::tenantId);
        if (tenant.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        TenantContext.bind(tenant.get());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.bind(null);
        }
    }
}
