package io.moonknight.subscriptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moonknight.subscriptions.SubscriptionStatus;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SubscriptionDomainTest {

    /** Every status against every step: the next status, or '-' where the step is illegal. */
    @ParameterizedTest
    @CsvSource({
        "PENDING, ACTIVATE, ACTIVE",
        "PENDING, SUSPEND, -",
        "PENDING, RESUME, -",
        "PENDING, TERMINATE, TERMINATED",
        "ACTIVE, ACTIVATE, -",
        "ACTIVE, SUSPEND, SUSPENDED",
        "ACTIVE, RESUME, -",
        "ACTIVE, TERMINATE, TERMINATED",
        "SUSPENDED, ACTIVATE, -",
        "SUSPENDED, SUSPEND, -",
        "SUSPENDED, RESUME, ACTIVE",
        "SUSPENDED, TERMINATE, TERMINATED",
        "TERMINATED, ACTIVATE, -",
        "TERMINATED, SUSPEND, -",
        "TERMINATED, RESUME, -",
        "TERMINATED, TERMINATE, -"
    })
    void lifecycle(SubscriptionStatus from, Lifecycle.Step step, String to) {
        if (to.equals("-")) {
            assertThat(Lifecycle.allowed(from, step)).isFalse();
            assertThat(Lifecycle.stepsFrom(from)).doesNotContain(step);
            assertThatThrownBy(() -> Lifecycle.next(from, step)).isInstanceOf(Lifecycle.IllegalTransition.class);
        } else {
            assertThat(Lifecycle.next(from, step)).isEqualTo(SubscriptionStatus.valueOf(to));
            assertThat(Lifecycle.stepsFrom(from)).contains(step);
        }
    }

    @ParameterizedTest
    @CsvSource({
        "02:00:00:00:00:01, 02:00:00:00:00:01",
        "02-00-00-00-00-0A, 02:00:00:00:00:0a",
        "0200.0000.00ff, 02:00:00:00:00:ff",
        "020000000001, 02:00:00:00:00:01",
        "' AA:BB:CC:DD:EE:FF ', aa:bb:cc:dd:ee:ff"
    })
    void macAddressesAreStoredInOneForm(String typed, String stored) {
        assertThat(MacAddress.normalise(typed)).isEqualTo(stored);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "02:00:00:00:00",
                "02:00:00:00:00:01:02",
                "02:00:00:00:00:0g",
                "02:00-00:00:00:01",
                "00:00:00:00:00:00",
                "ff:ff:ff:ff:ff:ff",
                "0200.0000.0001.02"
            })
    void notMacAddresses(String typed) {
        assertThatThrownBy(() -> MacAddress.normalise(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "alice, true",
        "alice.rahman@isp, true",
        "a+b_c-d, true",
        "1user, true",
        "-user, false",
        "user name, false",
        "'', false",
        "ünïcode, false"
    })
    void usernames(String username, boolean valid) {
        if (valid) {
            assertThat(Usernames.check(username)).isEqualTo(username);
        } else {
            assertThatThrownBy(() -> Usernames.check(username)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    /** The next cycle starts on the anchor's day of month, or the month's last day when it is shorter. */
    @ParameterizedTest
    @CsvSource({
        "2026-01-15, 2026-03-10, 2026-03-15",
        "2026-01-15, 2026-03-15, 2026-04-15",
        "2026-01-15, 2026-03-16, 2026-04-15",
        "2026-01-31, 2026-02-10, 2026-02-28",
        "2024-01-31, 2024-02-10, 2024-02-29",
        "2026-01-31, 2026-02-28, 2026-03-31",
        "2026-01-31, 2026-04-30, 2026-05-31",
        "2026-12-20, 2026-12-25, 2027-01-20",
        "2026-06-01, 2026-05-01, 2026-06-01"
    })
    void cycles(LocalDate anchor, LocalDate today, LocalDate next) {
        assertThat(Cycles.nextCycleStart(anchor, today)).isEqualTo(next);
    }

    @ParameterizedTest
    @CsvSource({
        "2026-01-15, 2026-03-10, 2026-02-15",
        "2026-01-15, 2026-03-15, 2026-03-15",
        "2026-01-31, 2026-03-01, 2026-02-28",
        "2026-01-31, 2026-03-31, 2026-03-31",
        "2026-06-01, 2026-05-01, 2026-06-01",
        "2026-06-01, 2026-06-01, 2026-06-01"
    })
    void currentCycle(LocalDate anchor, LocalDate today, LocalDate start) {
        assertThat(Cycles.currentCycleStart(anchor, today)).isEqualTo(start);
    }
}
