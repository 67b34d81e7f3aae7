package io.moonknight.identity.web;

import io.moonknight.identity.internal.ClientInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Objects;

final class Clients {

    private Clients() {}

    static ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(request.getRemoteAddr(), Objects.requireNonNullElse(request.getHeader("User-Agent"), ""));
    }
}
