package io.moonknight.billing.internal;

import io.moonknight.tenancy.TenantView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Who issues the billing documents: the ISP's legal name, postal address, tax id and logo, and how customers pay.
 *
 * <p>The tenancy module keeps only the display name today, so the letterhead is that name with no address, tax id
 * or logo, and general payment instructions; the templates print whatever is present. When tenant settings gain
 * these fields, {@link #of} is the one place to read them.
 *
 * @param logo a {@code data:} URI of a PNG or JPEG, or null
 */
record Letterhead(
        String legalName,
        List<String> address,
        @Nullable String taxId,
        @Nullable String logo,
        String paymentInstructions) {

    static final String DEFAULT_INSTRUCTIONS = "Please pay by the due date at our office or by bank transfer,"
            + " quoting the invoice number as the payment reference.";

    static Letterhead of(TenantView tenant) {
        return new Letterhead(tenant.name(), List.of(), null, null, DEFAULT_INSTRUCTIONS);
    }
}
