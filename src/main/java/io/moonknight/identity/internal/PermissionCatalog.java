package io.moonknight.identity.internal;

import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Every permission the modules declare, and what each built-in role holds. */
@Component
public class PermissionCatalog {

    private final List<Group> groups;
    private final Map<String, PermissionDefinition> byName = new HashMap<>();

    PermissionCatalog(List<PermissionProvider> providers) {
        this.groups = providers.stream()
                .map(p -> new Group(
                        p.module(),
                        p.permissions().stream()
                                .sorted(Comparator.comparing(PermissionDefinition::name))
                                .toList()))
                .sorted(Comparator.comparing(Group::module))
                .toList();
        for (Group group : groups) {
            for (PermissionDefinition permission : group.permissions()) {
                if (byName.put(permission.name(), permission) != null) {
                    throw new IllegalStateException("Permission " + permission.name() + " is declared twice");
                }
            }
        }
    }

    public List<Group> groups() {
        return groups;
    }

    public boolean exists(String permission) {
        return byName.containsKey(permission);
    }

    public @Nullable PermissionDefinition find(String permission) {
        return byName.get(permission);
    }

    /** The permissions of a built-in role: all for Admin, the declared grants for the others. */
    public Set<String> grantedTo(BuiltInRole role) {
        var granted = new TreeSet<String>();
        for (PermissionDefinition permission : byName.values()) {
            if (role == BuiltInRole.ADMIN
                    ? !permission.grantedTo().equals(Set.of(BuiltInRole.CUSTOMER))
                    : permission.grantedTo().contains(role)) {
                granted.add(permission.name());
            }
        }
        return granted;
    }

    /** The effective permissions of a set of roles; stored names no module declares any more are ignored. */
    public Set<String> effective(Collection<RoleGrant> roles) {
        var permissions = new LinkedHashSet<String>();
        for (RoleGrant role : roles) {
            if (role.builtIn() != null) {
                permissions.addAll(grantedTo(role.builtIn()));
            } else {
                role.permissions().stream().filter(byName::containsKey).forEach(permissions::add);
            }
        }
        return Set.copyOf(permissions);
    }

    /** A role as far as permissions are concerned. */
    public record RoleGrant(@Nullable BuiltInRole builtIn, List<String> permissions) {}

    public record Group(String module, List<PermissionDefinition> permissions) {}
}
