package io.moonknight.network.internal;

import io.moonknight.network.NetworkReferences;
import io.moonknight.network.VlanDirectory;
import io.moonknight.network.VlanScopeType;
import io.moonknight.network.VlanSummary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** VLAN definitions; an id (or QinQ pair) appears once per scope. */
@Service
public class VlanService implements VlanDirectory {

    private final VlanRepository vlans;
    private final ObjectProvider<NetworkReferences> references;
    private final JdbcClient jdbc;
    private final Clock clock;

    VlanService(VlanRepository vlans, ObjectProvider<NetworkReferences> references, JdbcClient jdbc, Clock clock) {
        this.vlans = vlans;
        this.references = references;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<VlanSummary> vlan(UUID vlanId) {
        return vlans.findById(vlanId).map(Vlan::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<VlanSummary> all(int limit) {
        return vlans.findAll(org.springframework.data.domain.PageRequest.of(
                        0, limit, org.springframework.data.domain.Sort.by("scopeType", "scopeName", "sVlan", "cVlan")))
                .map(Vlan::summary)
                .getContent();
    }

    /** VLANs by scope and tag, optionally of one scope type and matching a text (name, scope or id). */
    @Transactional(readOnly = true)
    public Page<VlanView> list(@Nullable VlanScopeType scopeType, @Nullable String q, Pageable pageable) {
        var where = new StringBuilder("tenant_id = :tenant");
        if (scopeType != null) {
            where.append(" and scope_type = :scopeType");
        }
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q or lower(scope_name) like :q or cast(c_vlan as text) = :exact"
                    + " or cast(s_vlan as text) = :exact)");
        }
        var statement = jdbc.sql("select id, count(*) over () as total from network.vlans where " + where
                        + " order by scope_type, lower(scope_name), coalesce(s_vlan, 0), c_vlan limit :limit"
                        + " offset :offset")
                .param("tenant", TenantContext.require())
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset());
        if (scopeType != null) {
            statement = statement.param("scopeType", scopeType.name());
        }
        if (q != null && !q.isBlank()) {
            statement = statement
                    .param(
                            "q",
                            "%" + q.strip().toLowerCase(java.util.Locale.ROOT).replace("%", "\\%") + "%")
                    .param("exact", q.strip());
        }
        long[] total = {0};
        List<UUID> ids = statement
                .query((row, i) -> {
                    total[0] = row.getLong("total");
                    return row.getObject("id", UUID.class);
                })
                .list();
        var byId = new java.util.HashMap<UUID, VlanView>();
        vlans.findAllById(ids).forEach(v -> byId.put(v.id(), v.view()));
        return new PageImpl<>(ids.stream().map(byId::get).toList(), pageable, total[0]);
    }

    @Transactional(readOnly = true)
    public VlanView get(UUID id) {
        return load(id).view();
    }

    @Transactional
    public VlanView create(VlanDraft draft) {
        VlanDraft checked = draft.check();
        requireFree(checked, null);
        return vlans.saveAndFlush(new Vlan(checked, clock.instant())).view();
    }

    @Transactional
    public VlanView update(UUID id, VlanDraft draft) {
        VlanDraft checked = draft.check();
        Vlan vlan = load(id);
        requireFree(checked, id);
        vlan.apply(checked, clock.instant());
        return vlans.saveAndFlush(vlan).view();
    }

    @Transactional
    public void delete(UUID id) {
        Vlan vlan = load(id);
        List<String> uses = new ArrayList<>();
        references.orderedStream().forEach(r -> uses.addAll(r.vlanUses(id)));
        if (!uses.isEmpty()) {
            throw ProblemException.conflict("vlan-in-use", "The VLAN is used by " + String.join(", ", uses));
        }
        vlans.delete(vlan);
    }

    private void requireFree(VlanDraft draft, @Nullable UUID except) {
        boolean taken = jdbc.sql("""
            select exists (select 1 from network.vlans where tenant_id = :tenant and scope_type = :type
                and lower(scope_name) = lower(:scope) and coalesce(s_vlan, 0) = :s and c_vlan = :c and id <> :except)
            """)
                .param("tenant", TenantContext.require())
                .param("type", draft.scopeType().name())
                .param("scope", draft.scopeName())
                .param("s", draft.sVlan() == null ? 0 : draft.sVlan())
                .param("c", draft.cVlan())
                .param("except", except == null ? new UUID(0, 0) : except)
                .query(Boolean.class)
                .single();
        if (taken) {
            String tag = draft.sVlan() == null ? String.valueOf(draft.cVlan()) : draft.sVlan() + "." + draft.cVlan();
            throw ProblemException.conflict(
                            "vlan-taken",
                            "VLAN " + tag + " already exists in "
                                    + draft.scopeType().name().toLowerCase(java.util.Locale.ROOT) + " "
                                    + draft.scopeName())
                    .with("field", "cVlan");
        }
    }

    private Vlan load(UUID id) {
        return vlans.findById(id).orElseThrow(() -> ProblemException.notFound("VLAN", id));
    }
}
