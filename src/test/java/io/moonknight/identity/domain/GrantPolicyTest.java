package io.moonknight.identity.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.moonknight.identity.domain.GrantPolicy.Reason;
import io.moonknight.identity.domain.GrantPolicy.UserOperation;
import io.moonknight.identity.domain.GrantPolicy.Verdict;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class GrantPolicyTest {

    private static final UUID ACTOR = UUID.randomUUID();
    private static final UUID OTHER = UUID.randomUUID();

    /** Permissions as written in the tables: space-separated, "-" for none. */
    private static Set<String> perms(String text) {
        return text.equals("-") ? Set.of() : Arrays.stream(text.split(" ")).collect(Collectors.toSet());
    }

    @ParameterizedTest(name = "holding [{0}] and granting [{1}] is allowed: {2}, missing [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
        users:manage                 | users:manage                 | true  | -
        users:manage users:read      | users:read                   | true  | -
        users:manage                 | -                            | true  | -
        users:manage                 | users:manage roles:manage    | false | roles:manage
        roles:manage                 | roles:manage billing:write   | false | billing:write
        -                            | tenant:read                  | false | tenant:read
        api-keys:manage tenant:read  | users:manage users:read      | false | users:manage users:read
        """)
    void nobodyGrantsAPermissionTheyDoNotHold(String held, String granted, boolean allowed, String missing) {
        Verdict verdict = GrantPolicy.grant(perms(held), perms(granted));
        assertThat(verdict.allowed()).isEqualTo(allowed);
        if (verdict instanceof Verdict.Refused refused) {
            assertThat(refused.reason()).isEqualTo(Reason.GRANTS_MORE_THAN_HELD);
            assertThat(refused.missing())
                    .containsExactlyElementsOf(perms(missing).stream().sorted().toList());
        }
    }

    static Stream<Arguments> operationsOnAnotherUser() {
        return Stream.of(UserOperation.values())
                .flatMap(operation -> Stream.of(
                        // actor holds, target holds, allowed
                        Arguments.of(operation, "users:manage users:read tenant:read", "users:read tenant:read", true),
                        Arguments.of(operation, "users:manage", "users:manage", true),
                        Arguments.of(operation, "users:manage", "-", true),
                        Arguments.of(operation, "users:manage", "users:manage roles:manage", false),
                        Arguments.of(operation, "users:manage tenant:read", "billing:write tenant:read", false)));
    }

    @ParameterizedTest(name = "{0}: actor [{1}] on target [{2}] allowed: {3}")
    @MethodSource("operationsOnAnotherUser")
    void onlyAHolderOfEveryPermissionOfTheTargetMayActOnThem(
            UserOperation operation, String actor, String target, boolean allowed) {
        Verdict verdict = GrantPolicy.actOn(ACTOR, perms(actor), OTHER, perms(target), operation);
        assertThat(verdict.allowed()).isEqualTo(allowed);
        if (verdict instanceof Verdict.Refused refused) {
            assertThat(refused.reason()).isEqualTo(Reason.TARGET_HOLDS_MORE);
            assertThat(refused.missing()).isNotEmpty().doesNotContainAnyElementsOf(perms(actor));
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = UserOperation.class,
            names = {"ASSIGN_ROLES"},
            mode = EnumSource.Mode.EXCLUDE)
    void actingOnOneselfIsJudgedLikeAnyoneElse(UserOperation operation) {
        assertThat(GrantPolicy.actOn(ACTOR, perms("users:manage"), ACTOR, perms("users:manage"), operation)
                        .allowed())
                .isTrue();
    }

    @Test
    void nobodyChangesTheirOwnRolesNotEvenToFewerPermissions() {
        Set<String> admin = perms("users:manage roles:manage tenant:read");
        Verdict verdict = GrantPolicy.assignRoles(ACTOR, admin, ACTOR, admin, perms("tenant:read"));
        assertThat(verdict).isEqualTo(new Verdict.Refused(Reason.OWN_ROLES, new java.util.TreeSet<>()));
    }

    @ParameterizedTest(name = "actor [{0}], target now [{1}], new roles [{2}]: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        users:manage tenant:read | tenant:read              | users:manage             | ALLOWED
        users:manage tenant:read | tenant:read              | -                        | ALLOWED
        users:manage tenant:read | tenant:read              | users:manage roles:manage | GRANTS_MORE_THAN_HELD
        users:manage tenant:read | users:manage billing:read | tenant:read              | TARGET_HOLDS_MORE
        """)
    void assigningRolesToAnotherNeedsTheirPermissionsAndTheGrantedOnes(
            String actor, String targetNow, String granted, String outcome) {
        Verdict verdict = GrantPolicy.assignRoles(ACTOR, perms(actor), OTHER, perms(targetNow), perms(granted));
        assertThat(verdict instanceof Verdict.Refused refused ? refused.reason().name() : "ALLOWED")
                .isEqualTo(outcome);
    }

    @ParameterizedTest(name = "actor [{0}] redefines [{1}] as [{2}]: {3}")
    @CsvSource(delimiter = '|', textBlock = """
        roles:manage tenant:read   | tenant:read              | roles:manage tenant:read | ALLOWED
        roles:manage tenant:read   | roles:manage             | roles:manage users:manage | GRANTS_MORE_THAN_HELD
        roles:manage tenant:read   | billing:write tenant:read | tenant:read             | TARGET_HOLDS_MORE
        roles:manage               | -                        | -                        | ALLOWED
        """)
    void aRoleEditNeitherWidensBeyondTheEditorNorStripsWhatTheEditorLacks(
            String actor, String before, String after, String outcome) {
        Verdict verdict = GrantPolicy.redefineRole(perms(actor), perms(before), perms(after));
        assertThat(verdict instanceof Verdict.Refused refused ? refused.reason().name() : "ALLOWED")
                .isEqualTo(outcome);
    }

    @ParameterizedTest(name = "key scopes [{0}], creator now holds [{1}]: acts with [{2}]")
    @CsvSource(delimiter = '|', textBlock = """
        users:read tenant:read | users:read tenant:read users:manage | tenant:read users:read
        users:read tenant:read | tenant:read                         | tenant:read
        users:read             | -                                   | -
        """)
    void anApiKeyNeverActsBeyondItsCreatorsCurrentPermissions(String scopes, String creator, String effective) {
        assertThat(GrantPolicy.effectiveScopes(perms(scopes), perms(creator)))
                .containsExactlyInAnyOrderElementsOf(perms(effective));
    }

    @ParameterizedTest(name = "holding [{0}], acting on a role or key carrying [{1}] is allowed: {2}, missing [{3}]")
    @CsvSource(delimiter = '|', textBlock = """
        roles:manage users:read      | users:read                   | true  | -
        roles:manage                 | -                            | true  | -
        roles:manage                 | roles:manage users:manage    | false | users:manage
        api-keys:manage users:read   | users:read tenant:settings   | false | tenant:settings
        -                            | tenant:read                  | false | tenant:read
        """)
    void aRoleOrKeyIsActedOnOnlyByAHolderOfAllItCarries(String held, String carried, boolean allowed, String missing) {
        Verdict verdict = GrantPolicy.actOnGrant(perms(held), perms(carried));
        assertThat(verdict.allowed()).isEqualTo(allowed);
        if (verdict instanceof Verdict.Refused refused) {
            assertThat(refused.reason()).isEqualTo(Reason.TARGET_HOLDS_MORE);
            assertThat(refused.missing())
                    .containsExactlyElementsOf(perms(missing).stream().sorted().toList());
        }
    }
}
