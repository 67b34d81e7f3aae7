package io.moonknight.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.web.ProblemException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The lockout model, without Spring: per account and address, per account, and a slow-down per address. */
class LoginThrottleTest {

    private static final String OFFICE_NAT = "203.0.113.10";
    private static final UUID TENANT = UUID.randomUUID();

    private final LoginThrottle throttle =
            new LoginThrottle(new MoonKnightProperties.Lockout(5, 20, 30, Duration.ofMinutes(15)), Clock.systemUTC());

    /** One failed attempt: acquire, then (the password being wrong) no success. */
    private void fail(String account, String address) {
        throttle.acquire(account, address);
    }

    private void succeed(String account, String address) {
        throttle.acquire(account, address);
        throttle.succeeded(account, address);
    }

    @Test
    void failuresFromOneAddressAgainstManyAccountsDoNotLockAColleagueOutWithTheRightPassword() {
        String colleague = LoginThrottle.account(TENANT, "colleague");
        succeed(colleague, OFFICE_NAT); // logs in from the office every day
        for (int i = 0; i < 60; i++) {
            String victim = LoginThrottle.account(TENANT, "victim" + (i % 12));
            try {
                fail(victim, OFFICE_NAT);
            } catch (ProblemException slowedDown) {
                assertThat(slowedDown.type()).isEqualTo("too-many-attempts");
            }
        }
        assertThatCode(() -> succeed(colleague, OFFICE_NAT)).doesNotThrowAnyException();
        assertThat(throttle.lockedUntil(colleague)).isNull();
    }

    @Test
    void pastTheAddressAllowanceNewAccountsAreSlowedDownForAtMostAMinuteNotLocked() {
        for (int i = 0; i < 30; i++) {
            fail(LoginThrottle.account(TENANT, "sprayed" + i), OFFICE_NAT);
        }
        String newcomer = LoginThrottle.account(TENANT, "newcomer");
        assertThatCode(() -> fail(LoginThrottle.account(TENANT, "sprayed-x"), OFFICE_NAT))
                .as("the first attempt past the allowance goes through, then the delays begin")
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> succeed(newcomer, OFFICE_NAT))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        problem -> assertThat(problem.retryAfterSeconds())
                                .isBetween(1L, LoginThrottle.MAX_DELAY.toSeconds()));
        assertThat(throttle.lockedUntil(newcomer))
                .as("the newcomer's account is not locked")
                .isNull();
    }

    @Test
    void fiveFailuresLockTheAccountForThatAddressOnly() {
        String account = LoginThrottle.account(TENANT, "target");
        for (int i = 0; i < 5; i++) {
            fail(account, "198.51.100.1");
        }
        assertThatThrownBy(() -> fail(account, "198.51.100.1")).isInstanceOf(ProblemException.class);
        assertThat(throttle.lockedUntil(account)).isNotNull();
        assertThatCode(() -> succeed(account, "198.51.100.2")).doesNotThrowAnyException();
    }

    @Test
    void aGuessSpreadOverManyAddressesLocksTheAccountExceptFromItsKnownAddresses() {
        String account = LoginThrottle.account(TENANT, "spread");
        succeed(account, "192.0.2.1"); // the owner's usual address
        for (int i = 0; i < 20; i++) {
            fail(account, "198.51.100." + (10 + i / 4));
        }
        assertThatThrownBy(() -> succeed(account, "192.0.2.99"))
                .as("a new address waits")
                .isInstanceOf(ProblemException.class);
        assertThat(throttle.lockedUntil(account)).isNotNull();
        assertThatCode(() -> succeed(account, "192.0.2.1"))
                .as("the owner's known address does not")
                .doesNotThrowAnyException();
    }

    @Test
    void anUnlockLiftsEveryLockOfTheAccount() {
        String account = LoginThrottle.account(TENANT, "unlocked");
        for (int i = 0; i < 20; i++) {
            fail(account, "198.51.100." + (40 + i / 4));
        }
        assertThat(throttle.lockedUntil(account)).isNotNull();
        throttle.unlock(account);
        assertThat(throttle.lockedUntil(account)).isNull();
        assertThatCode(() -> succeed(account, "198.51.100.40")).doesNotThrowAnyException();
    }

    @Test
    void aSuccessClearsTheCountOfItsAddress() {
        String account = LoginThrottle.account(TENANT, "typo");
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                fail(account, "198.51.100.77");
            }
            succeed(account, "198.51.100.77");
        }
        assertThat(throttle.lockedUntil(account)).isNull();
    }
}
