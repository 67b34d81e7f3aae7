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
 * Brute-force protection for logins, second factors and password changes: every attempt takes a token from
 * the account's and the source address's bucket (bucket4j) before the credentials are checked, and a success
 * gives it back; an empty bucket locks the account or address until it refills (429 with Retry-After).
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

    /**
     * Takes one attempt from the account's and the address's allowance before the credentials are checked,
     * so that concurrent guesses cannot overtake the count; throws 429 when either is used up.
     */
    public void acquire(String account, String address) {
        Bucket accountBucket = accounts.get(account, key -> bucket(settings.accountFailures()));
        Bucket addressBucket = addresses.get(address, key -> bucket(settings.addressFailures()));
        if (!accountBucket.tryConsume(1)) {
            throw IdentityProblems.tooManyAttempts(waitSeconds(accountBucket));
        }
        if (!addressBucket.tryConsume(1)) {
            accountBucket.addTokens(1);
            throw IdentityProblems.tooManyAttempts(waitSeconds(addressBucket));
        }
    }

    /** The attempt succeeded: the account starts afresh and the address gets its attempt back. */
    public void succeeded(String account, String address) {
        accounts.invalidate(account);
        Bucket addressBucket = addresses.getIfPresent(address);
        if (addressBucket != null) {
            addressBucket.addTokens(1);
        }
    }

    private Bucket bucket(int failures) {
        return Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(failures)
                        .refillIntervally(failures, settings.window())
                        .build())
                .build();
    }

    private static long waitSeconds(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, Duration.ofNanos(nanos).toSeconds() + 1);
    }
}
