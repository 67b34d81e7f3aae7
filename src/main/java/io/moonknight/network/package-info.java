/**
 * The network: IP address management (IPv4 and IPv6 pools, allocations, utilisation alerts), VLANs (802.1Q and
 * QinQ, per scope) and the registry of NAS / routers with their RADIUS secrets and provisioning credentials.
 * Other modules allocate addresses through {@link io.moonknight.network.IpAddressManagement} and look VLANs and NAS
 * up through {@link io.moonknight.network.VlanDirectory} and {@link io.moonknight.network.NasDirectory}.
 */
@ApplicationModule(displayName = "Network")
@NullMarked
package io.moonknight.network;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
