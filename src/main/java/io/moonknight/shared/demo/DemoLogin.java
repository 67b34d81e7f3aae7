package io.moonknight.shared.demo;

/** A demo login to print at start-up: {@code where} is e.g. "console" or "customer portal". */
public record DemoLogin(String username, String role, String where) {}
