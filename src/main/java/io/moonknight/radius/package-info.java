/**
 * RADIUS: the built-in RFC 2865/2866 server (authentication of PPPoE, hotspot and IPoE subscribers, accounting,
 * live sessions, usage) and the RFC 5176 client that enforces changes on the NAS (CoA, Disconnect). It reads
 * subscribers, plans and NAS through their modules' APIs and owns sessions and usage.
 */
@ApplicationModule(displayName = "RADIUS")
@NullMarked
package io.moonknight.radius;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
