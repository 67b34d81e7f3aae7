/**
 * What entities tell the audit trail about themselves: fields never to reveal, fields not worth a record,
 * how to name an entity, which tenant a change belongs to. Used by every module's entities.
 */
@NullMarked
package io.moonknight.shared.audit;

import org.jspecify.annotations.NullMarked;
