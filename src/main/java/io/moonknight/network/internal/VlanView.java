package io.moonknight.network.internal;

import io.moonknight.network.VlanMode;
import io.moonknight.network.VlanScopeType;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record VlanView(
        UUID id,
        String name,
        VlanScopeType scopeType,
        String scopeName,
        @Nullable Integer sVlan,
        int cVlan,

        @Schema(example = "2000.101", description = "C-VLAN, or S-VLAN.C-VLAN for QinQ")
        String tag,

        VlanMode mode,
        @Nullable String description,
        Instant createdAt,
        Instant updatedAt) {}
