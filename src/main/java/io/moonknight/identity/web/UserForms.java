package io.moonknight.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Form-backing beans of the user pages. */
final class UserForms {

    private UserForms() {}

    static class Profile {
        @NotBlank(message = "Enter an email address")
        @Size(max = 254)
        private String email = "";

        @NotBlank(message = "Enter the full name")
        @Size(max = 120)
        private String fullName = "";

        @Size(max = 30)
        private String phone = "";

        public String getEmail() {
            return email;
        }

        public void setEmail(String email) {
            this.email = email;
        }

        public String getFullName() {
            return fullName;
        }

        public void setFullName(String fullName) {
            this.fullName = fullName;
        }

        public String getPhone() {
            return phone;
        }

        public void setPhone(String phone) {
            this.phone = phone;
        }
    }

    static class NewUser extends Profile {
        @NotBlank(message = "Choose a username")
        @Size(max = 64)
        private String username = "";

        @NotBlank(message = "Set an initial password")
        @Size(max = 256)
        private String password = "";

        private List<UUID> roleIds = new ArrayList<>();

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<UUID> getRoleIds() {
            return roleIds;
        }

        public void setRoleIds(List<UUID> roleIds) {
            this.roleIds = roleIds;
        }
    }

    static class Password {
        @NotBlank(message = "Enter the new password")
        @Size(max = 256)
        private String password = "";

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    static class OwnPassword {
        @NotBlank(message = "Enter your current password")
        @Size(max = 128)
        private String currentPassword = "";

        @NotBlank(message = "Enter the new password")
        @Size(max = 256)
        private String newPassword = "";

        public String getCurrentPassword() {
            return currentPassword;
        }

        public void setCurrentPassword(String currentPassword) {
            this.currentPassword = currentPassword;
        }

        public String getNewPassword() {
            return newPassword;
        }

        public void setNewPassword(String newPassword) {
            this.newPassword = newPassword;
        }
    }

    static class Roles {
        private List<UUID> roleIds = new ArrayList<>();

        public List<UUID> getRoleIds() {
            return roleIds;
        }

        public void setRoleIds(List<UUID> roleIds) {
            this.roleIds = roleIds;
        }
    }

    static class Role {
        @NotBlank(message = "Name the role")
        @Size(max = 60)
        private String name = "";

        @Size(max = 300)
        private String description = "";

        private List<String> permissions = new ArrayList<>();

        public String getName() {
            return name;
        }

        public void setName(String name) {
            this.name = name;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }

        public List<String> getPermissions() {
            return permissions;
        }

        public void setPermissions(List<String> permissions) {
            this.permissions = permissions;
        }
    }
}
