package io.moonknight.billing.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.billing.domain.InvoiceNumbers;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.shared.web.ProblemException.FieldError;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tenant's billing settings: payment terms, invoice number format, tax rates and the dunning ladder. */
@Service
public class BillingSettingsService {

    private static final Pattern TAX_CLASS = Pattern.compile("[a-z0-9][a-z0-9-]{0,29}");

    /** What a dunning step can do, in the order the editor offers them. */
    public static final List<String> ACTIONS = List.of("REMINDER", "SUSPEND", "TERMINATE");

    /** One tax rate of a tax class. */
    public record TaxRate(
            @NotNull @Size(max = 30) String taxClass,
            @NotNull @Size(max = 40) String name,
            @NotNull BigDecimal percent,
            boolean inclusive) {}

    /**
     * One step of the dunning ladder: days from the due date (negative: before), what happens, and the message the
     * customer is sent ({@code {customer}}, {@code {invoice}}, {@code {amount}}, {@code {dueOn}} filled in; none: the
     * action's default text).
     */
    public record DunningStep(
            int days,
            @NotNull @Size(max = 20) String action,

            @org.jspecify.annotations.Nullable @Size(max = 500)
            String message) {}

    public record Settings(
            int paymentTermsDays,
            String invoiceNumberFormat,
            @org.jspecify.annotations.Nullable String receiptNumberFormat,
            boolean billWhileSuspended,
            List<TaxRate> taxRates,
            List<DunningStep> dunningSteps) {}

    private final JdbcClient jdbc;
    private final Dunning dunning;
    private final AuditTrail audit;

