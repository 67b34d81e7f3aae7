package io.moonknight.customers.web;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.internal.CustomFieldService;
import io.moonknight.customers.internal.CustomerFilter;
import io.moonknight.customers.internal.CustomerListItem;
import io.moonknight.customers.internal.CustomerSearch;
import io.moonknight.customers.internal.CustomerService;
import io.moonknight.customers.internal.CustomerView;
import io.moonknight.customers.internal.DocumentService;
import io.moonknight.customers.internal.DocumentTypeService;
import io.moonknight.customers.internal.HistoryService;
import io.moonknight.shared.console.CustomerTab;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/customers")
class CustomerConsoleController {

    private final CustomerService customers;
    private final CustomerSearch search;
    private final CustomFieldService customFields;
    private final DocumentService documents;
    private final DocumentTypeService documentTypes;
    private final HistoryService history;
    private final List<CustomerTab> tabs;

    CustomerConsoleController(
            CustomerService customers,
            CustomerSearch search,
            CustomFieldService customFields,
            DocumentService documents,
            DocumentTypeService documentTypes,
            HistoryService history,
            List<CustomerTab> tabs) {
        this.tabs = tabs;
        this.customers = customers;
        this.search = search;
        this.customFields = customFields;
        this.documents = documents;
        this.documentTypes = documentTypes;
        this.history = history;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('customers:read')")
    String list(@RequestParam MultiValueMap<String, String> params, Model model) {
        var list = ConsoleList.of("/customers", params);
        var filter = new CustomerFilter(
                list.q(), list.choice("status", CustomerStatus.class), list.text("area", 80), list.text("tag", 40));
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("areas", search.areas());
        return list.show(model, search.search(filter, list.pageable(25)), "customers/list");
    }

    @GetMapping("/new")
    @PreAuthorize("hasAuthority('customers:write')")
    String newCustomer(Model model) {
        return form(new CustomerForm(), null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('customers:write')")
    String create(
            @ModelAttribute("form") CustomerForm form, BindingResult result, Model model, RedirectAttributes redirect) {
        try {
            CustomerView customer = customers.create(form.request().draft());
            redirect.addFlashAttribute("flash", "Customer " + customer.accountNumber() + " created.");
            return "redirect:/customers/" + customer.id();
        } catch (ProblemException problem) {
            reject(result, problem);
            return form(form, null, model);
        }
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('customers:read')")
    String show(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "overview") String tab,
            @AuthenticationPrincipal Actor me,
            Model model) {
        CustomerView customer = customers.get(id);
        model.addAttribute("customer", customer);
        List<CustomerTab> extra = tabs.stream()
                .filter(t -> me.can(t.permission()))
                .sorted(java.util.Comparator.comparingInt(CustomerTab::order))
                .toList();
        model.addAttribute("extraTabs", extra);
        CustomerTab current =
                extra.stream().filter(t -> t.id().equals(tab)).findFirst().orElse(null);
        model.addAttribute("extraTab", current);
        model.addAttribute("extraTabPath", current == null ? null : current.pathFor(id));
        model.addAttribute(
                "tab",
                current != null
                                || List.of("overview", "documents", "history", "map")
                                        .contains(tab)
                        ? tab
                        : "overview");
        model.addAttribute("fields", customFields.list());
        model.addAttribute("documents", documents.list(id));
        model.addAttribute("documentTypes", documentTypes.list());
        model.addAttribute(
                "history",
                history.page(id, PageRequest.of(0, 50, Sort.by("occurredAt").descending())));
        model.addAttribute("maps", true);
        return "customers/profile";
    }

    @GetMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('customers:write')")
    String edit(@PathVariable UUID id, Model model) {
        CustomerView customer = customers.get(id);
        return form(CustomerForm.of(customer), customer, model);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('customers:write')")
    String update(
            @PathVariable UUID id,
            @ModelAttribute("form") CustomerForm form,
            BindingResult result,
            Model model,
            RedirectAttributes redirect) {
        CustomerView existing = customers.get(id);
        try {
            customers.update(id, form.request().draft());
            redirect.addFlashAttribute("flash", "Profile saved.");
            return "redirect:/customers/" + id;
        } catch (ProblemException problem) {
            reject(result, problem);
            return form(form, existing, model);
        }
    }

    @PostMapping("/{id}/documents")
    @PreAuthorize("hasAuthority('customer-documents:write')")
    String upload(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "") String type,
            @AuthenticationPrincipal Actor me,
            RedirectAttributes redirect) {
        customers.requireExists(id);
        try {
            if (file == null || file.isEmpty()) {
                throw ProblemException.invalidField("file", "choose a file to upload");
            }
            try (var content = file.getInputStream()) {
                documents.upload(
                        id,
                        type,
                        String.valueOf(file.getOriginalFilename()),
                        file.getSize(),
                        content,
                        me.displayName());
            }
            redirect.addFlashAttribute("flash", "Document uploaded; it awaits review.");
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.summary());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "redirect:/customers/" + id + "?tab=documents";
    }

    @GetMapping("/{id}/documents/{documentId}/content")
    @PreAuthorize("hasAuthority('customer-documents:read')")
    ResponseEntity<InputStreamResource> download(@PathVariable UUID id, @PathVariable UUID documentId) {
        var content = documents.download(id, documentId);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(content.document().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(content.document().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .header(
                        "Content-Security-Policy",
                        "default-src 'none'; img-src 'self'; plugin-types application/pdf; sandbox")
                .body(new InputStreamResource(content.bytes()));
    }

    @PostMapping("/{id}/documents/{documentId}/verify")
    @PreAuthorize("hasAuthority('customer-documents:review')")
    String verify(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @AuthenticationPrincipal Actor me,
            RedirectAttributes redirect) {
        return review(id, redirect, "Document verified.", () -> documents.verify(id, documentId, me.displayName()));
    }

    @PostMapping("/{id}/documents/{documentId}/reject")
    @PreAuthorize("hasAuthority('customer-documents:review')")
    String reject(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal Actor me,
            RedirectAttributes redirect) {
        return review(
                id,
                redirect,
                "Document rejected.",
                () -> documents.reject(id, documentId, me.displayName(), required(reason)));
    }

    @PostMapping("/{id}/documents/{documentId}/remove")
    @PreAuthorize("hasAuthority('customer-documents:write')")
    String remove(
            @PathVariable UUID id,
            @PathVariable UUID documentId,
            @RequestParam(defaultValue = "") String reason,
            @AuthenticationPrincipal Actor me,
            RedirectAttributes redirect) {
        return review(
                id,
                redirect,
                "Document removed.",
                () -> documents.remove(id, documentId, me.displayName(), required(reason)));
    }

    @GetMapping("/map")
    @PreAuthorize("hasAuthority('customers:read')")
    String map(
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            Model model) {
        model.addAttribute("areas", search.areas());
        model.addAttribute("area", area == null ? "" : area);
        model.addAttribute("status", status);
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("maps", true);
        return "customers/map";
    }

    @GetMapping(value = "/map/pins", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAuthority('customers:read')")
    @ResponseBody
    List<CustomerListItem> pins(
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable CustomerStatus status) {
        return search.pins(filter(null, status, area, null), 5000);
    }

    @GetMapping("/export")
    @PreAuthorize("hasAuthority('customers:import')")
    void export(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable CustomerStatus status,
            @RequestParam(required = false) @Nullable String area,
            @RequestParam(required = false) @Nullable String tag,
            HttpServletResponse response)
            throws IOException {
        CustomerCsv.write(search, filter(q, status, area, tag), response);
    }

    private String review(UUID id, RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", message);
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", problem.summary());
        }
        return "redirect:/customers/" + id + "?tab=documents";
    }

    private String form(CustomerForm form, @Nullable CustomerView customer, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("customer", customer);
        model.addAttribute("pageTitle", customer == null ? "New customer" : customer.displayName());
        model.addAttribute("fields", customFields.active());
        model.addAttribute("statuses", CustomerStatus.values());
        model.addAttribute("types", CustomerType.values());
        model.addAttribute("areas", search.areas());
        model.addAttribute("maps", true);
        return "customers/form";
    }

    private static void reject(BindingResult result, ProblemException problem) {
        if (problem.fieldErrors().isEmpty()) {
            result.reject(problem.type(), problem.detail());
            return;
        }
        for (var error : problem.fieldErrors()) {
            String field = CustomerForm.formField(error.field());
            try {
                result.rejectValue(field, problem.type(), error.message());
            } catch (RuntimeException notAField) {
                result.reject(problem.type(), error.field() + ": " + error.message());
            }
        }
    }

    private static String required(String reason) {
        String trimmed = reason.strip();
        if (trimmed.isEmpty() || trimmed.length() > 500) {
            throw ProblemException.invalidField("reason", "give a reason of up to 500 characters");
        }
        return trimmed;
    }

    private static CustomerFilter filter(
            @Nullable String q, @Nullable CustomerStatus status, @Nullable String area, @Nullable String tag) {
        return new CustomerFilter(cap(q, 200), status, cap(area, 80), cap(tag, 40));
    }

    private static @Nullable String cap(@Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.length() > max ? trimmed.substring(0, max) : trimmed;
    }
}
