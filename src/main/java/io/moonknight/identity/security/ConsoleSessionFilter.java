package io.moonknight.identity.security;

import io.moonknight.identity.internal.ActorResolver;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.security.ActorAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-checks a console session on every request: a revoked session, a disabled user or a suspended tenant
 * ends it, and permission changes apply without logging out.
 */
final class ConsoleSessionFilter extends OncePerRequestFilter {

    private final ActorResolver actors;

    ConsoleSessionFilter(ActorResolver actors) {
        this.actors = actors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var context = SecurityContextHolder.getContext();
        if (context.getAuthentication() instanceof ActorAuthentication current) {
            Actor actor = current.actor();
            var resolution = actors.resolve(actor.type(), actor.id(), actor.tenantId(), actor.sessionId());
            switch (resolution) {
                case ActorResolver.Resolution.Resolved resolved -> {
                    if (!resolved.actor().equals(actor)) {
                        var refreshed = SecurityContextHolder.createEmptyContext();
                        refreshed.setAuthentication(ActorAuthentication.of(resolved.actor()));
                        SecurityContextHolder.setContext(refreshed);
                    }
                }
                case ActorResolver.Resolution.Rejected rejected -> {
                    SecurityContextHolder.clearContext();
                    var session = request.getSession(false);
                    if (session != null) {
                        session.invalidate();
                    }
                    String target = "/login?ended=" + rejected.problem().type();
                    if (request.getHeader("HX-Request") != null) {
                        response.setHeader("HX-Redirect", target);
                        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
                    } else {
                        response.sendRedirect(target);
                    }
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }
}
