package io.moonknight.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(10, Set.of("password123", "qwertyuiop", "iloveyou12"));

    @ParameterizedTest(name = "[{index}] \"{0}\" for {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        correct-horse-battery  | alice | ok
        moonknight-demo        | admin | ok
        short1!                | alice | must be at least 10 characters long
        password123            | alice | is one of the most commonly used passwords; choose another
        PASSWORD123            | alice | is one of the most commonly used passwords; choose another
        QwertyUiop             | alice | is one of the most commonly used passwords; choose another
        alice-is-great-2026    | alice | must not contain the username
        ALICE-is-great-2026    | alice | must not contain the username
        aaaaaaaaaaaaaaaa       | bob   | must use at least 4 different characters
        abababababababab       | bob   | must use at least 4 different characters
        ünïcödé-pässwörd       | bob   | ok
        """)
    void judgesPasswords(String password, String username, String expected) {
        var violations = policy.violations(password, username);
        if (expected.equals("ok")) {
            assertThat(violations).isEmpty();
        } else {
            assertThat(violations).contains(expected);
        }
    }

    @Test
    void lengthIsCountedInCharactersNotBytes() {
        assertThat(policy.violations("ääääbbbbcd", "x")).isEmpty();
    }

    @Test
    void refusesPasswordsLongerThanBcryptsSeventyTwoBytes() {
        assertThat(policy.violations("ab1-".repeat(18), "x")).isEmpty(); // 72 bytes
        assertThat(policy.violations("ab1-".repeat(18) + "z", "x"))
                .singleElement()
                .asString()
                .startsWith("must be at most 72 bytes long");
        // 40 characters, but 80 bytes: each of these letters takes two bytes in UTF-8
        assertThat(policy.violations("éàüöçñøåæß".repeat(4), "x"))
                .anySatisfy(message -> assertThat(message).startsWith("must be at most 72 bytes long"));
    }

    @Test
    void reportsEveryBrokenRuleAtOnce() {
        assertThat(policy.violations("aaa", "bob")).hasSize(2);
    }

    @Test
    void refusesAWeakConfiguration() {
        assertThatThrownBy(() -> new PasswordPolicy(6, Set.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
