package io.moonknight.radius.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What to answer an Access-Request: accept with attributes (wire bytes), or reject with a reason. */
record AccessDecision(
        boolean accept,
        String reason,
        List<byte[]> attributes,
        @Nullable UUID subscriptionId) {

    static AccessDecision reject(String reason) {
        return new AccessDecision(false, reason, List.of(), null);
    }
}
