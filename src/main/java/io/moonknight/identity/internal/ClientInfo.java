package io.moonknight.identity.internal;

/** Where a request came from, as recorded on sessions and audit entries. */
public record ClientInfo(String address, String userAgent) {

    public ClientInfo {
        userAgent = userAgent.length() > 400 ? userAgent.substring(0, 400) : userAgent;
    }
}
