package io.moonknight.billing.web;

import io.moonknight.billing.internal.BillingSettingsService;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.FormValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The billing settings page: payment terms, number formats, and the tax rates and dunning ladder as rows of inputs
 * ({@code taxRates[0].percent}, {@code dunningSteps[1].action}). "Add" and "Remove" buttons submit the form and
 * show it again with a row more or less, saving nothing; Save hands the rows to the settings use case, whose
 * problems name the row ({@code taxRates[2].percent}) and so land on that row's input. Rows left wholly blank are
 * dropped.
 */
@Controller
@RequestMapping("/billing/settings")
class BillingSettingsConsoleController {

    /** More rows than this are not read (the API takes at most 50 rates and 20 steps). */
    static final int MAX_ROWS = 50;

    private static final List<String> TAX_FIELDS = List.of("taxClass", "name", "percent", "inclusive");
    private static final List<String> STEP_FIELDS = List.of("days", "action", "message");
    private static final Pattern ROW = Pattern.compile("(taxRates|dunningSteps)\\[(\\d{1,3})]\\.(\\w+)");
    private static final List<String> BASICS =
            List.of("paymentTermsDays", "invoiceNumberFormat", "receiptNumberFormat", "billWhileSuspended");

    private final BillingSettingsService settings;
    private final ConsoleForm<Void> form = ConsoleForm.<Void>of("billing/settings", "nothing")
            .title(nothing -> "Billing settings")
            .options((model, nothing) -> {
                Map<String, String> actions = new LinkedHashMap<>();
                BillingSettingsService.ACTIONS.forEach(
                        a -> actions.put(a, a.charAt(0) + a.substring(1).toLowerCase(java.util.Locale.ROOT)));
                model.addAttribute("dunningActions", actions);
                Map<String, String> modes = new LinkedHashMap<>();
                modes.put("false", "Added to the price");
                modes.put("true", "Included in the price");
                model.addAttribute("taxModes", modes);
            });

    BillingSettingsConsoleController(BillingSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('billing:read')")
    String show(Model model) {
        var current = settings.get();
        var values = FormValues.empty()
                .put("paymentTermsDays", current.paymentTermsDays())
                .put("invoiceNumberFormat", current.invoiceNumberFormat())
                .put("receiptNumberFormat", current.receiptNumberFormat())
                .put("billWhileSuspended", current.billWhileSuspended());
        List<Map<String, String>> rates = new ArrayList<>();
        for (var rate : current.taxRates()) {
            rates.add(Map.of(
                    "taxClass", rate.taxClass(),
                    "name", rate.name(),
                    "percent", rate.percent().toPlainString(),
                    "inclusive", Boolean.toString(rate.inclusive())));
        }
        List<Map<String, String>> steps = new ArrayList<>();
        for (var step : current.dunningSteps()) {
            steps.add(Map.of(
                    "days",
                    Integer.toString(step.days()),
                    "action",
                    step.action(),
                    "message",
                    step.message() == null ? "" : step.message()));
        }
        return show(values, rates, steps, model);
    }

    @PostMapping
    @PreAuthorize("hasAuthority('billing:settings')")
    String save(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        var submitted = FormValues.of(params);
        var values = FormValues.empty();
        BASICS.forEach(name -> values.put(name, submitted.get(name)));
        List<Map<String, String>> rates = rows(params, "taxRates", TAX_FIELDS);
        List<Map<String, String>> steps = rows(params, "dunningSteps", STEP_FIELDS);
        if (edit(params, "TaxRate", rates, Map.of("inclusive", "false"))
                || edit(params, "DunningStep", steps, Map.of("action", "REMINDER"))) {
            return show(values, rates, steps, model);
        }
        show(values, rates, steps, model);
        List<Integer> rateRows = new ArrayList<>();
        List<Integer> stepRows = new ArrayList<>();
        UnaryOperator<String> rowOfForm = field -> formRow(field, rateRows, stepRows);
        return values.submit(
                redirect,
                rowOfForm,
                () -> {
                    Integer terms = values.integer("paymentTermsDays");
                    if (terms == null) {
                        values.reject("paymentTermsDays", "give the days until an invoice is due");
                    }
                    var taxRates = taxRates(values, rates.size(), rateRows);
                    var dunningSteps = dunningSteps(values, steps.size(), stepRows);
                    values.check();
                    settings.update(new BillingSettingsService.Settings(
                            Objects.requireNonNull(terms),
                            values.string("invoiceNumberFormat"),
                            values.text("receiptNumberFormat"),
                            values.checked("billWhileSuspended"),
                            taxRates,
                            dunningSteps));
                    return new FormValues.Saved("Billing settings saved.", "/billing/settings");
                },
                () -> "billing/settings");
    }

    /** The tax rows as rates; a wholly blank row is left out, a half-filled one gets errors on its inputs. */
    private static List<BillingSettingsService.TaxRate> taxRates(FormValues values, int rows, List<Integer> used) {
        List<BillingSettingsService.TaxRate> rates = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String row = "taxRates[" + i + "].";
            if (values.text(row + "taxClass") == null
                    && values.text(row + "name") == null
                    && values.text(row + "percent") == null) {
                continue;
            }
            BigDecimal percent = values.decimal(row + "percent");
            if (percent == null) {
                values.reject(row + "percent", "give the rate in percent");
            }
            if (values.text(row + "taxClass") == null) {
                values.reject(row + "taxClass", "give the tax class plans name, e.g. standard");
            }
            rates.add(new BillingSettingsService.TaxRate(
                    values.string(row + "taxClass"),
                    values.string(row + "name"),
                    percent == null ? BigDecimal.ZERO : percent,
                    values.checked(row + "inclusive")));
            used.add(i);
        }
        return rates;
    }

