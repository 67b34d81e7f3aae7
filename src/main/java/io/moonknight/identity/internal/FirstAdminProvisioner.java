package io.moonknight.identity.internal;

import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.web.Fields;
import io.moonknight.tenancy.FirstAdmin;
import io.moonknight.tenancy.TenantAdminProvisioner;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Gives a new tenant its built-in roles and its first administrator. */
@Component
class FirstAdminProvisioner implements TenantAdminProvisioner {

    private final RoleService roles;
    private final UserService users;
    private final PasswordService passwords;

    FirstAdminProvisioner(RoleService roles, UserService users, PasswordService passwords) {
        this.roles = roles;
        this.users = users;
        this.passwords = passwords;
    }

    @Override
    public void validate(FirstAdmin admin) {
        Username username = Fields.parse("admin.username", admin.username(), Username::parse);
        profile(admin);
        passwords.check("admin.password", admin.password(), username.value());
    }

    @Override
    public void provision(FirstAdmin admin) {
        roles.ensureBuiltInRoles();
        var adminRole = users.builtInRole(BuiltInRole.ADMIN);
        users.create(new NewUser(
                Username.parse(admin.username()), profile(admin), admin.password(), Set.of(adminRole.id())));
    }

    private static UserProfile profile(FirstAdmin admin) {
        return new UserProfile(
                Fields.parse("admin.email", admin.email(), EmailAddress::new),
                Fields.parse("admin.fullName", admin.fullName(), UserProfile::fullName),
                null);
    }
}
