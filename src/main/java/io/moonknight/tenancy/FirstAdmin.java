package io.moonknight.tenancy;

/** The first administrator of a new tenant, created together with it. */
public record FirstAdmin(String username, String email, String fullName, String password) {}
