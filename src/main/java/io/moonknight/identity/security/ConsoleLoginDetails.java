package io.moonknight.identity.security;

import io.moonknight.identity.domain.HostTenant;
import io.moonknight.identity.internal.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What the console login form carries besides username and password: the tenant named by the host's
 * subdomain (which wins) or typed into the form, and where the request came from.
 */
record ConsoleLoginDetails(
        @Nullable String hostTenant, @Nullable String formTenant, String address, String userAgent)
        implements Serializable {

    @Nullable
    String tenant() {
        return hostTenant != null ? hostTenant : formTenant;
    }

    ClientInfo client() {
        return new ClientInfo(address, userAgent);
    }

    static AuthenticationDetailsSource<HttpServletRequest, ConsoleLoginDetails> source(String baseDomain) {
        return request -> new ConsoleLoginDetails(
                HostTenant.slug(request.getServerName(), baseDomain).orElse(null),
                request.getParameter("tenant"),
                request.getRemoteAddr(),
                Objects.requireNonNullElse(request.getHeader("User-Agent"), ""));
    }
}
