package io.moonknight.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.moonknight.shared.config.MoonKnightProperties;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for logins, second factors and password changes: failures are counted per account
 * and per source address in token buckets (bucket4j); an empty bucket locks the account or address until it
 * refills (429 with Retry-After). A success resets the account's bucket.
 *
 * <p>Counts live in this instance's memory; behind a load balancer each instance counts on its own, which
 * multiplies the allowance by the number of instances but never lifts it.
 */
@Component
public class LoginThrottle {

    private final MoonKnightProperties.Lockout settings;
    private final Cache<String, Bucket> accounts;
    private final Cache<String, Bucket> addresses;

    LoginThrottle(MoonKnightProperties properties) {
        this.settings = properties.security().lockout();
        this.accounts = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(settings.window().multipliedBy(2))
                .build();
        this.addresses = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(settings.window().multipliedBy(2))
                .build();
    }

    /** The key of an account: its tenant (none for operators) and normalised username. */
    public static String account(@Nullable UUID tenant, String username) {
        return (tenant == null ? "platform" : tenant.toString()) + "/"
                + username.strip().toLowerCase(Locale.ROOT);
    }

    /** Throws 429 while the account or the address is locked. */
    public void checkAllowed(String account, String address) {
        long wait = Math.max(waitSeconds(accounts.getIfPresent(account)), waitSeconds(addresses.getIfPresent(address)));
        if (wait > 0) {
            throw IdentityProblems.tooManyAttempts(wait);
        }
    }

    public void recordFailure(String account, String address) {
        accounts.get(account, key -> bucket(settings.accountFailures())).tryConsume(1);
        addresses.get(address, key -> bucket(settings.addressFailures())).tryConsume(1);
    }

    public void recordSuccess(String account) {
        accounts.invalidate(account);
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(failures)
                        .refillIntervally(failures, settings.window())
                        .build())
                .build();
    }

    private static long waitSeconds(@Nullable Bucket bucket) {
        if (bucket == null || bucket.getAvailableTokens() > 0) {
            return 0;
        }
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
    }
}
