package io.moonknight.network;

public enum NasStatus {
    ACTIVE,
    DISABLED
}
