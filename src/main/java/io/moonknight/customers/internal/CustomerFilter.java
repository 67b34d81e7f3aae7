package io.moonknight.customers.internal;

import io.moonknight.customers.CustomerStatus;
import org.jspecify.annotations.Nullable;

/** What to look for: free text (name, phone, email, account number, ids, address, tags) and exact filters. */
public record CustomerFilter(
        @Nullable String q,
        @Nullable CustomerStatus status,
        @Nullable String area,
        @Nullable String tag) {

    public static CustomerFilter all() {
        return new CustomerFilter(null, null, null, null);
    }
}
