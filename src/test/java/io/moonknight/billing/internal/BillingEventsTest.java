package io.moonknight.billing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.moonknight.billing.CreditNoteIssued;
import io.moonknight.billing.InvoiceIssued;
import io.moonknight.billing.InvoiceOverdue;
import io.moonknight.billing.InvoicePaid;
import io.moonknight.billing.InvoiceVoided;
import io.moonknight.billing.PaymentReceived;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.testsupport.Api;
import io.moonknight.testsupport.IntegrationTest;
import io.moonknight.testsupport.TestTenants;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/** The events billing publishes for other modules, from the operations that cause them, on the real database. */
@IntegrationTest
@RecordApplicationEvents
class BillingEventsTest {

    @LocalServerPort
    int port;

    @Autowired
    Invoices invoices;

    @Autowired
    Payments payments;

    @Autowired
    Dunning dunning;

    @Autowired
    ApplicationEvents events;

    @Test
    void issuingPayingVoidingAndDunningPublishTheirEvents() {
        var api = new Api(port);
        var tenant = new TestTenants(api).create();
        UUID customer = UUID.fromString(api.post(
                        "/api/v1/customers",
                        Map.of(
                                "type",
                                "INDIVIDUAL",
                                "firstName",
                                "Event",
                                "lastName",
                                "Ful",
                                "phones",
                                List.of("+8801711000001")),
                        tenant.adminToken())
                .text("id"));
        var line = List.of(new Invoices.DraftLine("Work", BigDecimal.ONE, new BigDecimal("80"), null));
        var paid = TenantContext.call(
                tenant.id(), () -> invoices.issue(invoices.draft(customer, line).id()));
        var voided = TenantContext.call(
                tenant.id(), () -> invoices.issue(invoices.draft(customer, line).id()));
        var overdue = TenantContext.call(
                tenant.id(), () -> invoices.issue(invoices.draft(customer, line).id()));
        assertThat(events.stream(InvoiceIssued.class).filter(e -> e.customerId().equals(customer)))
                .extracting(InvoiceIssued::invoiceId)
                .containsExactly(paid.id(), voided.id(), overdue.id());

        var payment = TenantContext.call(
                tenant.id(),
                () -> payments.recordPayment(customer, new BigDecimal("80"), "CASH", null, List.of(paid.id())));
        assertThat(events.stream(PaymentReceived.class)
                        .filter(e -> e.customerId().equals(customer)))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.paymentId()).isEqualTo(payment.id());
                    assertThat(e.amount()).isEqualByComparingTo("80");
                    assertThat(e.receiptNumber()).isEqualTo(payment.receiptNumber());
                });
        assertThat(events.stream(InvoicePaid.class).filter(e -> e.customerId().equals(customer)))
                .extracting(InvoicePaid::invoiceId)
                .containsExactly(paid.id());

        TenantContext.run(tenant.id(), () -> invoices.voidInvoice(voided.id(), "wrong customer"));
        assertThat(events.stream(InvoiceVoided.class).filter(e -> e.customerId().equals(customer)))
                .extracting(InvoiceVoided::invoiceId)
                .containsExactly(voided.id());
        assertThat(events.stream(CreditNoteIssued.class)
                        .filter(e -> e.customerId().equals(customer)))
                .singleElement()
                .satisfies(e -> assertThat(e.amount()).isEqualByComparingTo("80"));

        var due = java.util.Objects.requireNonNull(overdue.dueOn());
        TenantContext.run(tenant.id(), () -> dunning.run(due.plusDays(1)));
        TenantContext.run(tenant.id(), () -> dunning.run(due.plusDays(8)));
        assertThat(events.stream(InvoiceOverdue.class)
                        .filter(e -> e.customerId().equals(customer)))
                .as("once, at the first step past the due date")
                .extracting(InvoiceOverdue::invoiceId)
                .containsExactly(overdue.id());

        // the listener ran against the database after the payment's commit: the event publication is completed
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(
                        () -> assertThat(incompleteReactionsTo(payment.id())).isZero());
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private int incompleteReactionsTo(UUID payment) {
        return jdbc.sql("select count(*) from modulith.event_publication where completion_date is null"
                        + " and event_type like '%PaymentReceived' and serialized_event like :payment")
                .param("payment", "%" + payment + "%")
                .query(Integer.class)
                .single();
    }
}
