package io.moonknight.customers.web;

import io.moonknight.customers.internal.ImportService;
import io.moonknight.customers.internal.ImportStatus;
import io.moonknight.shared.web.ProblemException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Upload, map, watch, review: the CSV import screens. */
@Controller
@RequestMapping("/customers/imports")
@PreAuthorize("hasAuthority('customers:import')")
class CustomerImportConsoleController {

    private final ImportService imports;

    CustomerImportConsoleController(ImportService imports) {
        this.imports = imports;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("imports", imports.recent());
        return "customers/imports";
    }

    @PostMapping
    String upload(@RequestParam(required = false) @Nullable MultipartFile file, RedirectAttributes redirect) {
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("flashError", "Choose a CSV file to upload.");
            return "redirect:/customers/imports";
        }
        try (var content = file.getInputStream()) {
            var preview = imports.upload(String.valueOf(file.getOriginalFilename()), content);
            return "redirect:/customers/imports/" + preview.job().id();
        } catch (ProblemException problem) {
            redirect.addFlashAttribute("flashError", problem.summary());
            return "redirect:/customers/imports";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable UUID id, Model model) {
        var preview = imports.preview(id);
        model.addAttribute("preview", preview);
        model.addAttribute("job", preview.job());
        return "customers/import";
    }

    /** The progress panel alone, polled by the page while the import runs. */
    @GetMapping("/{id}/progress")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("job", imports.get(id));
        return "customers/import :: progress";
    }

    @PostMapping("/{id}/start")
    String start(
            @PathVariable UUID id,
            @RequestParam Map<String, String> parameters,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> mapping = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith("map[") && name.endsWith("]")) {
                mapping.put(name.substring(4, name.length() - 1), value);
            }
        });
        try {
            imports.start(id, mapping);
        } catch (ProblemException problem) {
            if (problem.status().value() == 404) {
                throw problem;
            }
            redirect.addFlashAttribute("flashError", problem.summary());
        }
        return "redirect:/customers/imports/" + id;
    }

    @GetMapping("/{id}/rejected")
    ResponseEntity<InputStreamResource> rejected(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejected-rows.csv\"")
                .body(new InputStreamResource(imports.rejectedRows(id)));
    }

    static boolean running(ImportStatus status) {
        return status == ImportStatus.RUNNING;
    }
}
