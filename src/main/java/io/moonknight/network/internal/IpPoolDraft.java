package io.moonknight.network.internal;

import io.moonknight.network.IpPoolPurpose;
import io.moonknight.network.domain.AddressRange;
import io.moonknight.network.domain.IpAddress;
import io.moonknight.network.domain.IpFamily;
import io.moonknight.network.domain.IpPrefix;
import io.moonknight.network.domain.PoolLayout;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What staff enter for a pool, as text; {@link #check()} parses and validates all of it at once, naming every
 * field that is wrong.
 */
public record IpPoolDraft(
        String name,
        String prefix,
        @Nullable Integer assignmentLength,
        IpPoolPurpose purpose,
        @Nullable String gateway,
        List<String> dnsServers,
        List<String> excluded,
        int alertThreshold,
        @Nullable String description) {

    /** The draft in canonical form, with the layout it describes. */
    record Checked(IpPoolDraft draft, PoolLayout layout) {}

    Checked check() {
        List<FieldError> errors = new ArrayList<>();
        String cleanName = name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 80) {
            errors.add(new FieldError("name", "give a name of 1-80 characters"));
        }
        if (description != null && description.length() > 1000) {
            errors.add(new FieldError("description", "must be at most 1000 characters"));
        }
        if (alertThreshold < 1 || alertThreshold > 100) {
            errors.add(new FieldError("alertThreshold", "must be a percentage between 1 and 100"));
        }
        IpPrefix parsedPrefix = null;
        try {
            parsedPrefix = IpPrefix.parse(prefix);
            if (parsedPrefix.family() == IpFamily.IPV4 && parsedPrefix.length() < 8) {
                errors.add(new FieldError("prefix", "an IPv4 pool can be at most a /8"));
                parsedPrefix = null;
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("prefix", String.valueOf(e.getMessage())));
        }
        IpAddress parsedGateway = null;
        if (gateway != null && !gateway.isBlank()) {
            try {
                parsedGateway = IpAddress.parse(gateway);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("gateway", String.valueOf(e.getMessage())));
            }
        }
        List<String> dns = new ArrayList<>();
        if (dnsServers.size() > 4) {
            errors.add(new FieldError("dnsServers", "at most 4 DNS servers"));
        }
        for (String server : dnsServers) {
            if (server.isBlank()) {
                continue;
            }
            try {
                dns.add(IpAddress.parse(server).toString());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("dnsServers", String.valueOf(e.getMessage())));
            }
        }
        List<AddressRange> ranges = new ArrayList<>();
        if (excluded.size() > 100) {
            errors.add(new FieldError("excluded", "at most 100 excluded ranges"));
        }
        for (String range : excluded) {
            if (range.isBlank()) {
                continue;
            }
            try {
                ranges.add(AddressRange.parse(range));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("excluded", String.valueOf(e.getMessage())));
            }
        }
        PoolLayout layout = null;
        int length = 0;
        if (parsedPrefix != null) {
            length = assignmentLength != null ? assignmentLength : defaultAssignmentLength(parsedPrefix);
            try {
                layout = new PoolLayout(parsedPrefix, length, null, List.of());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("assignmentLength", String.valueOf(e.getMessage())));
            }
            if (parsedGateway != null && !parsedPrefix.contains(parsedGateway)) {
                errors.add(new FieldError("gateway", parsedGateway + " is not inside " + parsedPrefix));
                parsedGateway = null;
            }
            for (AddressRange range : ranges) {
                if (!parsedPrefix.contains(range.first()) || !parsedPrefix.contains(range.last())) {
                    errors.add(new FieldError("excluded", range + " is not inside " + parsedPrefix));
                }
            }
        }
        if (!errors.isEmpty() || layout == null || parsedPrefix == null) {
            throw ProblemException.invalidFields(errors);
        }
        layout = new PoolLayout(parsedPrefix, length, parsedGateway, ranges);
        if (layout.usable().signum() <= 0) {
            throw ProblemException.invalidField("excluded", "nothing is left to hand out");
        }
        var canonical = new IpPoolDraft(
                cleanName,
                parsedPrefix.toString(),
                length,
                purpose,
                parsedGateway == null ? null : parsedGateway.toString(),
                List.copyOf(dns),
                ranges.stream().map(AddressRange::toString).toList(),
                alertThreshold,
                description == null || description.isBlank() ? null : description.strip());
        return new Checked(canonical, layout);
    }

    /** Single addresses, except that an IPv6 prefix shorter than /64 delegates a /64 to each subscriber. */
    static int defaultAssignmentLength(IpPrefix prefix) {
        if (prefix.family() == IpFamily.IPV4) {
            return 32;
        }
        return prefix.length() < 64 ? 64 : 128;
    }
}
