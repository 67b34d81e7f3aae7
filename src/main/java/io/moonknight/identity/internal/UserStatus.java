package io.moonknight.identity.internal;

public enum UserStatus {
    ACTIVE,
    DISABLED
}
