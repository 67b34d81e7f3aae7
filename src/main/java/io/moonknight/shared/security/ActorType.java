package io.moonknight.shared.security;

/** Who is acting: a tenant's staff user, a subscriber, the platform operator, an API key, or the system itself. */
public enum ActorType {
    STAFF,
    CUSTOMER,
    OPERATOR,
    API_KEY,
    SYSTEM
}
