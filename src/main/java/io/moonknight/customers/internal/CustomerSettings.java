package io.moonknight.customers.internal;

import io.moonknight.audit.AuditRecord;
import io.moonknight.audit.AuditTrail;
import io.moonknight.customers.domain.AccountNumberFormat;
import io.moonknight.shared.tenant.TenantContext;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's customer settings: the account number format and the next number. Numbers come from an atomic
 * increment of the tenant's row, so concurrent creations never get the same one.
 */
@Component
public class CustomerSettings {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CustomerSettings(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public AccountNumberFormat format() {
        return jdbc.sql("select account_number_format from customers.settings where tenant_id = :tenant")
                .param("tenant", TenantContext.require())
                .query(String.class)
                .optional()
                .map(AccountNumberFormat::new)
                .orElse(AccountNumberFormat.DEFAULT);
    }

    @Transactional
    public void changeFormat(AccountNumberFormat format) {
        AccountNumberFormat before = format();
        ensure();
        jdbc.sql("update customers.settings set account_number_format = :format, updated_at = :now where"
                        + " tenant_id = :tenant")
                .param("format", format.pattern())
                .param("now", Timestamp.from(clock.instant()))
                .param("tenant", TenantContext.require())
                .update();
        audit.record(AuditRecord.of("customer-settings.updated", "CustomerSettings", TenantContext.require())
                .with("accountNumberFormat", java.util.Map.of("from", before.pattern(), "to", format.pattern())));
    }

    /** The next account number in the tenant's format (the sequence is consumed even if the caller rolls back). */
    @Transactional
    public String nextAccountNumber() {
        ensure();
        return jdbc.sql("""
            update customers.settings set next_account_number = next_account_number + 1
            where tenant_id = :tenant
            returning next_account_number - 1, account_number_format
            """)
                .param("tenant", TenantContext.require())
                .query((row, i) -> new AccountNumberFormat(row.getString(2)).format(row.getLong(1)))
                .single();
    }

    private void ensure() {
        jdbc.sql("""
            insert into customers.settings (tenant_id, account_number_format, next_account_number, updated_at)
            values (:tenant, :format, 1, :now) on conflict (tenant_id) do nothing
            """)
                .param("tenant", TenantContext.require())
                .param("format", AccountNumberFormat.DEFAULT.pattern())
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
