package io.moonknight.console;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.tenancy.TenantDirectory;
import io.moonknight.tenancy.TenantView;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Shows amounts as the viewer's tenant writes money: its locale's grouping and symbol, the currency's minor units
 * ({@code ৳3,000.00}, {@code $25.00}, {@code ¥300}), never a database's four decimals. Templates call
 * {@code ${@money.format(amount, currency)}}, or {@code ${@money.format(amount)}} for the tenant's own currency.
 */
@Component("money")
public class ConsoleMoney {

    private final TenantDirectory tenants;

    ConsoleMoney(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    /** An amount in the tenant's currency. */
    public String format(@Nullable BigDecimal amount) {
        return format(amount, currency().getCurrencyCode());
    }

    /** An amount in {@code currencyCode} (an unknown code is shown as it is, before the plain amount). */
    public String format(@Nullable BigDecimal amount, @Nullable String currencyCode) {
        if (amount == null) {
            return "";
        }
        Currency currency;
        try {
            currency = currencyCode == null ? currency() : Currency.getInstance(currencyCode);
        } catch (IllegalArgumentException e) {
            return currencyCode + " " + amount.toPlainString();
        }
        return format(amount, currency, locale());
    }

    /** The amount in the currency written the way {@code locale} writes money (package-visible for tests). */
    static String format(BigDecimal amount, Currency currency, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(currency);
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        if (format instanceof DecimalFormat decimal) {
            decimal.setParseBigDecimal(true);
        }
        return format.format(amount);
    }

    /** The tenant's currency code (USD outside a tenant). */
    public String currencyCode() {
        return currency().getCurrencyCode();
    }

    private Currency currency() {
        return TenantContext.current().map(tenants::currency).orElse(Currency.getInstance("USD"));
    }

    private Locale locale() {
        return tenant().map(TenantView::locale)
                .filter(tag -> !tag.isBlank())
                .map(tag -> Locale.forLanguageTag(tag.replace('_', '-')))
                .orElse(Locale.US);
    }

    private Optional<TenantView> tenant() {
        return TenantContext.current().flatMap(tenants::find);
    }
}
