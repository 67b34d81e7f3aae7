package io.moonknight.identity.internal;

import io.moonknight.identity.domain.PasswordPolicy;
import io.moonknight.shared.config.MoonKnightProperties;
import io.moonknight.shared.console.ConsoleMenuItem;
import io.moonknight.shared.console.DashboardCard;
import io.moonknight.shared.security.BuiltInRole;
import io.moonknight.shared.security.PermissionDefinition;
import io.moonknight.shared.security.PermissionProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class IdentityConfiguration {

    static final String USERS_READ = "users:read";
    static final String ROLES_MANAGE = "roles:manage";
    static final String API_KEYS_MANAGE = "api-keys:manage";

    /** BCrypt by default; hashes carry their algorithm id, so the default can change without a migration. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** Brute-force protection; see {@link LoginThrottle} for the model. */
    @Bean
    LoginThrottle loginThrottle(MoonKnightProperties properties, java.time.Clock clock) {
        return new LoginThrottle(properties.security().lockout(), clock);
    }

    @Bean
    PasswordPolicy passwordPolicy(MoonKnightProperties properties) {
        return new PasswordPolicy(properties.security().passwordMinLength(), commonPasswords());
    }

    @Bean
    PermissionProvider identityPermissions() {
        return new PermissionProvider() {
            @Override
            public String module() {
                return "Staff and roles";
            }

            @Override
            public List<PermissionDefinition> permissions() {
                return List.of(
                        PermissionDefinition.of(USERS_READ, "See staff users and their roles", BuiltInRole.ADMIN),
                        PermissionDefinition.of(
                                UserService.USERS_MANAGE,
                                "Create, edit and disable staff users, reset passwords, assign roles",
                                BuiltInRole.ADMIN),
                        PermissionDefinition.of(ROLES_MANAGE, "Create and edit custom roles", BuiltInRole.ADMIN),
                        PermissionDefinition.of(
                                API_KEYS_MANAGE, "Create and revoke API keys for integrations", BuiltInRole.ADMIN));
            }
        };
    }

    @Bean
    ConsoleMenuItem usersMenu() {
        return new ConsoleMenuItem("Administration", "Staff users", "people", "/users", USERS_READ, 910);
    }

    @Bean
    ConsoleMenuItem rolesMenu() {
        return new ConsoleMenuItem("Administration", "Roles", "shield-lock", "/roles", ROLES_MANAGE, 920);
    }

    @Bean
    ConsoleMenuItem apiKeysMenu() {
        return new ConsoleMenuItem("Administration", "API keys", "key", "/settings/api-keys", API_KEYS_MANAGE, 930);
    }

    @Bean
    DashboardCard staffUsersCard(UserService users) {
        return new DashboardCard(
                "Staff users", "people", USERS_READ, "/users", 900, () -> String.valueOf(users.count()));
    }

    static Set<String> commonPasswords() {
        var resource = new ClassPathResource("identity/common-passwords.txt");
        try (var reader =
                new BufferedReader(new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the common password list", e);
        }
    }
}
