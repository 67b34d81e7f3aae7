package io.moonknight.identity.web;

import io.moonknight.identity.internal.NewUser;
import io.moonknight.identity.internal.RoleService;
import io.moonknight.identity.internal.SessionService;
import io.moonknight.identity.internal.TwoFactorService;
import io.moonknight.identity.internal.UserProfile;
import io.moonknight.identity.internal.UserService;
import io.moonknight.identity.internal.UserStatus;
import io.moonknight.identity.internal.UserView;
import io.moonknight.identity.internal.Username;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.FormValues;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The staff users pages: the list, a new user, and a user's page with its three forms and its buttons. */
@Controller
@RequestMapping("/users")
class UserConsoleController {

    private final UserService users;
    private final RoleService roles;
    private final SessionService sessions;
    private final TwoFactorService twoFactor;

    private final ConsoleForm<UserView> newUserForm = ConsoleForm.<UserView>of("identity/user-new", "user")
            .title(user -> "New user")
            .options(this::roleOptions)
            .secrets("password");

    // The user's page holds three forms; whichever is shown again with errors, the other two come from the record.
    private final ConsoleForm<UserView> profileForm = detailForm("profile");
    private final ConsoleForm<UserView> roleForm = detailForm("roleForm");
    private final ConsoleForm<UserView> passwordForm =
            detailForm("passwordForm").secrets("password");

    UserConsoleController(UserService users, RoleService roles, SessionService sessions, TwoFactorService twoFactor) {
        this.users = users;
        this.roles = roles;
        this.sessions = sessions;
        this.twoFactor = twoFactor;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('users:read')")
    String list(@RequestParam MultiValueMap<String, String> params, Model model) {
        var list = ConsoleList.of("/users", params);
        UserStatus status = list.choice("status", UserStatus.class);
        model.addAttribute("statuses", UserStatus.values());
        return list.show(
                model,
                users.search(list.text("q", 100), status, null, list.pageable(25, Sort.by("username"))),
                "identity/users");
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('users:manage')")
    String newUser(Model model) {
        return newUserForm.show(FormValues.empty(), null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('users:manage')")
    String create(
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return newUserForm.submit(params, null, model, redirect, form -> {
            Username username = form.parsed("username", Username::parse);
            Set<UUID> roleIds = form.uuids("roleIds");
            UserProfile profile = profile(form); // checks the fields read so far
            UserView user = users.create(
                    me, new NewUser(Objects.requireNonNull(username), profile, form.get("password"), roleIds));
            return new FormValues.Saved("User " + user.username() + " created.", "/users/" + user.id());
        });
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('users:read')")
    String show(@PathVariable UUID id, Model model) {
        UserView user = users.get(id);
        return profileForm.show(profileValues(user), user, model);
    }

    @PostMapping("/{id}")
    @PreAuthorize("hasAuthority('users:manage')")
    String updateProfile(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return profileForm.submit(params, users.get(id), model, redirect, form -> {
            users.changeProfile(me, id, profile(form));
            return new FormValues.Saved("Contact details saved.", "/users/" + id);
        });
    }

    @PostMapping("/{id}/roles")
    @PreAuthorize("hasAuthority('users:manage')")
    String assignRoles(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return roleForm.submit(params, users.get(id), model, redirect, form -> {
            var roleIds = form.uuids("roleIds");
            form.check();
            users.assignRoles(me, id, roleIds);
            return new FormValues.Saved("Roles saved.", "/users/" + id);
        });
    }

    @PostMapping("/{id}/password")
    @PreAuthorize("hasAuthority('users:manage')")
    String resetPassword(
            @PathVariable UUID id,
            @AuthenticationPrincipal Actor me,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return passwordForm.submit(params, users.get(id), model, redirect, form -> {
            users.resetPassword(me, id, form.get("password"));
            return new FormValues.Saved("Password reset; the user's sessions have ended.", "/users/" + id);
        });
    }

    @PostMapping("/{id}/disable")
    @PreAuthorize("hasAuthority('users:manage')")
    String disable(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/users/" + id, () -> {
            users.disable(id, me);
            return "User disabled; their sessions have ended.";
        });
    }

    @PostMapping("/{id}/enable")
    @PreAuthorize("hasAuthority('users:manage')")
    String enable(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/users/" + id, () -> {
            users.enable(me, id);
            return "User enabled.";
        });
    }

    @PostMapping("/{id}/unlock")
    @PreAuthorize("hasAuthority('users:manage')")
    String unlock(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/users/" + id, () -> {
            users.unlock(me, id);
            return "User unlocked; they can log in again.";
        });
    }

    @PostMapping("/{id}/logout")
    @PreAuthorize("hasAuthority('users:manage')")
    String forceLogout(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/users/" + id, () -> sessions.forceLogout(me, id) + " session(s) ended.");
    }

    @PostMapping("/{id}/two-factor/reset")
    @PreAuthorize("hasAuthority('users:manage')")
    String resetTwoFactor(@PathVariable UUID id, @AuthenticationPrincipal Actor me, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/users/" + id, () -> {
            twoFactor.reset(me, id);
            return "Two-factor authentication reset; the user's sessions have ended.";
        });
    }

    /** The contact details as typed, every field checked before the 400 (the same rules as the API's). */
    private static UserProfile profile(FormValues form) {
        EmailAddress email = form.parsed("email", EmailAddress::new);
        String fullName = form.parsed("fullName", UserProfile::fullName);
        PhoneNumber phone = form.text("phone") == null ? null : form.parsed("phone", PhoneNumber::new);
        form.check();
        return new UserProfile(Objects.requireNonNull(email), Objects.requireNonNull(fullName), phone);
    }

    private ConsoleForm<UserView> detailForm(String name) {
        return ConsoleForm.<UserView>of("identity/user", "user")
                .named(name)
                .title(user -> user == null ? "" : user.username())
                .options(this::detailOptions);
    }

    /** What the user's page shows besides the form being submitted: the other two forms, roles and sessions. */
    private void detailOptions(Model model, @Nullable UserView user) {
        UserView shown = Objects.requireNonNull(user);
        if (!model.containsAttribute("profile")) {
            model.addAttribute("profile", profileValues(shown));
        }
        if (!model.containsAttribute("roleForm")) {
            model.addAttribute(
                    "roleForm",
                    FormValues.empty()
                            .put(
                                    "roleIds",
                                    shown.roles().stream()
                                            .map(role -> role.id().toString())
                                            .collect(Collectors.joining(","))));
        }
        if (!model.containsAttribute("passwordForm")) {
            model.addAttribute("passwordForm", FormValues.empty());
        }
        roleOptions(model, shown);
        model.addAttribute("sessions", sessions.ofUser(shown.id()));
    }

    private void roleOptions(Model model, @Nullable UserView user) {
        model.addAttribute("roles", roles.list());
    }

    private static FormValues profileValues(UserView user) {
        return FormValues.empty()
                .put("email", user.email())
                .put("fullName", user.fullName())
                .put("phone", user.phone());
    }
}