    BillingSettingsService(JdbcClient jdbc, Dunning dunning, AuditTrail audit) {
        this.jdbc = jdbc;
        this.dunning = dunning;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public Settings get() {
        UUID tenant = TenantContext.require();
        var basics = jdbc.sql("select payment_terms, bill_while_suspended from billing.settings where tenant_id = :t")
                .param("t", tenant)
                .query((row, i) -> new Object[] {row.getInt("payment_terms"), row.getBoolean("bill_while_suspended")})
                .optional()
                .orElse(new Object[] {7, true});
        String format = jdbc.sql("select format from billing.invoice_sequences where tenant_id = :t")
                .param("t", tenant)
                .query(String.class)
                .optional()
                .orElse("INV-{yyyy}-{seq:6}");
        String receipts = jdbc.sql("select format from billing.receipt_sequences where tenant_id = :t")
                .param("t", tenant)
                .query(String.class)
                .optional()
                .orElse("RCP-{yyyy}-{seq:6}");
        List<TaxRate> rates = jdbc.sql("select * from billing.tax_rates where tenant_id = :t order by tax_class, name")
                .param("t", tenant)
                .query((row, i) -> new TaxRate(
                        row.getString("tax_class"),
                        row.getString("name"),
                        row.getBigDecimal("percent").stripTrailingZeros(),
                        row.getBoolean("inclusive")))
                .list();
        List<DunningStep> steps = jdbc.sql(
                        "select days, action, message from billing.dunning_steps where tenant_id = :t order by days")
                .param("t", tenant)
                .query((row, i) ->
                        new DunningStep(row.getInt("days"), row.getString("action"), row.getString("message")))
                .list();
        if (steps.isEmpty()) {
            steps = dunning.steps(tenant).stream()
                    .map(s -> new DunningStep(s.days(), s.action(), null))
                    .toList();
        }
        return new Settings((Integer) basics[0], format, receipts, (Boolean) basics[1], rates, steps);
    }

    /** Sets a number format on a counter row ({@code invoice_sequences} or {@code receipt_sequences}). */
    private void saveFormat(UUID tenant, String sequenceTable, String format) {
        jdbc.sql("insert into billing." + sequenceTable + " (tenant_id, format) values (:t, :f)"
                        + " on conflict (tenant_id) do update set format = excluded.format")
                .param("t", tenant)
                .param("f", format)
                .update();
    }

    /** Replaces the settings; every problem is named by its field. */
    @Transactional
    public Settings update(Settings settings) {
        List<FieldError> errors = new ArrayList<>();
        if (settings.paymentTermsDays() < 0 || settings.paymentTermsDays() > 365) {
            errors.add(new FieldError("paymentTermsDays", "must be 0-365 days"));
        }
        try {
            InvoiceNumbers.check(settings.invoiceNumberFormat());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("invoiceNumberFormat", String.valueOf(e.getMessage())));
        }
        if (settings.receiptNumberFormat() != null) {
            try {
                InvoiceNumbers.check(settings.receiptNumberFormat());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("receiptNumberFormat", String.valueOf(e.getMessage())));
            }
        }
        // each problem is named by its row ("taxRates[2].percent"), so an editor can show it on that row's input
        Set<String> seen = new HashSet<>();
        List<TaxRate> rates = settings.taxRates();
        for (int i = 0; i < rates.size(); i++) {
            TaxRate rate = rates.get(i);
            String row = "taxRates[" + i + "].";
            if (!TAX_CLASS.matcher(rate.taxClass()).matches()) {
                errors.add(
                        new FieldError(row + "taxClass", "'" + rate.taxClass() + "' is not a tax class (a-z, 0-9, -)"));
            }
            if (rate.name().isBlank() || rate.name().length() > 40) {
                errors.add(new FieldError(row + "name", "give each rate a name of 1-40 characters"));
            }
            if (rate.percent().signum() < 0 || rate.percent().compareTo(BigDecimal.valueOf(100)) > 0) {
                errors.add(new FieldError(row + "percent", "a rate is 0-100%"));
            }
            if (!seen.add(rate.taxClass() + "/" + rate.name().strip())) {
                errors.add(new FieldError(row + "name", rate.taxClass() + " has two rates named " + rate.name()));
            }
            for (int j = 0; j < i; j++) {
                if (rates.get(j).taxClass().equals(rate.taxClass())
                        && rates.get(j).inclusive() != rate.inclusive()) {
                    errors.add(new FieldError(
                            row + "inclusive",
                            "the rates of " + rate.taxClass() + " must all be inclusive or all exclusive"));
                    break;
                }
            }
        }
        Set<Integer> days = new HashSet<>();
        List<DunningStep> steps = settings.dunningSteps();
        for (int i = 0; i < steps.size(); i++) {
            DunningStep step = steps.get(i);
            String row = "dunningSteps[" + i + "].";
            if (step.days() < -60 || step.days() > 365) {
                errors.add(new FieldError(row + "days", "a step is -60 to 365 days from the due date"));
            } else if (!days.add(step.days())) {
                errors.add(new FieldError(row + "days", "two steps on day " + step.days()));
            }
            if (!ACTIONS.contains(step.action())) {
                errors.add(new FieldError(row + "action", "an action is REMINDER, SUSPEND or TERMINATE"));
            }
            if (step.message() != null && step.message().length() > 500) {
                errors.add(new FieldError(row + "message", "a message is at most 500 characters"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        UUID tenant = TenantContext.require();
        jdbc.sql("""
            insert into billing.settings (tenant_id, payment_terms, bill_while_suspended) values (:t, :p, :b)
            on conflict (tenant_id) do update set payment_terms = excluded.payment_terms,
                bill_while_suspended = excluded.bill_while_suspended
            """)
                .param("t", tenant)
                .param("p", settings.paymentTermsDays())
                .param("b", settings.billWhileSuspended())
                .update();
        saveFormat(tenant, "invoice_sequences", settings.invoiceNumberFormat());
        if (settings.receiptNumberFormat() != null) {
            saveFormat(tenant, "receipt_sequences", settings.receiptNumberFormat());
        }
        jdbc.sql("update billing.accounts set payment_terms = :p where tenant_id = :t")
                .param("p", settings.paymentTermsDays())
                .param("t", tenant)
                .update();
        jdbc.sql("delete from billing.tax_rates where tenant_id = :t")
                .param("t", tenant)
                .update();
        for (TaxRate rate : settings.taxRates()) {
            jdbc.sql("""
                insert into billing.tax_rates (tenant_id, tax_class, name, percent, inclusive) values (:t, :c, :n, :p, :i)
                """)
                    .param("t", tenant)
                    .param("c", rate.taxClass())
                    .param("n", rate.name().strip())
                    .param("p", rate.percent())
                    .param("i", rate.inclusive())
                    .update();
        }
        jdbc.sql("delete from billing.dunning_steps where tenant_id = :t")
                .param("t", tenant)
                .update();
        for (DunningStep step : settings.dunningSteps()) {
            String message = step.message() == null || step.message().isBlank()
                    ? null
                    : step.message().strip();
            jdbc.sql("insert into billing.dunning_steps (tenant_id, days, action, message) values (:t, :d, :a, :m)")
                    .param("t", tenant)
                    .param("d", step.days())
                    .param("a", step.action())
                    .param("m", message)
                    .update();
        }
        audit.record(AuditRecord.of("billing-settings.changed", "Tenant", tenant)
                .with("paymentTermsDays", settings.paymentTermsDays())
                .with("invoiceNumberFormat", settings.invoiceNumberFormat())
                .with("receiptNumberFormat", get().receiptNumberFormat())
                .with("taxRates", settings.taxRates().size())
                .with("dunningSteps", settings.dunningSteps().size()));
        return get();
    }
}
