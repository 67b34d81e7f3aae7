package io.moonknight.billing.web;

import io.moonknight.billing.domain.Period;
import io.moonknight.billing.domain.Proration;
import io.moonknight.billing.internal.BillingAccounts;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.SubscriptionDirectory;
import io.moonknight.subscriptions.SubscriptionSummary;
import io.moonknight.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What a plan change would credit and charge, for the subscription's plan-change confirmation (a
 * {@code PlanChangePreview} fragment): a change now on a monthly postpaid service credits the old plan's remaining
 * days of the billing period and charges the new plan's, prorated by days as the billing run does.
 */
@Controller
class PlanChangePreviewController {

    private final SubscriptionDirectory subscriptions;
    private final PlanCatalog plans;
    private final BillingAccounts accounts;
    private final TenantDirectory tenants;

    PlanChangePreviewController(
            SubscriptionDirectory subscriptions, PlanCatalog plans, BillingAccounts accounts, TenantDirectory tenants) {
        this.subscriptions = subscriptions;
        this.plans = plans;
        this.accounts = accounts;
        this.tenants = tenants;
    }

    record Quote(Period period, long days, BigDecimal credit, BigDecimal charge, BigDecimal net, String currency) {}

    @GetMapping("/billing/plan-change-preview")
    @PreAuthorize("hasAuthority('billing:read')")
    String preview(
            @RequestParam UUID subscription,
            @RequestParam UUID plan,
            @RequestParam(defaultValue = "NOW") String when,
            Model model) {
        SubscriptionSummary service = subscriptions
                .find(subscription)
                .orElseThrow(() -> ProblemException.notFound("Subscription", subscription));
        PlanSummary from = plans.find(service.planId()).orElseThrow(() -> ProblemException.notFound("Plan", plan));
        PlanSummary to = plans.find(plan).orElseThrow(() -> ProblemException.notFound("Plan", plan));
        boolean monthly =
                from.billingType() == BillingType.MONTHLY_POSTPAID && to.billingType() == BillingType.MONTHLY_POSTPAID;
        model.addAttribute("when", when);
        model.addAttribute("monthly", monthly);
        if (monthly && when.equals("NOW")) {
            // the tenant's today, as billing periods are the tenant's days (a ZoneId parameter would be the server's)
            LocalDate today = LocalDate.now(tenants.zone(TenantContext.require()));
            Integer day = accounts.get(service.customerId()).billingDay();
            Period period =
                    day == null ? Period.calendarMonth(today) : Period.anniversary(LocalDate.of(2000, 1, day), today);
            Currency currency = Currency.getInstance(to.currency());
            BigDecimal[] amounts = Proration.change(from.price(), to.price(), period, today, currency);
            Period rest = period.clip(today, period.end());
            model.addAttribute(
                    "quote",
                    new Quote(
                            period,
                            rest == null ? 0 : rest.days(),
                            amounts[0],
                            amounts[1],
                            amounts[0].add(amounts[1]),
                            currency.getCurrencyCode()));
        }
        return "billing/plan-change-preview :: preview";
    }
}
