package io.moonknight.plans.web;

import io.moonknight.network.IpAddressManagement;
import io.moonknight.network.IpPoolSummary;
import io.moonknight.plans.BillingType;
import io.moonknight.plans.PlanStatus;
import io.moonknight.plans.domain.FupRule;
import io.moonknight.plans.domain.VendorProfile;
import io.moonknight.plans.internal.PlanDraft;
import io.moonknight.plans.internal.PlanService;
import io.moonknight.plans.internal.PlanView;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.FormValues;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Console screens for plans: the catalogue, the plan form and a plan's RADIUS rendering per vendor. */
@Controller
@RequestMapping("/plans")
class PlanConsoleController {

    /** Rows the form offers for fair-use and time-of-day rules. */
    static final int RULE_ROWS = 3;

    private static final Pattern RULE_FIELD = Pattern.compile("(fupRules|timeRules)(?:\\[(\\d+)])?.*");

    private final PlanService plans;
    private final IpAddressManagement ipam;

    private final ConsoleForm<PlanView> planForm;

    PlanConsoleController(PlanService plans, IpAddressManagement ipam) {
        this.plans = plans;
        this.ipam = ipam;
        this.planForm = ConsoleForm.<PlanView>of("plans/form", "plan")
                .title(plan -> plan == null ? "New plan" : "Edit " + plan.plan().name())
                .options(this::formOptions)
                .fieldNames(PlanConsoleController::formField);
    }

    @GetMapping
    @PreAuthorize("hasAuthority('plans:read')")
    String list(@RequestParam MultiValueMap<String, String> params, Model model) {
        var list = ConsoleList.of("/plans", params);
        PlanStatus status = list.choice("status", PlanStatus.class);
        BillingType type = list.choice("type", BillingType.class);
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("types", FormValues.options(BillingType.values()));
        return list.show(model, plans.list(status, type, list.q(), list.pageable(50)), "plans/list");
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('plans:read')")
    String show(@PathVariable UUID id, Model model) {
        PlanView plan = plans.get(id);
        model.addAttribute("plan", plan);
        Map<String, Object> rendered = new LinkedHashMap<>();
        for (VendorProfile vendor : VendorProfile.values()) {
            rendered.put(vendor.name(), plans.radiusAttributes(id, vendor, null, 0));
        }
        model.addAttribute("rendered", rendered);
        model.addAttribute("pools", poolNames());
        model.addAttribute("pageTitle", plan.plan().name());
        return "plans/detail";
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('plans:write')")
    String newPlan(Model model) {
        var form = FormValues.empty()
                .put("billingType", BillingType.MONTHLY_POSTPAID)
                .put("simultaneousUse", 1)
                .put("setupFee", "0");
        return planForm.show(form, null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('plans:write')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return planForm.submit(params, null, model, redirect, form -> {
            PlanView plan = plans.create(draft(form));
            return new FormValues.Saved("Plan " + plan.plan().name() + " created.", "/plans/" + plan.id());
        });
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('plans:write')")
    String edit(@PathVariable UUID id, Model model) {
        PlanView plan = plans.get(id);
        return planForm.show(fill(plan.plan()), plan, model);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('plans:write')")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return planForm.submit(params, plans.get(id), model, redirect, form -> {
            plans.update(id, draft(form));
            return new FormValues.Saved("Plan saved.", "/plans/" + id);
        });
    }

    @PostMapping("/{id}/archive")
    @PreAuthorize("hasAuthority('plans:write')")
    String archive(@PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/plans/" + id, () -> {
            plans.setStatus(id, PlanStatus.ARCHIVED);
            return "Plan archived: its subscriptions keep it, but it is no longer sold.";
        });
    }

    @PostMapping("/{id}/restore")
    @PreAuthorize("hasAuthority('plans:write')")
    String restore(@PathVariable UUID id, RedirectAttributes redirect) {
        return ConsoleForm.act(redirect, "/plans/" + id, () -> {
            plans.setStatus(id, PlanStatus.ACTIVE);
            return "Plan is on sale again.";
        });
    }

