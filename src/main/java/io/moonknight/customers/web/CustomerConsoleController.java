package io.moonknight.customers.web;

import io.moonknight.customers.CustomerStatus;
import io.moonknight.customers.CustomerType;
import io.moonknight.customers.domain.AccountNumber;
import io.moonknight.customers.domain.GeoPoint;
import io.moonknight.customers.internal.Address;
import io.moonknight.customers.internal.CustomFieldService;
import io.moonknight.customers.internal.CustomerDraft;
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
import io.moonknight.shared.values.EmailAddress;
import io.moonknight.shared.values.PhoneNumber;
import io.moonknight.shared.web.ConsoleForm;
import io.moonknight.shared.web.ConsoleList;
import io.moonknight.shared.web.FormValues;
import io.moonknight.shared.web.ProblemException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
import org.springframework.web.bind.annotation.GetMapping;
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
    private final ConsoleForm<CustomerView> customerForm = ConsoleForm.<CustomerView>of("customers/form", "customer")
            .title(customer -> customer == null ? "New customer" : customer.displayName())
            .options(this::formOptions)
            .fieldNames(CustomerConsoleController::inputName);

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
        var defaults = FormValues.empty()
                .put("type", CustomerType.INDIVIDUAL)
                .put("status", CustomerStatus.LEAD)
                .put("billingSame", true);
        return customerForm.show(defaults, null, model);
    }

    @PostMapping("/new")
    @PreAuthorize("hasAuthority('customers:write')")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        return customerForm.submit(params, null, model, redirect, values -> {
            CustomerView customer = customers.create(draft(values, true));
            return new FormValues.Saved(
                    "Customer " + customer.accountNumber() + " created.", "/customers/" + customer.id());
        });
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
        return customerForm.show(values(customer), customer, model);
    }

    @PostMapping("/{id}/edit")
    @PreAuthorize("hasAuthority('customers:write')")
    String update(
            @PathVariable UUID id,
            @RequestParam MultiValueMap<String, String> params,
            Model model,
            RedirectAttributes redirect) {
        return customerForm.submit(params, customers.get(id), model, redirect, values -> {
            customers.update(id, draft(values, false));
            return new FormValues.Saved("Profile saved.", "/customers/" + id);
        });
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

    private void formOptions(Model model, @Nullable CustomerView customer) {
        model.addAttribute("fields", customFields.active());
        model.addAttribute("statuses", FormValues.options(CustomerStatus.values()));
        model.addAttribute("types", FormValues.options(CustomerType.values()));
        model.addAttribute("areas", search.areas());
        model.addAttribute("maps", true);
    }

    /** The edit form filled from the customer: two phone and two email inputs, the addresses field by field. */
    private static FormValues values(CustomerView customer) {
        var values = FormValues.empty()
                .put("type", customer.type())
                .put("firstName", customer.firstName())
                .put("lastName", customer.lastName())
                .put("companyName", customer.companyName())
                .put("nationalId", customer.nationalId())
                .put("taxId", customer.taxId())
                .put("status", customer.status())
                .put("area", customer.area())
                .put("tags", String.join(", ", customer.tags()))
                .put("notes", customer.notes())
                .put("billingSame", customer.billingSameAsInstallation());
        for (int i = 0; i < 2; i++) {
            values.put(
                    "phone" + (i + 1),
                    i < customer.phones().size() ? customer.phones().get(i) : null);
            values.put(
                    "email" + (i + 1),
                    i < customer.emails().size() ? customer.emails().get(i) : null);
        }
        customer.customFields().forEach((key, value) -> values.put(customField(key), value));
        putAddress(values, "install.", customer.installationAddress());
        putAddress(values, "billing.", customer.billingAddress());
        return values;
    }

    private static void putAddress(FormValues values, String prefix, Address address) {
        values.put(prefix + "line1", address.line1())
                .put(prefix + "line2", address.line2())
                .put(prefix + "city", address.city())
                .put(prefix + "region", address.region())
                .put(prefix + "postalCode", address.postalCode())
                .put(prefix + "country", address.country())
                .put(prefix + "latitude", address.latitude())
                .put(prefix + "longitude", address.longitude());
    }

    /**
     * The customer as typed: every value object parses its own input (a malformed phone is an error on that phone),
     * then the use case checks the rules across fields ("give at least one phone number or email address").
     */
    private CustomerDraft draft(FormValues values, boolean creating) {
        AccountNumber accountNumber = creating ? optional(values, "accountNumber", AccountNumber::new) : null;
        CustomerType type = values.choice("type", CustomerType.class);
        List<PhoneNumber> phones = new ArrayList<>();
        List<EmailAddress> emails = new ArrayList<>();
        for (int i = 1; i <= 2; i++) {
            PhoneNumber phone = optional(values, "phone" + i, PhoneNumber::new);
            if (phone != null) {
                phones.add(phone);
            }
            EmailAddress email = optional(values, "email" + i, EmailAddress::new);
            if (email != null) {
                emails.add(email);
            }
        }
        CustomerStatus status = values.choice("status", CustomerStatus.class);
        Map<String, String> custom = new LinkedHashMap<>();
        for (var field : customFields.active()) {
            custom.put(field.key(), values.string(customField(field.key())));
        }
        Address installation = address(values, "install.");
        Address billing = values.checked("billingSame") ? null : address(values, "billing.");
        values.check();
        return new CustomerDraft(
                accountNumber,
                type == null ? CustomerType.INDIVIDUAL : type,
                values.text("firstName"),
                values.text("lastName"),
                values.text("companyName"),
                phones,
                emails,
                values.text("nationalId"),
                values.text("taxId"),
                status == null ? CustomerStatus.LEAD : status,
                values.text("area"),
                values.list("tags").stream().distinct().toList(),
                values.text("notes"),
                custom,
                installation == null ? Address.EMPTY : installation,
                billing);
    }

    /** A blank input is no value; anything else must parse. */
    private static <T> @Nullable T optional(FormValues values, String name, Function<String, T> parser) {
        return values.text(name) == null ? null : values.parsed(name, parser);
    }

    /**
     * An address typed in the inputs under {@code prefix}: each line checked by {@link Address} on its own input,
     * the pin as two numbers checked by {@link GeoPoint}; null (with the errors on the form) when any is refused.
     */
    private static @Nullable Address address(FormValues values, String prefix) {
        List<String> lines = List.of("line1", "line2", "city", "region", "postalCode", "country");
        List<@Nullable String> text = new ArrayList<>();
        boolean valid = true;
        for (String line : lines) {
            String name = prefix + line;
            String typed = values.text(name);
            text.add(typed);
            valid &= values.parsed(name, value -> addressWith(line, value)) != null;
        }
        Double latitude = coordinate(values, prefix + "latitude");
        Double longitude = coordinate(values, prefix + "longitude");
        if ((latitude == null) != (longitude == null)) {
            values.reject(
                    prefix + (latitude == null ? "latitude" : "longitude"),
                    "a map pin needs both latitude and longitude");
            valid = false;
        } else if (latitude != null && longitude != null) {
            valid &= values.parsed(prefix + "latitude", value -> new GeoPoint(latitude, 0)) != null;
            valid &= values.parsed(prefix + "longitude", value -> new GeoPoint(0, longitude)) != null;
        }
        if (!valid || values.hasErrors()) {
            return null;
        }
        return new Address(
                text.get(0), text.get(1), text.get(2), text.get(3), text.get(4), text.get(5), latitude, longitude);
    }

    /** An address holding only {@code line}, so that {@link Address} checks that one input. */
    private static Address addressWith(String line, String value) {
        return switch (line) {
            case "line1" -> new Address(value, null, null, null, null, null, null, null);
            case "line2" -> new Address(null, value, null, null, null, null, null, null);
            case "city" -> new Address(null, null, value, null, null, null, null, null);
            case "region" -> new Address(null, null, null, value, null, null, null, null);
            case "postalCode" -> new Address(null, null, null, null, value, null, null, null);
            default -> new Address(null, null, null, null, null, value, null, null);
        };
    }

    /** A coordinate as the map or a person types it (a decimal comma is read as a point). */
    private static @Nullable Double coordinate(FormValues values, String name) {
        String typed = values.text(name);
        if (typed == null) {
            return null;
        }
        try {
            double value = Double.parseDouble(typed.replace(',', '.'));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        values.reject(name, "enter a number such as 23.7465");
        return null;
    }

    private static String customField(String key) {
        return "customFields[" + key + "]";
    }

    /** The input showing a use case's field error. */
    private static String inputName(String field) {
        return switch (field) {
            case "phones", "phones[0]" -> "phone1";
            case "phones[1]" -> "phone2";
            case "emails", "emails[0]" -> "email1";
            case "emails[1]" -> "email2";
            case "installationAddress" -> "install.line1";
            case "billingAddress" -> "billing.line1";
            default ->
                field.startsWith("customFields.") ? customField(field.substring("customFields.".length())) : field;
        };
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