    /** The dunning rows as steps; a wholly blank row (no day) is left out. */
    private static List<BillingSettingsService.DunningStep> dunningSteps(
            FormValues values, int rows, List<Integer> used) {
        List<BillingSettingsService.DunningStep> steps = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            String row = "dunningSteps[" + i + "].";
            if (values.text(row + "days") == null) {
                continue;
            }
            Integer days = values.integer(row + "days");
            steps.add(new BillingSettingsService.DunningStep(
                    days == null ? 0 : days,
                    values.string(row + "action").toUpperCase(java.util.Locale.ROOT),
                    values.text(row + "message")));
            used.add(i);
        }
        return steps;
    }

    /** The use case's {@code taxRates[k].name} (k-th rate it was given) as the form row it came from. */
    private static String formRow(String field, List<Integer> rateRows, List<Integer> stepRows) {
        Matcher m = ROW.matcher(field);
        if (!m.matches()) {
            return field;
        }
        List<Integer> rows = m.group(1).equals("taxRates") ? rateRows : stepRows;
        int k = Integer.parseInt(m.group(2));
        return k < rows.size() ? m.group(1) + "[" + rows.get(k) + "]." + m.group(3) : field;
    }

    /**
     * Applies an "add" ({@code add<Kind>}) or "remove" ({@code remove<Kind>=row}) button to the rows; true when one
     * was pressed (the form is then shown again, nothing saved).
     */
    private static boolean edit(
            MultiValueMap<String, String> params,
            String kind,
            List<Map<String, String>> rows,
            Map<String, String> blank) {
        if (params.containsKey("add" + kind)) {
            if (rows.size() < MAX_ROWS) {
                rows.add(new TreeMap<>(blank));
            }
            return true;
        }
        String remove = params.getFirst("remove" + kind);
        if (remove != null) {
            try {
                int row = Integer.parseInt(remove.strip());
                if (row >= 0 && row < rows.size()) {
                    rows.remove(row);
                }
            } catch (NumberFormatException e) {
                // a row the page does not have: nothing to remove
            }
            return true;
        }
        return false;
    }

    /** The submitted rows of one editor in their order, numbered again from 0 (at most {@link #MAX_ROWS}). */
    static List<Map<String, String>> rows(MultiValueMap<String, String> params, String editor, List<String> fields) {
        Map<Integer, Map<String, String>> rows = new TreeMap<>();
        params.forEach((name, list) -> {
            Matcher m = ROW.matcher(name);
            if (m.matches() && m.group(1).equals(editor) && fields.contains(m.group(3)) && !list.isEmpty()) {
                int row = Integer.parseInt(m.group(2));
                if (row < MAX_ROWS) {
                    String value = list.get(list.size() - 1);
                    rows.computeIfAbsent(row, r -> new TreeMap<>()).put(m.group(3), value == null ? "" : value);
                }
            }
        });
        return new ArrayList<>(rows.values());
    }

    private String show(
            FormValues values, List<Map<String, String>> rates, List<Map<String, String>> steps, Model model) {
        for (int i = 0; i < rates.size(); i++) {
            for (String field : TAX_FIELDS) {
                values.put("taxRates[" + i + "]." + field, rates.get(i).getOrDefault(field, ""));
            }
        }
        for (int i = 0; i < steps.size(); i++) {
            for (String field : STEP_FIELDS) {
                values.put("dunningSteps[" + i + "]." + field, steps.get(i).getOrDefault(field, ""));
            }
        }
        model.addAttribute("taxRows", IntStream.range(0, rates.size()).boxed().toList());
        model.addAttribute("stepRows", IntStream.range(0, steps.size()).boxed().toList());
        return form.show(values, null, model);
    }
}
