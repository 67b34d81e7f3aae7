package io.moonknight.identity.internal;

import org.jspecify.annotations.Nullable;

/** Credentials as typed: a blank tenant means the platform operator. */
public record LoginAttempt(
        @Nullable String tenant, String username, String password, Channel channel, ClientInfo client) {

    @Override
    public String toString() {
        return "LoginAttempt[tenant=" + tenant + ", username=" + username + ", channel=" + channel + "]";
    }
}