    private void formOptions(Model model, @Nullable PlanView plan) {
        model.addAttribute("types", FormValues.options(BillingType.values()));
        model.addAttribute("actions", FormValues.options(FupRule.Action.values()));
        Map<String, String> v4 = new LinkedHashMap<>();
        Map<String, String> v6 = new LinkedHashMap<>();
        v4.put("", "None");
        v6.put("", "None");
        for (IpPoolSummary pool : ipam.pools()) {
            (pool.ipv6() ? v6 : v4).put(pool.id().toString(), pool.name() + " (" + pool.prefix() + ")");
        }
        model.addAttribute("v4Pools", v4);
        model.addAttribute("v6Pools", v6);
        model.addAttribute(
                "rows", java.util.stream.IntStream.range(0, RULE_ROWS).boxed().toList());
    }

    private Map<String, String> poolNames() {
        Map<String, String> names = new LinkedHashMap<>();
        ipam.pools().forEach(p -> names.put(p.id().toString(), p.name()));
        return names;
    }

    private static FormValues fill(PlanDraft plan) {
        var form = FormValues.empty()
                .put("code", plan.code())
                .put("name", plan.name())
                .put("description", plan.description())
                .put("billingType", plan.billingType())
                .put("price", plan.price().stripTrailingZeros().toPlainString())
                .put("currency", plan.currency())
                .put("taxClass", plan.taxClass())
                .put(
                        "setupFee",
                        plan.setupFee() == null
                                ? ""
                                : plan.setupFee().stripTrailingZeros().toPlainString())
                .put("validityDays", plan.validityDays())
                .put("quotaMb", plan.quotaMb())
                .put(
                        "overagePricePerGb",
                        plan.overagePricePerGb() == null
                                ? ""
                                : plan.overagePricePerGb().stripTrailingZeros().toPlainString())
                .put("timeLimitMinutes", plan.timeLimitMinutes())
                .put("downloadKbps", plan.downloadKbps())
                .put("uploadKbps", plan.uploadKbps())
                .put("simultaneousUse", plan.simultaneousUse())
                .put("idleTimeoutSeconds", plan.idleTimeoutSeconds())
                .put("sessionTimeoutSeconds", plan.sessionTimeoutSeconds())
                .put("ipv4PoolId", plan.ipv4PoolId())
                .put("ipv6PoolId", plan.ipv6PoolId());
        burst(form, "downloadBurst", plan.downloadBurst());
        burst(form, "uploadBurst", plan.uploadBurst());
        List<PlanDraft.FupInput> fups = plan.fupRules() == null ? List.of() : plan.fupRules();
        for (int i = 0; i < fups.size() && i < RULE_ROWS; i++) {
            var rule = fups.get(i);
            form.put("fup" + i + "After", rule.afterGigabytes())
                    .put("fup" + i + "Action", rule.action())
                    .put("fup" + i + "Down", rule.downloadKbps())
                    .put("fup" + i + "Up", rule.uploadKbps());
        }
        List<PlanDraft.TimeInput> times = plan.timeRules() == null ? List.of() : plan.timeRules();
        for (int i = 0; i < times.size() && i < RULE_ROWS; i++) {
            var rule = times.get(i);
            form.put("time" + i + "Name", rule.name())
                    .put("time" + i + "From", rule.from())
                    .put("time" + i + "To", rule.to())
                    .put(
                            "time" + i + "Days",
                            rule.days() == null
                                    ? ""
                                    : String.join(
                                            ",",
                                            rule.days().stream()
                                                    .map(d -> d.name()
                                                            .substring(0, 3)
                                                            .toLowerCase(Locale.ROOT))
                                                    .toList()))
                    .put("time" + i + "Down", rule.downloadKbps())
                    .put("time" + i + "Up", rule.uploadKbps());
        }
        return form;
    }

    private static void burst(FormValues form, String prefix, PlanDraft.@Nullable BurstInput burst) {
        if (burst != null) {
            form.put(prefix + "Rate", burst.rateKbps())
                    .put(prefix + "Threshold", burst.thresholdKbps())
                    .put(prefix + "Seconds", burst.seconds());
        }
    }

