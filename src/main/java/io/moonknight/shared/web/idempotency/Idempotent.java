package io.moonknight.shared.web.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a REST handler that moves money as accepting an optional {@code Idempotency-Key} header. With the header,
 * the first answer (status, {@code Content-Type}, {@code Location}, body) is stored for the tenant, the caller and
 * the key; the same request again gets that answer replayed with {@code Idempotent-Replayed: true} instead of
 * acting twice. The same key with another request is a 422 ({@code idempotency-key-reused}), and a repetition
 * while the first is still running a 409 ({@code idempotency-key-in-progress}). A 5xx answer is not stored.
 * Without the header the handler behaves as if it were not annotated.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {}
