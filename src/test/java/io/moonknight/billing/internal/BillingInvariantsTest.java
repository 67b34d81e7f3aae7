package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The rules money must never break hold in the database too: a code path that forgets them fails. */
@IntegrationTest
class BillingInvariantsTest {

    @LocalServerPort
    int port;

    @Autowired
    Invoices invoices;

    @Autowired
    Payments payments;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDatabaseRefusesMoneyThatDoesNotAddUp() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        UUID customer = UUID.fromString(api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "In",
                                "lastName",
                                "Variant",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id"));
        var line = List.of(new Invoices.DraftLine("Work", BigDecimal.ONE, new BigDecimal("80"), null));
        var invoice = TenantContext.call(
                tenant.id(), () -> invoices.issue(invoices.draft(customer, line).id()));
        var other = TenantContext.call(
                tenant.id(), () -> invoices.issue(invoices.draft(customer, line).id()));
        // 80 of it pays the chosen invoice, 20 stay as credit
        var payment = TenantContext.call(
                tenant.id(),
                () -> payments.recordPayment(customer, new BigDecimal("100"), "CASH", null, List.of(invoice.id())));

        assertThatThrownBy(() -> jdbc.sql("insert into billing.payment_allocations (tenant_id, payment_id, invoice_id,"
                                + " amount) values (:t, :p, :i, 80)")
                        .param("t", tenant.id())
                        .param("p", payment.id())
                        .param("i", other.id())
                        .update())
                .as("80 more of a payment of 100 that paid 80 already")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("spent beyond its amount");
        assertThatThrownBy(() -> jdbc.sql("update billing.invoices set paid = total + 1 where id = :i")
                        .param("i", invoice.id())
                        .update())
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("invoices_paid_within_total");
        assertThatThrownBy(() -> jdbc.sql("update billing.ledger_entries set amount = 0 where reference_id = :i")
                        .param("i", invoice.id())
                        .update())
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.getMostSpecificCause().getMessage()).contains("append-only"));
        assertThatThrownBy(() -> jdbc.sql("delete from billing.ledger_entries where reference_id = :i")
                        .param("i", invoice.id())
                        .update())
                .isInstanceOfSatisfying(
                        DataAccessException.class,
                        e -> assertThat(e.getMostSpecificCause().getMessage()).contains("append-only"));
        UUID subscription = UUID.randomUUID();
        jdbc.sql("insert into billing.billed_periods (tenant_id, subscription_id, period_start, invoice_id, kind, days)"
                        + " values (:t, :s, date '2026-10-01', :i, 'POSTPAID', daterange('2026-10-01', '2026-11-01'))")
                .param("t", tenant.id())
                .param("s", subscription)
                .param("i", invoice.id())
                .update();
        assertThatThrownBy(() -> jdbc.sql("insert into billing.billed_periods (tenant_id, subscription_id,"
                                + " period_start, invoice_id, kind, days) values (:t, :s, date '2026-10-15', :i,"
                                + " 'POSTPAID', daterange('2026-10-15', '2026-11-15'))")
                        .param("t", tenant.id())
                        .param("s", subscription)
                        .param("i", invoice.id())
                        .update())
                .as("a claim over days claimed already")
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("billed_periods_no_overlap");
        assertThat(jdbc.sql("select count(*) from billing.invoice_lines where tenant_id = :t")
                        .param("t", tenant.id())
                        .query(Integer.class)
                        .single())
                .as("lines carry their tenant")
                .isEqualTo(2);
    }
}
