package io.moonknight.identity.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.moonknight.shared.config.MoonKnightProperties;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Brute-force protection for logins, second factors and password changes. Every attempt takes a token before
 * the credentials are checked (so concurrent guesses cannot overtake the count) and a success gives it back.
 * Three counts, none of which locks out a correct login because <em>other</em> people failed from the same
 * address (one office behind one NAT):
 *
 * <ol>
 *   <li><b>Account and address</b>: {@code accountFailures} (5) failures against one account from one address
 *       lock that account for that address only (429 with Retry-After until the window has passed); a
 *       success from that address clears the count.
 *   <li><b>Account, all addresses</b>: {@code accountTotalFailures} (20) failures from anywhere (a guess
 *       spread over many addresses) lock the account, except from addresses it has logged in from before
 *       ("known" addresses, remembered 30 days). This is the lock the console shows and an admin lifts.
 *   <li><b>Address, all accounts</b>: past {@code addressFailures} (30) failures from one address, attempts
 *       from it on accounts that never logged in from it are spaced out by a growing delay (2, 4, 8 … 60
 *       seconds between attempts, 429 with Retry-After) instead of a lock; known accounts are not slowed.
 * </ol>
 *
 * <p>Counts live in this instance's memory; behind a load balancer each instance counts on its own, which
 * multiplies the allowance by the number of instances but never lifts it. A bean of {@link IdentityConfiguration}.
 */
public class LoginThrottle {

    static final Duration KNOWN_ADDRESS_FOR = Duration.ofDays(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(1);
    private static final int MAX_ADDRESSES_PER_ACCOUNT = 1_000;

    private final MoonKnightProperties.Lockout settings;
    private final Clock clock;
    private final Cache<String, AccountState> accounts;
    private final Cache<String, AddressState> addresses;
    private final Cache<String, Boolean> known;

    LoginThrottle(MoonKnightProperties.Lockout settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.accounts = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(settings.window().multipliedBy(2))
                .build();
        this.addresses = Caffeine.newBuilder()
                .maximumSize(200_000)
                .expireAfterAccess(settings.window().multipliedBy(2))
                .build();
        this.known = Caffeine.newBuilder()
                .maximumSize(500_000)
                .expireAfterWrite(KNOWN_ADDRESS_FOR)
                .build();
    }

    /** The key of an account: its tenant (none for operators) and normalised username. */
    public static String account(@Nullable UUID tenant, String username) {
        return (tenant == null ? "platform" : tenant.toString()) + "/"
                + username.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Takes one attempt from the allowances before the credentials are checked; throws 429 when the account is
     * locked for this address, locked everywhere (and the address is not a known one), or the address is being
     * slowed down.
     */
    public void acquire(String account, String address) {
        AccountState state = accounts.get(account, key -> new AccountState(bucket(settings.accountTotalFailures())));
        Bucket pair = state.pair(address, () -> bucket(settings.accountFailures()));
        if (!pair.tryConsume(1)) {
            throw IdentityProblems.tooManyAttempts(waitSeconds(pair));
        }
        boolean knownAddress = known.getIfPresent(pairKey(account, address)) != null;
        boolean tookTotal = state.total.tryConsume(1);
        if (!tookTotal && !knownAddress) {
            pair.addTokens(1);
            throw IdentityProblems.tooManyAttempts(waitSeconds(state.total));
        }
        if (!knownAddress) {
            AddressState from = addresses.get(address, key -> new AddressState(bucket(settings.addressFailures())));
            long wait = from.admit(clock.instant(), settings.window());
            if (wait > 0) {
                pair.addTokens(1);
                if (tookTotal) {
                    state.total.addTokens(1);
                }
                throw IdentityProblems.tooManyAttempts(wait);
            }
        }
    }

    /**
     * The attempt succeeded: the account's count for this address starts afresh, the other counts get their
     * attempt back, and the address becomes a known one for the account.
     */
    public void succeeded(String account, String address) {
        AccountState state = accounts.getIfPresent(account);
        if (state != null) {
            state.pairs.remove(address);
            state.total.addTokens(1);
        }
        AddressState from = addresses.getIfPresent(address);
        if (from != null) {
            from.bucket.addTokens(1);
        }
        known.put(pairKey(account, address), Boolean.TRUE);
    }

    /**
     * Until when the account is locked, from every new address or from at least one address; null when it is
     * not. Used to show the lock in the console and the API.
     */
    public @Nullable Instant lockedUntil(String account) {
        AccountState state = accounts.getIfPresent(account);
        if (state == null) {
            return null;
        }
        long wait = state.total.getAvailableTokens() < 1 ? waitSeconds(state.total) : 0;
        for (Bucket pair : state.pairs.values()) {
            if (pair.getAvailableTokens() < 1) {
                wait = Math.max(wait, waitSeconds(pair));
            }
        }
        return wait == 0 ? null : clock.instant().plusSeconds(wait);
    }

    /** An administrator lifts the account's lock from every address (the address slow-down is not the account's). */
    public void unlock(String account) {
        accounts.invalidate(account);
    }

    private static String pairKey(String account, String address) {
        return account + "|" + address;
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

    /** One account's counts: in total, and per address. */
    private static final class AccountState {

        private final Bucket total;
        private final Map<String, Bucket> pairs = new ConcurrentHashMap<>();

        AccountState(Bucket total) {
            this.total = total;
        }

        Bucket pair(String address, java.util.function.Supplier<Bucket> newBucket) {
            if (pairs.size() >= MAX_ADDRESSES_PER_ACCOUNT && !pairs.containsKey(address)) {
                pairs.clear(); // a guess from this many addresses is held by the total count
            }
            return pairs.computeIfAbsent(address, key -> newBucket.get());
        }
    }

    /** One address's count over all accounts, and the growing delay once it is used up. */
    private static final class AddressState {

        private final Bucket bucket;
        private int excess;
        private Instant nextAllowed = Instant.EPOCH;

        AddressState(Bucket bucket) {
            this.bucket = bucket;
        }

        /** 0 when the attempt may go ahead, else the seconds to wait. */
        synchronized long admit(Instant now, Duration window) {
            if (bucket.tryConsume(1)) {
                return 0;
            }
            if (now.isBefore(nextAllowed)) {
                return Math.max(1, Duration.between(now, nextAllowed).toSeconds() + 1);
            }
            if (now.isAfter(nextAllowed.plus(window))) {
                excess = 0; // a quiet window: start the delays afresh
            }
            excess++;
            Duration delay = Duration.ofSeconds(1L << Math.min(excess, 6));
            nextAllowed = now.plus(delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay);
            return 0;
        }
    }
}
