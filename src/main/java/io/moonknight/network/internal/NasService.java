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
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
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
        Nas created = new Nas(checked, box, clock.instant());
        requireUnique(checked, created.secretFingerprint(), NONE);
        NasView view = save(created);
        events.publishEvent(new NasChanged(TenantContext.require(), view.id()));
        return view;
    }

    /** Whether some other NAS (another tenant's) already has this address and secret, so this pair is refused. */
    @Transactional(readOnly = true)
    public boolean sharedWithAnotherTenant(String address, String secret) {
        return jdbc.sql("""
            select exists (select 1 from network.nas where address = :address and secret_fingerprint = :fingerprint)
            """)
                .param("address", address)
                .param("fingerprint", Nas.fingerprint(box, secret))
                .query(Boolean.class)
                .single();
    }

    @Transactional
    public NasView update(UUID id, NasDraft draft) {
        NasDraft checked = draft.check(false);
        Nas existing = load(id);
        String secret = checked.secret();
        requireUnique(checked, secret != null ? Nas.fingerprint(box, secret) : existing.secretFingerprint(), id);
        existing.apply(checked, box, clock.instant());
        NasView saved = save(existing);
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

    /**
     * A tenant's NAS have distinct names and addresses. Across tenants, NAS may share an address (the same private
     * range behind different tunnels) as RADIUS tells them apart by which secret signed a packet; so an address
     * and secret another tenant's NAS already has are refused, without saying whose it is.
     */
    private void requireUnique(NasDraft draft, @Nullable String fingerprint, UUID except) {
        if (nas.existsByNameIgnoreCaseAndIdNot(draft.name(), except)) {
            throw ProblemException.conflict("name-taken", "A NAS named " + draft.name() + " already exists")
                    .with("field", "name");
        }
        if (nas.existsByAddressAndIdNot(draft.address(), except)) {
            throw addressTaken(draft.address());
        }
        if (fingerprint != null
                && jdbc.sql("""
                    select exists (select 1 from network.nas
                                   where address = :address and secret_fingerprint = :fingerprint and id <> :id)
                    """)
                        .param("address", draft.address())
                        .param("fingerprint", fingerprint)
                        .param("id", except)
                        .query(Boolean.class)
                        .single()) {
            throw addressShared(draft.address());
        }
    }

    /** Saves now, so a race lost on a unique name, address or address and secret is a clear 409. */
    private NasView save(Nas device) {
        try {
            return nas.saveAndFlush(device).view();
        } catch (DataIntegrityViolationException e) {
            String message = String.valueOf(e.getMostSpecificCause().getMessage());
            if (message.contains("nas_address_secret_uq")) {
                // Lost a race: the checks above passed, so the other NAS was saved just now; a double submit of
                // this tenant's own form is far likelier than another ISP registering the same address and secret.
                throw addressTaken(device.address());
            }
            if (message.contains("nas_address_uq")) {
                throw addressTaken(device.address());
            }
            throw ProblemException.conflict("name-taken", "A NAS named " + device.name() + " already exists")
                    .with("field", "name");
        }
    }

    private static ProblemException addressTaken(String address) {
        return ProblemException.conflict("address-taken", "A NAS with the address " + address + " exists")
                .with("field", "address");
    }

    private static ProblemException addressShared(String address) {
        return ProblemException.conflict(
                        "nas-address-shared",
                        "Another ISP has a NAS at " + address + " with the same shared secret, so RADIUS could not"
                                + " tell their requests apart; give this NAS a different secret")
                .with("field", "address");
    }

    private Nas load(UUID id) {
        return nas.findById(id).orElseThrow(() -> ProblemException.notFound("NAS", id));
    }
}
