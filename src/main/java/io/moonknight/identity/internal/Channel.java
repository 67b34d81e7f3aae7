package io.moonknight.identity.internal;

/** Where a login session lives: the REST API (refresh-token family) or the console (cookie session). */
public enum Channel {
    API,
    CONSOLE
}
