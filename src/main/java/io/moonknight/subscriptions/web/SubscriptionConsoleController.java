package io.moonknight.subscriptions.web;

import io.moonknight.customers.CustomerDirectory;
import io.moonknight.customers.CustomerSummary;
import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.network.NasDirectory;
import io.moonknight.network.VlanDirectory;
import io.moonknight.plans.PlanCatalog;
import io.moonknight.plans.PlanSummary;
import io.moonknight.shared.console.SubscriptionPanel;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.FormValues;
import io.moonknight.shared.web.ProblemException;
import io.moonknight.subscriptions.AccessType;
import io.moonknight.subscriptions.IpMode;
import io.moonknight.subscriptions.SubscriptionStatus;
import io.moonknight.subscriptions.internal.SubscriptionDraft;
import io.moonknight.subscriptions.internal.SubscriptionService;
import io.moonknight.subscriptions.internal.SubscriptionService.When;
import io.moonknight.subscriptions.internal.SubscriptionView;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
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

    SubscriptionConsoleController(
            SubscriptionService subscriptions,
            CustomerDirectory customers,
            PlanCatalog plans,
            IpAddressManagement ipam,
            VlanDirectory vlans,
            NasDirectory nas,
            List<SubscriptionPanel> panels) {
        this.panels = panels;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.plans = plans;
        this.ipam = ipam;
        this.vlans = vlans;
        this.nas = nas;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('subscriptions:read')")
    String list(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable SubscriptionStatus status,
            @RequestParam(required = false) @Nullable AccessType access,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", status);
        model.addAttribute("access", access);
        model.addAttribute("statuses", SubscriptionStatus.values());
        model.addAttribute("accessTypes", AccessType.values());
        model.addAttribute(
                "page",
                subscriptions.list(
                        new SubscriptionService.Filter(status, access, null, null, null, q),
                        PageRequest.of(Math.max(page, 0), 25)));
        model.addAttribute(
                "query",
                "q=" + URLEncoder.encode(q == null ? "" : q, StandardCharsets.UTF_8)
                        + (status == null ? "" : "&status=" + status)
                        + (access == null ? "" : "&access=" + access));
        return "subscriptions/list";
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
        Map<String, String> planOptions = new LinkedHashMap<>();
        for (PlanSummary plan : plans.sellable()) {
            if (!plan.id().equals(subscription.planId())) {
                planOptions.put(plan.id().toString(), plan.name() + " (" + plan.currency() + " " + plan.price() + ")");
            }
        }
        model.addAttribute("planOptions", planOptions);
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
        var form = FormValues.empty()
                .put("accessType", AccessType.PPPOE)
                .put("ipv4Mode", IpMode.DYNAMIC)
                .put("ipv6Mode", IpMode.NONE)
                .put("activate", true);
        if (customerId != null) {
            customers.find(customerId).ifPresent(c -> form.put("customer", c.accountNumber()));
        }
        return form(form, null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var form = FormValues.of(params);
        try {
            String account = form.string("customer");
            CustomerSummary customer = account.isEmpty()
                    ? null
                    : customers.findByAccountNumber(account).orElse(null);
            if (customer == null) {
                form.reject("customer", "give the account number of an existing customer");
            }
            UUID plan = form.uuid("planId");
            if (plan == null && !form.has("planId")) {
                form.reject("planId", "choose a plan");
            }
            SubscriptionDraft draft = draft(form);
            SubscriptionView created = subscriptions.create(
                    java.util.Objects.requireNonNull(customer).id(),
                    java.util.Objects.requireNonNull(plan),
                    draft,
                    form.checked("activate"));
            redirect.addFlashAttribute("flash", "Subscription created.");
            return "redirect:/subscriptions/" + created.id();
        } catch (ProblemException problem) {
            form.reject(problem, field -> field.equals("customerId") ? "customer" : field);
            return form(form.put("password", ""), null, model);
        }
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String edit(@PathVariable UUID id, Model model) {
        SubscriptionView s = subscriptions.get(id);
        var form = FormValues.empty()
                .put("accessType", s.accessType())
                .put("username", s.username())
                .put("macAddress", s.macAddress())
                .put("circuitId", s.circuitId())
                .put("ipv4Mode", s.ipv4Mode())
                .put("ipv4PoolId", s.ipv4PoolId())
                .put("ipv4Address", s.ipv4Mode() == IpMode.STATIC ? s.ipv4Address() : null)
                .put("ipv6Mode", s.ipv6Mode())
                .put("ipv6PoolId", s.ipv6PoolId())
                .put("ipv6Prefix", s.ipv6Mode() == IpMode.STATIC ? s.ipv6Prefix() : null)
                .put("vlanId", s.vlanId())
                .put("nasId", s.nasId())
                .put("installLine1", s.installLine1())
                .put("installLine2", s.installLine2())
                .put("installCity", s.installCity())
                .put("installLatitude", s.installLatitude())
                .put("installLongitude", s.installLongitude())
                .put("startDate", s.startDate())
                .put("notes", s.notes());
        return form(form, s, model);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        SubscriptionView existing = subscriptions.get(id);
        var form = FormValues.of(params);
        return form.submit(
                redirect,
                () -> {
                    subscriptions.update(id, draft(form));
                    return new FormValues.Saved("Subscription saved.", "/subscriptions/" + id);
                },
                () -> form(form.put("password", ""), existing, model));
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
        try {
            switch (step) {
                case "activate" -> subscriptions.activate(id);
                case "resume" -> subscriptions.resume(id);
                case "suspend" -> subscriptions.suspend(id, required(why), more);
                case "terminate" -> subscriptions.terminate(id, required(why), more);
                default -> throw ProblemException.invalidField("step", "unknown step");
            }
            redirect.addFlashAttribute("flash", "Subscription " + past(step) + ".");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.summary());
        }
        return "redirect:/subscriptions/" + id;
    }

    @PostMapping("/{id}/change-plan")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String changePlan(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "") String planId,
            @RequestParam(defaultValue = "NOW") String when,
            RedirectAttributes redirect) {
        try {
            var form = FormValues.empty().put("planId", planId).put("when", when);
            UUID plan = form.uuid("planId");
            When at = form.choice("when", When.class);
            if (plan == null && !form.has("planId")) {
                form.reject("planId", "choose the new plan");
            }
            form.check();
            var changed =
                    subscriptions.changePlan(id, java.util.Objects.requireNonNull(plan), at == null ? When.NOW : at);
            redirect.addFlashAttribute(
                    "flash",
                    changed.pendingPlanId() != null
                            ? "Plan change scheduled for " + changed.pendingPlanFrom() + "."
                            : "Plan changed to " + changed.planName() + ".");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.summary());
        }
        return "redirect:/subscriptions/" + id;
    }

    @PostMapping("/{id}/cancel-plan-change")
    @PreAuthorize("hasAuthority('subscriptions:write')")
    String cancelPlanChange(@PathVariable UUID id, RedirectAttributes redirect) {
        try {
            subscriptions.cancelPlanChange(id);
            redirect.addFlashAttribute("flash", "Scheduled plan change cancelled.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.summary());
        }
        return "redirect:/subscriptions/" + id;
    }

    private String form(FormValues form, @Nullable SubscriptionView existing, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("s", existing);
        model.addAttribute("accessTypes", FormValues.options(AccessType.values()));
        model.addAttribute("ipModes", FormValues.options(IpMode.values()));
        Map<String, String> planOptions = new LinkedHashMap<>();
        plans.sellable().forEach(p -> planOptions.put(p.id().toString(), p.name()));
        model.addAttribute("planOptions", planOptions);
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
        model.addAttribute("pageTitle", existing == null ? "New subscription" : "Edit subscription");
        return "subscriptions/form";
    }

    private static SubscriptionDraft draft(FormValues form) {
        AccessType access = form.choice("accessType", AccessType.class);
        IpMode v4 = form.choice("ipv4Mode", IpMode.class);
        IpMode v6 = form.choice("ipv6Mode", IpMode.class);
        UUID v4Pool = form.uuid("ipv4PoolId");
        UUID v6Pool = form.uuid("ipv6PoolId");
        UUID vlan = form.uuid("vlanId");
        UUID router = form.uuid("nasId");
        Double latitude = form.number("installLatitude");
        Double longitude = form.number("installLongitude");
        var start = form.date("startDate");
        form.check();
        return new SubscriptionDraft(
                access == null ? AccessType.PPPOE : access,
                form.text("username"),
                form.text("password"),
                form.text("macAddress"),
                form.text("circuitId"),
                v4,
                v4Pool,
                form.text("ipv4Address"),
                v6,
                v6Pool,
                form.text("ipv6Prefix"),
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
