package io.moonknight.subscriptions.web;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.NasDirectory;
import io.moonknight.network.VlanDirectory;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.shared.console.PlanChangePreview;
import io.moonknight.shared.console.SubscriptionPanel;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.FormValues;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.internal.SubscriptionDraft;
import io.moonknight.subscriptions.internal.SubscriptionService;
import io.moonknight.subscriptions.internal.SubscriptionService.When;
import io.moonknight.subscriptions.internal.SubscriptionView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console screens for subscriptions, and the subscriptions tab on the customer page. */
@Controller
@RequestMapping("/subscriptions")
class SubscriptionConsoleController {

    private final SubscriptionService subscriptions;
    private final CustomerDirectory customers;
    private final PlanCatalog plans;
    private final IpAddressManagement ipam;
    private final VlanDirectory vlans;
    private final NasDirectory nas;
    private final List<SubscriptionPanel> panels;
    private final List<PlanChangePreview> previews;
    private final ConsoleForm<SubscriptionView> subscriptionForm;

    SubscriptionConsoleController(
            SubscriptionService subscriptions,
            CustomerDirectory customers,
            PlanCatalog plans,
            IpAddressManagement ipam,
            VlanDirectory vlans,
            NasDirectory nas,
            List<SubscriptionPanel> panels,
            List<PlanChangePreview> previews) {
        this.panels = panels;
        this.previews = previews;
        this.subscriptionForm = ConsoleForm.<SubscriptionView>of("subscriptions/form", "s")
                .title(existing -> existing == null ? "New subscription" : "Edit subscription")
                .options(this::formOptions)
                .secrets("password")
                .fieldNames(field -> field.equals("customerId") ? "customer" : field);
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.plans = plans;
        this.ipam = ipam;
        this.vlans = vlans;
        this.nas = nas;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('subscriptions:read')")
    String list(@RequestParam MultiValueMap<String, String> params, Model model) {
        var list = ConsoleList.of("/subscriptions", params);
        SubscriptionStatus status = list.choice("status", SubscriptionStatus.class);
        AccessType access = list.choice("access", AccessType.class);
        model.addAttribute("statuses", SubscriptionStatus.values());
        model.addAttribute("accessTypes", AccessType.values());
        var page = subscriptions.list(
                new SubscriptionService.Filter(status, access, null, null, null, list.q()), list.pageable(25));
        return list.show(model, page, "subscriptions/list");
    }

    /** The customer page's tab: the customer's subscriptions, loaded with htmx. */
    @GetMapping("/for-customer/{customerId}")
    @PreAuthorize("hasAuthority('subscriptions:read')")
    String forCustomer(@PathVariable UUID customerId, Model model) {
        CustomerSummary customer =
                customers.find(customerId).orElseThrow(() -> ProblemException.notFound("Customer", customerId));
        model.addAttribute("customer", customer);
        model.addAttribute("subscriptions", subscriptions.forCustomer(customerId));
        return "subscriptions/customer-tab :: tab";
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('subscriptions:read')")
    String show(@PathVariable UUID id, @AuthenticationPrincipal Actor me, Model model) {
        SubscriptionView subscription = subscriptions.get(id);
        var visible = panels.stream()
                .filter(p -> me.can(p.permission()))
                .sorted(java.util.Comparator.comparingInt(SubscriptionPanel::order))
                .toList();
        model.addAttribute(
                "panelPaths", visible.stream().map(p -> p.pathFor(id)).toList());
        model.addAttribute("charts", visible.stream().anyMatch(SubscriptionPanel::charts));
        model.addAttribute("s", subscription);
        model.addAttribute("changes", subscriptions.changes(id));
        model.addAttribute("planOptions", planOptions(subscription.planId()));
        model.addAttribute("pageTitle", subscription.label());
        return "subscriptions/detail";
    }

    @GetMapping("/{id}/credentials")
    @PreAuthorize("hasAuthority('subscriptions:credentials')")
    String credentials(@PathVariable UUID id, Model model) {
        model.addAttribute("credentials", subscriptions.credentials(id));
        return "subscriptions/detail :: credentials";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String newSubscription(@RequestParam(required = false) @Nullable UUID customerId, Model model) {
        // No plan chosen for the user; the address modes follow the chosen plan's pools unless set here.
        var form = FormValues.empty()
                .put("accessType", AccessType.PPPOE)
                .put("ipv4Mode", "")
                .put("ipv6Mode", "")
                .put("activate", true);
        if (customerId != null) {
            customers.find(customerId).ifPresent(c -> form.put("customer", c.accountNumber()));
        }
        return subscriptionForm.show(form, null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return subscriptionForm.submit(params, null, model, redirect, form -> {
            String account = form.string("customer");
            CustomerSummary customer = account.isEmpty()
                    ? null
                    : customers.findByAccountNumber(account).orElse(null);
            if (customer == null) {
                form.reject("customer", "give the account number of an existing customer");
            }
            UUID planId = form.uuid("planId");
            PlanSummary plan = planId == null ? null : plans.find(planId).orElse(null);
            if (plan == null && !form.has("planId")) {
                form.reject("planId", "choose a plan");
            }
            SubscriptionDraft draft = draft(form, plan);
            SubscriptionView created = subscriptions.create(
                    Objects.requireNonNull(customer).id(),
                    Objects.requireNonNull(plan).id(),
                    draft,
                    form.checked("activate"));
            return new FormValues.Saved("Subscription created.", "/subscriptions/" + created.id());
        });
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String edit(@PathVariable UUID id, Model model) {
        return subscriptionForm.edit(subscriptions.get(id), model);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        SubscriptionView existing = subscriptions.get(id);
        return subscriptionForm.submit(params, existing, model, redirect, form -> {
            subscriptions.update(id, draft(form, plans.find(existing.planId()).orElse(null)));
            return new FormValues.Saved("Subscription saved.", "/subscriptions/" + id);
        });
    }

    @PostMapping("/{id}/lifecycle")
    @PreAuthorize("hasAuthority('subscriptions:lifecycle')")
    String lifecycle(
            @PathVariable UUID id,
            @RequestParam String step,
            @RequestParam(defaultValue = "") String reason,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        String why = reason.strip();
        String more = note.isBlank() ? null : note.strip();
        return ConsoleForm.act(redirect, "/subscriptions/" + id, () -> {
            switch (step) {
                case "activate" -> subscriptions.activate(id);
                case "resume" -> subscriptions.resume(id);
                case "suspend" -> subscriptions.suspend(id, required(why), more);
                case "terminate" -> subscriptions.terminate(id, required(why), more);
                default -> throw ProblemException.invalidField("step", "unknown step");
            }
            return "Subscription " + past(step) + ".";
        });
    }

    /** The plan change's confirmation: what changes, when, and what it costs (billing's proration preview). */
    @GetMapping("/{id}/change-plan")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String confirmPlanChange(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            @AuthenticationPrincipal Actor me,
            Model model,
            RedirectAttributes redirect) {
        SubscriptionView subscription = subscriptions.get(id);
        var form = FormValues.of(params);
        UUID planId = form.uuid("planId");
        When when = form.choice("when", When.class);
        PlanSummary plan = planId == null ? null : plans.find(planId).orElse(null);
        if (plan == null || plan.id().equals(subscription.planId())) {
            redirect.addFlashAttribute("flashError", "Choose a plan other than the current one.");
            return "redirect:/subscriptions/" + id;
        }
        When at = when == null ? When.NOW : when;
        model.addAttribute("s", subscription);
        model.addAttribute(
                "fromLabel",
                plans.find(subscription.planId())
                        .map(current -> current.name() + " - " + price(current))
                        .orElse(String.valueOf(subscription.planName())));
        model.addAttribute("toLabel", plan.name() + " - " + price(plan));
        model.addAttribute("plan", plan);
        model.addAttribute("when", at);
        model.addAttribute(
                "previewPaths",
                previews.stream()
                        .filter(p -> me.can(p.permission()))
                        .map(p -> p.pathFor(id, plan.id(), at.name()))
                        .toList());
        model.addAttribute("pageTitle", "Change plan of " + subscription.label());
        return "subscriptions/change-plan";
    }

    @PostMapping("/{id}/change-plan")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String changePlan(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String planId,
            @RequestParam(defaultValue = "NOW") String when,
            RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/subscriptions/" + id, () -> {
            var form = FormValues.empty().put("planId", planId).put("when", when);
            UUID plan = form.uuid("planId");
            When at = form.choice("when", When.class);
            if (plan == null && !form.has("planId")) {
                form.reject("planId", "choose the new plan");
            }
            form.check();
            var changed = subscriptions.changePlan(id, Objects.requireNonNull(plan), at == null ? When.NOW : at);
            return changed.pendingPlanId() != null
                    ? "Plan change scheduled for " + changed.pendingPlanFrom() + "."
                    : "Plan changed to " + changed.planName() + ".";
        });
    }

    @PostMapping("/{id}/cancel-plan-change")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String cancelPlanChange(@PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/subscriptions/" + id, () -> {
            subscriptions.cancelPlanChange(id);
            return "Scheduled plan change cancelled.";
        });
    }

    /** Sellable plans with their prices, the current one (kept even when no longer sold) marked. */
    private Map<String, String> planOptions(@Nullable UUID current) {
        Map<String, String> options = new LinkedHashMap<>();
        if (current == null) {
            options.put("", "Choose a plan...");
        }
        List<PlanSummary> sellable = new java.util.ArrayList<>(plans.sellable());
        if (current != null && sellable.stream().noneMatch(p -> p.id().equals(current))) {
            plans.find(current).ifPresent(sellable::addFirst);
        }
        for (PlanSummary plan : sellable) {
            options.put(
                    plan.id().toString(),
                    plan.name() + " - " + price(plan) + (plan.id().equals(current) ? " (current)" : ""));
        }
        return options;
    }

    /** A plan's price as customers read it: "BDT 1200.00 a month". */
    private static String price(PlanSummary plan) {
        String per = switch (plan.billingType()) {
            case MONTHLY_POSTPAID -> " a month";
            case PREPAID -> plan.validityDays() == null ? " prepaid" : " for " + plan.validityDays() + " days";
            default -> "";
        };
        int digits = Math.max(java.util.Currency.getInstance(plan.currency()).getDefaultFractionDigits(), 0);
        return plan.currency() + " "
                + plan.price().setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString() + per;
    }

    private void formOptions(Model model, @Nullable SubscriptionView existing) {
        Map<String, String> accessTypes = new LinkedHashMap<>();
        accessTypes.put(AccessType.PPPOE.name(), "PPPoE");
        accessTypes.put(AccessType.IPOE.name(), "IPoE (DHCP, by MAC or Option 82)");
        accessTypes.put(AccessType.HOTSPOT.name(), "Hotspot");
        accessTypes.put(AccessType.STATIC_IP.name(), "Static IP");
        model.addAttribute("accessTypes", accessTypes);
        Map<String, String> modes = new LinkedHashMap<>();
        modes.put("", "As the plan (dynamic from its pool, or none)");
        modes.putAll(FormValues.options(IpMode.values()));
        model.addAttribute("ipModes", modes);
        model.addAttribute("planOptions", planOptions(null));
        Map<String, String> v4 = new LinkedHashMap<>();
        Map<String, String> v6 = new LinkedHashMap<>();
        v4.put("", "The plan's pool / none");
        v6.put("", "The plan's pool / none");
        for (IpPoolSummary pool : ipam.pools()) {
            (pool.ipv6() ? v6 : v4)
                    .put(pool.id().toString(), pool.name() + " (" + pool.prefix() + ", " + pool.purpose() + ")");
        }
        model.addAttribute("v4Pools", v4);
        model.addAttribute("v6Pools", v6);
        Map<String, String> vlanOptions = new LinkedHashMap<>();
        vlanOptions.put("", "None");
        vlans.all(500)
                .forEach(v -> vlanOptions.put(
                        v.id().toString(), v.tag() + " " + v.name() + " (" + v.scopeName() + ", " + v.mode() + ")"));
        model.addAttribute("vlanOptions", vlanOptions);
        Map<String, String> nasOptions = new LinkedHashMap<>();
        nasOptions.put("", "Any");
        nas.all().forEach(n -> nasOptions.put(n.id().toString(), n.name() + " (" + n.address() + ")"));
        model.addAttribute("nasOptions", nasOptions);
    }

    /**
     * The draft from the form. Only the chosen access type's fields count (the page hides the others, but a value
     * typed before switching may still come along); an address mode left "as the plan" is dynamic from the plan's
     * pool when it names one and none otherwise (a static-IP service is always static); a static address counts only
     * with the static mode.
     */
    private static SubscriptionDraft draft(FormValues form, @Nullable PlanSummary plan) {
        AccessType chosen = form.choice("accessType", AccessType.class);
        AccessType access = chosen == null ? AccessType.PPPOE : chosen;
        boolean login = access == AccessType.PPPOE || access == AccessType.HOTSPOT;
        IpMode v4 = form.choice("ipv4Mode", IpMode.class);
        IpMode v6 = form.choice("ipv6Mode", IpMode.class);
        if (v4 == null && !form.has("ipv4Mode")) {
            v4 = access == AccessType.STATIC_IP
                    ? IpMode.STATIC
                    : plan != null && plan.ipv4PoolId() != null ? IpMode.DYNAMIC : IpMode.NONE;
        }
        if (v6 == null && !form.has("ipv6Mode")) {
            v6 = plan != null && plan.ipv6PoolId() != null ? IpMode.DYNAMIC : IpMode.NONE;
        }
        UUID v4Pool = form.uuid("ipv4PoolId");
        UUID v6Pool = form.uuid("ipv6PoolId");
        UUID vlan = form.uuid("vlanId");
        UUID router = form.uuid("nasId");
        Double latitude = form.number("installLatitude");
        Double longitude = form.number("installLongitude");
        var start = form.date("startDate");
        form.check();
        return new SubscriptionDraft(
                access,
                login ? form.text("username") : null,
                login ? form.text("password") : null,
                access == AccessType.PPPOE ? null : form.text("macAddress"),
                access == AccessType.IPOE ? form.text("circuitId") : null,
                v4,
                v4Pool,
                v4 == IpMode.STATIC ? form.text("ipv4Address") : null,
                v6,
                v6Pool,
                v6 == IpMode.STATIC ? form.text("ipv6Prefix") : null,
                vlan,
                router,
                form.text("installLine1"),
                form.text("installLine2"),
                form.text("installCity"),
                latitude,
                longitude,
                start,
                form.text("notes"));
    }

    private static String required(String reason) {
        if (reason.isEmpty() || reason.length() > 80) {
            throw ProblemException.invalidField("reason", "give a reason of up to 80 characters");
        }
        return reason;
    }

    private static String past(String step) {
        return switch (step) {
            case "activate" -> "activated";
            case "resume" -> "resumed";
            case "suspend" -> "suspended";
            default -> "terminated";
        };
    }
}
