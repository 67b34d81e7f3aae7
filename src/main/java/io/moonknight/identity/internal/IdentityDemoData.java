package io.moonknight.identity.internal;

import io.moonknight.shared.demo.DemoDataContributor;
import io.moonknight.shared.demo.DemoLogin;
import io.moonknight.shared.demo.DemoTenant;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** One demo user per built-in role besides the admin, and a custom role to show how roles are built. */
@Component
class IdentityDemoData implements DemoDataContributor {

    private static final List<DemoUser> USERS = List.of(
            new DemoUser("billing", "Bina Billing", "+1 555 010 0101", BuiltInRole.BILLING),
            new DemoUser("support", "Sam Support", "+1 555 010 0102", BuiltInRole.SUPPORT),
            new DemoUser("technician", "Tariq Technician", "+1 555 010 0103", BuiltInRole.TECHNICIAN),
            new DemoUser("customer", "Chloe Customer", "+1 555 010 0104", BuiltInRole.CUSTOMER));

    private final UserService users;
    private final RoleService roles;
    private final ApiKeyService apiKeys;

    IdentityDemoData(UserService users, RoleService roles, ApiKeyService apiKeys) {
        this.users = users;
        this.roles = roles;
        this.apiKeys = apiKeys;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void contribute(DemoTenant demo) {
        for (DemoUser user : USERS) {
            var role = users.builtInRole(user.role());
            users.create(new NewUser(
                    Username.parse(user.username()),
                    new UserProfile(
                            new EmailAddress(user.username() + "@" + demo.slug() + ".moonknight.local"),
                            user.fullName(),
                            new PhoneNumber(user.phone())),
                    demo.password(),
                    Set.of(role.id())));
        }
        roles.create(
                "Staff auditor",
                "Example custom role: may look at staff users and the tenant settings, change nothing",
                Set.of(IdentityConfiguration.USERS_READ, "tenant:read", "dashboard:view"));
        roles.create(
                "Cashier",
                "Example custom role: takes payments at the counter; cannot refund, void or change billing",
                Set.of("customers:read", "billing:read", "payments:record"));
        apiKeys.create((java.util.UUID) null, "Monitoring (demo)", Set.of("tenant:read"), null, 120);
    }

    @Override
    public List<DemoLogin> logins() {
        return USERS.stream()
                .map(user -> new DemoLogin(user.username(), user.role().displayName(), "console"))
                .toList();
    }

    private record DemoUser(String username, String fullName, String phone, BuiltInRole role) {}
}
