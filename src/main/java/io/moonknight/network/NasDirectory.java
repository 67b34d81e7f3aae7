package io.moonknight.network;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Looks NAS up for other modules (in the bound tenant). */
public interface NasDirectory {

    Optional<NasSummary> nas(UUID nasId);

    List<NasSummary> all();

    /** Every active NAS of every tenant, secrets opened: for the RADIUS server only, never for display. */
    List<RadiusClient> radiusClients();
}