    static PlanDraft draft(FormValues form) {
        BillingType type = form.choice("billingType", BillingType.class);
        var price = form.decimal("price");
        var setupFee = form.decimal("setupFee");
        Integer validity = form.integer("validityDays");
        Long quota = form.longValue("quotaMb");
        var overage = form.decimal("overagePricePerGb");
        Integer timeLimit = form.integer("timeLimitMinutes");
        Long down = form.longValue("downloadKbps");
        Long up = form.longValue("uploadKbps");
        var downBurst = burstInput(form, "downloadBurst");
        var upBurst = burstInput(form, "uploadBurst");
        List<PlanDraft.FupInput> fups = new ArrayList<>();
        List<PlanDraft.TimeInput> times = new ArrayList<>();
        for (int i = 0; i < RULE_ROWS; i++) {
            Long after = form.longValue("fup" + i + "After");
            FupRule.Action action = form.choice("fup" + i + "Action", FupRule.Action.class);
            Long fupDown = form.longValue("fup" + i + "Down");
            Long fupUp = form.longValue("fup" + i + "Up");
            if (after != null) {
                fups.add(
                        new PlanDraft.FupInput(after, action == null ? FupRule.Action.REDUCE : action, fupDown, fupUp));
            }
            String name = form.text("time" + i + "Name");
            String from = form.text("time" + i + "From");
            String to = form.text("time" + i + "To");
            Long timeDown = form.longValue("time" + i + "Down");
            Long timeUp = form.longValue("time" + i + "Up");
            List<DayOfWeek> days = days(form, "time" + i + "Days");
            if (name != null || from != null || to != null) {
                if (timeDown == null) {
                    form.reject("time" + i + "Down", "give the download rate for this window");
                }
                if (timeUp == null) {
                    form.reject("time" + i + "Up", "give the upload rate for this window");
                }
                times.add(new PlanDraft.TimeInput(
                        name == null ? "Window " + (i + 1) : name,
                        from == null ? "" : from,
                        to == null ? "" : to,
                        days,
                        timeDown == null ? 0 : timeDown,
                        timeUp == null ? 0 : timeUp));
            }
        }
        if (type == null && !form.has("billingType")) {
            form.reject("billingType", "choose a billing type");
        }
        if (price == null && !form.has("price")) {
            form.reject("price", "give a price (0 for free)");
        }
        if (down == null && !form.has("downloadKbps")) {
            form.reject("downloadKbps", "give the download rate in kbit/s");
        }
        if (up == null && !form.has("uploadKbps")) {
            form.reject("uploadKbps", "give the upload rate in kbit/s");
        }
        form.check();
        return new PlanDraft(
                form.string("code"),
                form.string("name"),
                form.text("description"),
                java.util.Objects.requireNonNull(type),
                java.util.Objects.requireNonNull(price),
                form.text("currency"),
                form.text("taxClass"),
                setupFee,
                validity,
                quota,
                overage,
                timeLimit,
                java.util.Objects.requireNonNull(down),
                java.util.Objects.requireNonNull(up),
                downBurst,
                upBurst,
                fups,
                times,
                form.integer("simultaneousUse"),
                form.integer("idleTimeoutSeconds"),
                form.integer("sessionTimeoutSeconds"),
                form.uuid("ipv4PoolId"),
                form.uuid("ipv6PoolId"));
    }

    private static PlanDraft.@Nullable BurstInput burstInput(FormValues form, String prefix) {
        Long rate = form.longValue(prefix + "Rate");
        Long threshold = form.longValue(prefix + "Threshold");
        Integer seconds = form.integer(prefix + "Seconds");
        if (rate == null && threshold == null && seconds == null) {
            return null;
        }
        if (rate == null || threshold == null || seconds == null) {
            form.reject(prefix + "Rate", "give the burst rate, threshold and time, or none of them");
            return null;
        }
        return new PlanDraft.BurstInput(rate, threshold, seconds);
    }

    private static @Nullable List<DayOfWeek> days(FormValues form, String field) {
        List<DayOfWeek> days = new ArrayList<>();
        for (String day : form.list(field)) {
            String prefix = day.toUpperCase(Locale.ROOT);
            DayOfWeek match = null;
            for (DayOfWeek candidate : DayOfWeek.values()) {
                if (prefix.length() >= 2 && candidate.name().startsWith(prefix)) {
                    match = candidate;
                }
            }
            if (match == null) {
                form.reject(field, "'" + day + "' is not a day; use e.g. mon, tue, sat");
            } else {
                days.add(match);
            }
        }
        return days.isEmpty() ? null : days;
    }

    /** A draft's field name to the form input that shows its error. */
    static String formField(String field) {
        if (field.startsWith("downloadBurst") || field.startsWith("uploadBurst")) {
            return field.startsWith("download") ? "downloadBurstRate" : "uploadBurstRate";
        }
        Matcher rule = RULE_FIELD.matcher(field);
        if (rule.matches()) {
            String row = rule.group(2) == null ? "0" : rule.group(2);
            return rule.group(1).equals("fupRules") ? "fup" + row + "After" : "time" + row + "Name";
        }
        return field;
    }
}
