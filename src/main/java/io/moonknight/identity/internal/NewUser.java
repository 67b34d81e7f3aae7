package io.moonknight.identity.internal;

import java.util.Set;
import java.util.UUID;

/** A user to create: validated username and profile, a password to check against the policy, role ids. */
public record NewUser(Username username, UserProfile profile, String password, Set<UUID> roleIds) {}
