package io.moonknight.billing.web;

import io.moonknight.billing.internal.BillingAccounts;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ProblemException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * Who may change a customer's tax exemption: only a holder of {@code billing:tax-exempt}. The exemption is the flag
 * and, for an exempt customer (or one becoming exempt), the tax id it rests on; a tax id of a customer who pays tax
 * is ordinary billing data ({@code billing:write}).
 */
final class TaxExemptions {

    static final String PERMISSION = "billing:tax-exempt";

    private TaxExemptions() {}

    static boolean mayChange() {
        return Actor.current().map(actor -> actor.can(PERMISSION)).orElse(false);
    }

    /** Whether {@code change} touches the exemption of {@code current}. */
    static boolean touches(BillingAccounts.Account current, boolean taxExempt, @Nullable String taxId) {
        if (current.taxExempt() != taxExempt) {
            return true;
        }
        return taxExempt && !Objects.equals(normal(current.taxId()), normal(taxId));
    }

    /** 403 naming the permission when the caller may not make this change. */
    static void check(BillingAccounts.Account current, boolean taxExempt, @Nullable String taxId) {
        if (touches(current, taxExempt, taxId) && !mayChange()) {
            throw new ProblemException(
                            HttpStatus.FORBIDDEN,
                            "forbidden",
                            "Forbidden",
                            "Changing a customer's tax exemption (taxExempt, or the taxId of an exempt customer)"
                                    + " needs permission " + PERMISSION)
                    .with("permission", PERMISSION)
                    .with("field", "taxExempt");
        }
    }

    private static @Nullable String normal(@Nullable String taxId) {
        return taxId == null || taxId.isBlank() ? null : taxId.strip();
    }
}
