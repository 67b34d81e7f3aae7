package io.moonknight.shared.web.idempotency;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/** Documents the optional {@code Idempotency-Key} header on every {@link Idempotent} operation. */
@Component
class IdempotencyOperationCustomizer implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        if (!handlerMethod.hasMethodAnnotation(Idempotent.class)) {
            return operation;
        }
        operation.addParametersItem(new HeaderParameter()
                .name(IdempotencyInterceptor.HEADER)
                .required(false)
                .description("Makes a retry safe: the same request sent again with the same key within 24 hours gets"
                        + " the first answer replayed (with `" + IdempotencyInterceptor.REPLAYED + ": true`) instead of"
                        + " acting twice. Scoped to the tenant and the caller (user or API key). Another request"
                        + " with the same key: 422 `idempotency-key-reused`; while the first is still running: 409"
                        + " `idempotency-key-in-progress`. A 5xx answer is not kept, so the key may be retried.")
                .schema(new StringSchema()
                        .minLength(1)
                        .maxLength(IdempotencyInterceptor.MAX_LENGTH)
                        .pattern("^[\\x20-\\x7E]+$")
                        .example("5f0c2a0e-7d6b-4f43-9a57-2f1d8c6b1e90")));
        operation.addExtension("x-idempotent", true);
        return operation;
    }
}
