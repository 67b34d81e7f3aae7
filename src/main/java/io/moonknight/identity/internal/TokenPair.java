package io.moonknight.identity.internal;

/** What a successful API login or refresh returns. */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {}
