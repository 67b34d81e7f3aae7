package io.moonknight.network.internal;

import io.moonknight.network.VlanMode;
import io.moonknight.network.VlanScopeType;
import io.moonknight.network.VlanSummary;
import io.moonknight.shared.tenant.TenantOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

@Entity
@Table(schema = "network", name = "vlans")
class Vlan extends TenantOwned<Vlan> {

    @Id
    private UUID id;

    private String name;

    @Enumerated(EnumType.STRING)
    private VlanScopeType scopeType;

    private String scopeName;

    @Column(name = "s_vlan")
    private @Nullable Integer sVlan;

    @Column(name = "c_vlan")
    private int cVlan;

    @Enumerated(EnumType.STRING)
    private VlanMode mode;

    private @Nullable String description;
    private Instant createdAt;
    private Instant updatedAt;

    @Version
    private long version;

    protected Vlan() {}

    Vlan(VlanDraft draft, Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
        apply(draft, now);
    }

    void apply(VlanDraft draft, Instant now) {
        this.name = draft.name();
        this.scopeType = draft.scopeType();
        this.scopeName = draft.scopeName();
        this.sVlan = draft.sVlan();
        this.cVlan = draft.cVlan();
        this.mode = draft.mode();
        this.description = draft.description();
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    VlanSummary summary() {
        return new VlanSummary(id, name, scopeType, scopeName, sVlan, cVlan, mode);
    }

    VlanView view() {
        return new VlanView(
                id, name, scopeType, scopeName, sVlan, cVlan, summary().tag(), mode, description, createdAt, updatedAt);
    }
}
