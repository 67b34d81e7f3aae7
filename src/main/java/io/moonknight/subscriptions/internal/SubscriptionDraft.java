package io.moonknight.subscriptions.internal;

import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.domain.MacAddress;
import io.moonknight.subscriptions.domain.Usernames;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A subscription's technical details as staff enter them, for creating and changing one. Credentials depend
 * on the access type: PPPoE and hotspot log in with a username and password (a password is generated when
 * none is given; left out on a change, the stored one stays); IPoE is recognised by MAC address and optionally
 * the DHCP Option 82 circuit id; a static-IP subscription needs a static IPv4 address.
 */
public record SubscriptionDraft(
        @Schema(example = "PPPOE") @NotNull AccessType accessType,

        @Schema(example = "nadia.rahman") @Nullable @Size(max = 64)
        String username,

        @Schema(description = "Write-only") @Nullable @Size(max = 64)
        String password,

        @Schema(example = "02:00:00:00:00:01") @Nullable @Size(max = 20)
        String macAddress,

        @Schema(example = "olt1/1/1/3:101") @Nullable @Size(max = 120)
        String circuitId,

        @Schema(example = "DYNAMIC", description = "NONE when left out") @Nullable
        IpMode ipv4Mode,

        @Schema(description = "The pool; for DYNAMIC the plan's IPv4 pool when left out") @Nullable
        UUID ipv4PoolId,

        @Schema(example = "203.0.113.10", description = "STATIC: the address wanted; the next free one when left out")
        @Nullable
        @Size(max = 45)
        String ipv4Address,

        @Nullable IpMode ipv6Mode,
        @Nullable UUID ipv6PoolId,

        @Schema(example = "2001:db8:1000:5::/64") @Nullable @Size(max = 60)
        String ipv6Prefix,

        @Nullable UUID vlanId,
        @Nullable UUID nasId,

        @Schema(description = "The customer's installation address when all address fields are left out")
        @Nullable
        @Size(max = 200)
        String installLine1,

        @Nullable @Size(max = 200) String installLine2,
        @Nullable @Size(max = 100) String installCity,
        @Nullable Double installLatitude,
        @Nullable Double installLongitude,

        @Schema(description = "Today when left out") @Nullable
        LocalDate startDate,

        @Nullable @Size(max = 4000) String notes) {

    /** The draft normalised: credentials checked, modes defaulted. */
    record Checked(
            AccessType accessType,
            @Nullable String username,
            @Nullable String password,
            @Nullable String macAddress,
            @Nullable String circuitId,
            IpMode ipv4Mode,
            @Nullable UUID ipv4PoolId,
            @Nullable String ipv4Address,
            IpMode ipv6Mode,
            @Nullable UUID ipv6PoolId,
            @Nullable String ipv6Prefix,
            @Nullable UUID vlanId,
            @Nullable UUID nasId,
            @Nullable String installLine1,
            @Nullable String installLine2,
            @Nullable String installCity,
            @Nullable Double installLatitude,
            @Nullable Double installLongitude,
            LocalDate startDate,
            @Nullable String notes) {}

    Checked check(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        boolean login = accessType == AccessType.PPPOE || accessType == AccessType.HOTSPOT;
        String cleanUser = blankToNull(username);
        String cleanPassword = password == null || password.isEmpty() ? null : password;
        if (login) {
            if (cleanUser == null) {
                errors.add(new FieldError("username", "a " + label() + " subscription logs in with a username"));
            } else {
                try {
                    cleanUser = Usernames.check(cleanUser);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("username", String.valueOf(e.getMessage())));
                }
            }
            if (cleanPassword != null) {
                try {
                    Usernames.checkPassword(cleanPassword);
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError("password", String.valueOf(e.getMessage())));
                }
            }
        } else {
            if (cleanUser != null) {
                errors.add(new FieldError("username", "only PPPoE and hotspot subscriptions log in with a username"));
            }
            if (cleanPassword != null) {
                errors.add(new FieldError("password", "only PPPoE and hotspot subscriptions have a password"));
            }
        }
        String mac = blankToNull(macAddress);
        if (mac != null) {
            try {
                mac = MacAddress.normalise(mac);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("macAddress", String.valueOf(e.getMessage())));
            }
        } else if (accessType == AccessType.IPOE) {
            errors.add(new FieldError("macAddress", "an IPoE subscription is recognised by its MAC address"));
        }
        String circuit = blankToNull(circuitId);
        if (circuit != null && accessType != AccessType.IPOE) {
            errors.add(new FieldError("circuitId", "only IPoE subscriptions match a DHCP Option 82 circuit id"));
        }
        IpMode v4 = ipv4Mode == null ? IpMode.NONE : ipv4Mode;
        IpMode v6 = ipv6Mode == null ? IpMode.NONE : ipv6Mode;
        if (accessType == AccessType.STATIC_IP && v4 != IpMode.STATIC) {
            errors.add(new FieldError("ipv4Mode", "a static-IP subscription needs a STATIC IPv4 address"));
        }
        String wantedV4 = blankToNull(ipv4Address);
        if (v4 != IpMode.STATIC && wantedV4 != null) {
            errors.add(new FieldError("ipv4Address", "an address is only given with the STATIC IPv4 mode"));
        }
        if (v4 == IpMode.STATIC && ipv4PoolId == null) {
            errors.add(new FieldError("ipv4PoolId", "choose the static pool the address comes from"));
        }
        if (v4 == IpMode.NONE && ipv4PoolId != null) {
            errors.add(new FieldError("ipv4PoolId", "a pool is only used with the DYNAMIC or STATIC IPv4 mode"));
        }
        String wantedV6 = blankToNull(ipv6Prefix);
        if (v6 != IpMode.STATIC && wantedV6 != null) {
            errors.add(new FieldError("ipv6Prefix", "a prefix is only given with the STATIC IPv6 mode"));
        }
        if (v6 == IpMode.STATIC && ipv6PoolId == null) {
            errors.add(new FieldError("ipv6PoolId", "choose the static pool the prefix comes from"));
        }
        if (v6 == IpMode.NONE && ipv6PoolId != null) {
            errors.add(new FieldError("ipv6PoolId", "a pool is only used with the DYNAMIC or STATIC IPv6 mode"));
        }
        if ((installLatitude == null) != (installLongitude == null)) {
            errors.add(new FieldError("installLatitude", "give both latitude and longitude, or neither"));
        } else if (installLatitude != null
                && installLongitude != null
                && (Math.abs(installLatitude) > 90 || Math.abs(installLongitude) > 180)) {
            errors.add(new FieldError("installLatitude", "latitude is -90..90 and longitude -180..180"));
        }
        LocalDate start = startDate == null ? today : startDate;
        if (start.isBefore(today.minusYears(50)) || start.isAfter(today.plusYears(2))) {
            errors.add(new FieldError("startDate", "must be within 50 years before and 2 years after today"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new Checked(
                accessType,
                cleanUser,
                cleanPassword,
                mac,
                circuit,
                v4,
                ipv4PoolId,
                wantedV4,
                v6,
                ipv6PoolId,
                wantedV6,
                vlanId,
                nasId,
                blankToNull(installLine1),
                blankToNull(installLine2),
                blankToNull(installCity),
                installLatitude,
                installLongitude,
                start,
                blankToNull(notes));
    }

    private String label() {
        return accessType == AccessType.PPPOE ? "PPPoE" : "hotspot";
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
