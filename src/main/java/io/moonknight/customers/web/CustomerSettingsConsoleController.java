package io.moonknight.customers.web;

import io.moonknight.customers.domain.AccountNumberFormat;
import io.moonknight.customers.domain.CustomFieldType;
import io.moonknight.customers.internal.CustomFieldService;
import io.moonknight.customers.internal.CustomerSettings;
import io.moonknight.customers.internal.DocumentTypeService;
import io.moonknight.shared.web.Fields;
import io.moonknight.shared.web.ProblemException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/settings/customers")
@PreAuthorize("hasAuthority('customers:settings')")
class CustomerSettingsConsoleController {

    private final CustomerSettings settings;
    private final CustomFieldService fields;
    private final DocumentTypeService documentTypes;

    CustomerSettingsConsoleController(
            CustomerSettings settings, CustomFieldService fields, DocumentTypeService documentTypes) {
        this.settings = settings;
        this.fields = fields;
        this.documentTypes = documentTypes;
    }

    @GetMapping
    String page(Model model) {
        var format = settings.format();
        model.addAttribute("format", format.pattern());
        model.addAttribute("example", format.format(123));
        model.addAttribute("fields", fields.list());
        model.addAttribute("fieldTypes", CustomFieldType.values());
        model.addAttribute("documentTypes", documentTypes.list());
        return "customers/settings";
    }

    @PostMapping("/account-numbers")
    String accountNumbers(@RequestParam(defaultValue = "") String format, RedirectAttributes redirect) {
        return act(
                redirect,
                "Account number format saved.",
                () -> settings.changeFormat(Fields.parse("format", format.strip(), AccountNumberFormat::new)));
    }

    @PostMapping("/fields")
    String addField(
            @RequestParam(defaultValue = "") String key,
            @RequestParam(defaultValue = "") String label,
            @RequestParam(defaultValue = "TEXT") CustomFieldType type,
            @RequestParam(defaultValue = "false") boolean required,
            @RequestParam(defaultValue = "") String choices,
            RedirectAttributes redirect) {
        List<String> choiceList = Arrays.stream(choices.split(",", -1))
                .map(String::strip)
                .filter(c -> !c.isEmpty())
                .toList();
        return act(
                redirect,
                "Field added.",
                () -> fields.create(
                        key, label, type, required, choiceList, fields.list().size()));
    }

    @PostMapping("/fields/{id}/retire")
    String retireField(@PathVariable UUID id, RedirectAttributes redirect) {
        return act(redirect, "Field retired; stored values are kept.", () -> fields.retire(id));
    }

    @PostMapping("/document-types")
    String addDocumentType(
            @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        return act(redirect, "Document type added.", () -> documentTypes.create(code, name));
    }

    @PostMapping("/document-types/{id}")
    String toggleDocumentType(
            @PathVariable UUID id,
            @RequestParam String name,
            @RequestParam boolean active,
            RedirectAttributes redirect) {
        return act(
                redirect,
                active ? "Document type enabled." : "Document type retired.",
                () -> documentTypes.update(id, name, active));
    }

    private static String act(RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message);
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            var errors = problem.fieldErrors();
            redirect.addFlashAttribute(
                    "flashError",
                    errors.isEmpty()
                            ? problem.detail()
                            : errors.getFirst().field() + ": "
                                    + errors.getFirst().message());
        }
        return "redirect:/settings/customers";
    }
}
