package io.moonknight.shared.security;

import java.util.List;

/** Each module declares its permissions with a bean of this type; the identity module collects them. */
public interface PermissionProvider {

    /** The module's display name, used to group permissions on the role screens. */
    String module();

    List<PermissionDefinition> permissions();
}
