package io.moonknight.shared.tenant;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The tenant the current thread works for. Bound from the authenticated principal for web requests, and
 * explicitly for jobs and event listeners. Hibernate reads it when a session opens, so it must be bound
 * before a transaction starts.
 */
public final class TenantContext {

    private static final ThreadLocal<@Nullable UUID> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<UUID> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static UUID require() {
        UUID tenant = CURRENT.get();
        if (tenant == null) {
            throw new IllegalStateException("No tenant is bound to this thread");
        }
        return tenant;
    }

    /** Runs {@code work} with {@code tenantId} bound, restoring whatever was bound before. */
    public static <T> T call(UUID tenantId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void run(UUID tenantId, Runnable work) {
        call(tenantId, () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} with no tenant bound (platform-level work), restoring the previous binding. */
    public static <T> T callWithoutTenant(Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.remove();
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    static void bind(@Nullable UUID tenantId) {
        restore(tenantId);
    }

    private static void restore(@Nullable UUID previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }
}
