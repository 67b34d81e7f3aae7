package io.moonknight.network.internal;

import io.moonknight.network.NasAddressing;
import io.moonknight.network.NasChanged;
import io.moonknight.network.NasDirectory;
import io.moonknight.network.NasSummary;
import io.moonknight.network.NasVendor;
import io.moonknight.network.NetworkReferences;
import io.moonknight.network.RadiusClient;
import io.moonknight.shared.security.SecretBox;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The NAS registry. Secrets go in sealed and never come out through the API or the console. */
@Service
public class NasService implements NasDirectory {

    private static final UUID NONE = new UUID(0, 0);

    private final NasRepository nas;
    private final ObjectProvider<NetworkReferences> references;
    private final SecretBox box;
    private final Clock clock;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    NasService(
            NasRepository nas,
            ObjectProvider<NetworkReferences> references,
            SecretBox box,
            Clock clock,
            JdbcClient jdbc,
            ApplicationEventPublisher events) {
        this.nas = nas;
        this.references = references;
        this.box = box;
        this.clock = clock;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    @Transactional(readOnly = true)
    public List<RadiusClient> radiusClients() {
        return jdbc.sql("select * from network.nas where status = 'ACTIVE' order by created_at")
                .query((row, i) -> {
                    UUID id = row.getObject("id", UUID.class);
                    return new RadiusClient(
                            id,
                            row.getObject("tenant_id", UUID.class),
                            row.getString("name"),
                            NasVendor.valueOf(row.getString("vendor")),
                            row.getString("address"),
                            box.open(row.getString("secret_sealed"), Nas.secretContext(id)),
                            row.getBoolean("require_message_authenticator"),
                            NasAddressing.valueOf(row.getString("addressing")),
                            row.getBoolean("supports_coa"),
                            row.getInt("coa_port"));
                })
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<NasSummary> nas(UUID nasId) {
        return nas.findById(nasId).map(Nas::summary);
    }

    @Override
    @Transactional(readOnly = true)
    public List<NasSummary> all() {
        return nas.findAllByOrderByNameAsc().stream().map(Nas::summary).toList();
    }

    @Transactional(readOnly = true)
    public List<NasView> list() {
        return nas.findAllByOrderByNameAsc().stream().map(Nas::view).toList();
    }

    @Transactional(readOnly = true)
    public Page<NasView> list(Pageable page) {
        return nas.findAll(page).map(Nas::view);
    }

    @Transactional(readOnly = true)
    public NasView get(UUID id) {
        return load(id).view();
    }

    @Transactional
    public NasView create(NasDraft draft) {
        NasDraft checked = draft.check(true);
        requireUnique(checked, NONE);
        NasView created =
                nas.saveAndFlush(new Nas(checked, box, clock.instant())).view();
        events.publishEvent(new NasChanged(TenantContext.require(), created.id()));
        return created;
    }

    @Transactional
    public NasView update(UUID id, NasDraft draft) {
        NasDraft checked = draft.check(false);
        Nas existing = load(id);
        requireUnique(checked, id);
        existing.apply(checked, box, clock.instant());
        NasView saved = nas.saveAndFlush(existing).view();
        events.publishEvent(new NasChanged(TenantContext.require(), id));
        return saved;
    }

    @Transactional
    public void delete(UUID id) {
        Nas existing = load(id);
        List<String> uses = new ArrayList<>();
        references.orderedStream().forEach(r -> uses.addAll(r.nasUses(id)));
        if (!uses.isEmpty()) {
            throw ProblemException.conflict(
                    "nas-in-use", "The NAS is used by " + String.join(", ", uses) + "; disable it instead");
        }
        nas.delete(existing);
        events.publishEvent(new NasChanged(TenantContext.require(), id));
    }

    private void requireUnique(NasDraft draft, UUID except) {
        if (nas.existsByNameIgnoreCaseAndIdNot(draft.name(), except)) {
            throw ProblemException.conflict("name-taken", "A NAS named " + draft.name() + " already exists")
                    .with("field", "name");
        }
        if (nas.existsByAddressAndIdNot(draft.address(), except)) {
            throw ProblemException.conflict("address-taken", "A NAS with the address " + draft.address() + " exists")
                    .with("field", "address");
        }
    }

    private Nas load(UUID id) {
        return nas.findById(id).orElseThrow(() -> ProblemException.notFound("NAS", id));
    }
}
