package io.moonknight.identity.domain;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Who may hand out or take away what inside a tenant. One place for the rules, so the API and the console
 * (and any later channel) decide the same way:
 *
 * <ul>
 *   <li>nobody grants a permission they do not hold themselves, whether through a role assignment, a role
 *       edit, a new user or an API key ({@link #grant});
 *   <li>only an actor holding every permission of the target user may act on that user: reset their password,
 *       second factor or contact details, change their roles, disable, enable, unlock or log them out
 *       ({@link #actOn});
 *   <li>nobody changes their own roles.
 * </ul>
 *
 * That the tenant keeps an active Admin is a fact about stored data, checked by the user service after the
 * change is flushed. Plain Java, tested table-driven without Spring.
 */
public final class GrantPolicy {

    private GrantPolicy() {}

    /** Something an actor does to another user of the tenant. */
    public enum UserOperation {
        ASSIGN_ROLES("change the roles of"),
        RESET_PASSWORD("reset the password of"),
        RESET_TWO_FACTOR("reset the two-factor authentication of"),
        CHANGE_PROFILE("change the contact details of"),
        DISABLE("disable"),
        ENABLE("enable"),
        UNLOCK("unlock"),
        FORCE_LOGOUT("log out");

        private final String verb;

        UserOperation(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    /** Why a change is refused. */
    public enum Reason {
        /** The change would hand out permissions the actor lacks. */
        GRANTS_MORE_THAN_HELD,
        /** The target user holds permissions the actor lacks. */
        TARGET_HOLDS_MORE,
        /** Users cannot change their own roles. */
        OWN_ROLES
    }

    /** The outcome: allowed, or refused with a reason and the permissions the actor would need. */
    public sealed interface Verdict {

        boolean allowed();

        record Allowed() implements Verdict {
            @Override
            public boolean allowed() {
                return true;
            }
        }

        record Refused(Reason reason, SortedSet<String> missing) implements Verdict {
            public Refused {
                missing = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(missing));
            }

            @Override
            public boolean allowed() {
                return false;
            }
        }
    }

    private static final Verdict ALLOWED = new Verdict.Allowed();

    /** May an actor holding {@code held} grant {@code granted} (as a role, a new user's roles, API key scopes)? */
    public static Verdict grant(Set<String> held, Set<String> granted) {
        SortedSet<String> missing = missing(held, granted);
        return missing.isEmpty() ? ALLOWED : new Verdict.Refused(Reason.GRANTS_MORE_THAN_HELD, missing);
    }

    /**
     * May an actor redefine a role from {@code before} to {@code after}? The actor must hold both: what the role
     * will grant, and what it takes away from the users holding it.
     */
    public static Verdict redefineRole(Set<String> held, Set<String> before, Set<String> after) {
        SortedSet<String> missing = missing(held, after);
        if (!missing.isEmpty()) {
            return new Verdict.Refused(Reason.GRANTS_MORE_THAN_HELD, missing);
        }
        missing = missing(held, before);
        return missing.isEmpty() ? ALLOWED : new Verdict.Refused(Reason.TARGET_HOLDS_MORE, missing);
    }

    /**
     * May the actor change what guards, or take away, something that carries {@code carried}: a role's two-factor
     * requirement, another user's API key? Only when they hold all of it, as with a user ({@link #actOn}).
     */
    public static Verdict actOnGrant(Set<String> held, Set<String> carried) {
        SortedSet<String> missing = missing(held, carried);
        return missing.isEmpty() ? ALLOWED : new Verdict.Refused(Reason.TARGET_HOLDS_MORE, missing);
    }

    /** May the actor do {@code operation} to the target user? */
    public static Verdict actOn(
            UUID actor, Set<String> held, UUID target, Set<String> targetHolds, UserOperation operation) {
        if (operation == UserOperation.ASSIGN_ROLES && actor.equals(target)) {
            return new Verdict.Refused(Reason.OWN_ROLES, new TreeSet<>());
        }
        SortedSet<String> missing = missing(held, targetHolds);
        return missing.isEmpty() ? ALLOWED : new Verdict.Refused(Reason.TARGET_HOLDS_MORE, missing);
    }

    /**
     * May the actor replace the target's roles, whose permissions are {@code targetHolds} now and {@code
     * newPermissions} afterwards? Not their own; they must hold what the target holds and what they grant.
     */
    public static Verdict assignRoles(
            UUID actor, Set<String> held, UUID target, Set<String> targetHolds, Set<String> newPermissions) {
        Verdict onTarget = actOn(actor, held, target, targetHolds, UserOperation.ASSIGN_ROLES);
        return onTarget.allowed() ? grant(held, newPermissions) : onTarget;
    }

    /** What an API key created by someone now holding {@code creatorHolds} may do: its scopes, no more. */
    public static Set<String> effectiveScopes(Set<String> scopes, Set<String> creatorHolds) {
        var effective = new TreeSet<>(scopes);
        effective.retainAll(creatorHolds);
        return java.util.Collections.unmodifiableSortedSet(effective);
    }

    private static SortedSet<String> missing(Set<String> held, Set<String> wanted) {
        var missing = new TreeSet<>(wanted);
        missing.removeAll(held);
        return missing;
    }
}
