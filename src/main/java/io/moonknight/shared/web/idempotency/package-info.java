/**
 * Idempotency keys for money-moving API requests, with Stripe's semantics: a client sends
 * {@code Idempotency-Key}; a repetition of the same request with the same key gets the first answer replayed
 * instead of acting twice. Handlers opt in with {@link io.moonknight.shared.web.idempotency.Idempotent}.
 */
@NullMarked
package io.moonknight.shared.web.idempotency;

import org.jspecify.annotations.NullMarked;
