package io.moonknight.customers.internal;

import io.moonknight.customers.domain.ImportColumns;
import io.moonknight.customers.domain.ImportField;
import io.moonknight.shared.security.Actor;
import io.moonknight.shared.storage.FileStorage;
import io.moonknight.shared.tenant.TenantContext;
import io.moonknight.shared.web.ProblemException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * CSV import from an ISP's old system: upload, preview with a suggested column mapping, start, follow the
 * progress, download the rejected rows with reasons. Rows are matched by account number, so importing the
 * same file again changes nothing.
 */
@Service
public class ImportService {

    static final long MAX_FILE_BYTES = 50L * 1024 * 1024;

    private final ImportRepository imports;
    private final FileStorage storage;
    private final CustomFieldService customFields;
    private final ImportRunner runner;
    private final Clock clock;

    ImportService(
            ImportRepository imports,
            FileStorage storage,
            CustomFieldService customFields,
            ImportRunner runner,
            Clock clock) {
        this.imports = imports;
        this.storage = storage;
        this.customFields = customFields;
        this.runner = runner;
        this.clock = clock;
    }

    /** What the preview screen shows: the columns, a few rows, the suggested mapping, and the possible targets. */
    public record Preview(
            ImportView job,
            List<Map<String, String>> sample,
            Map<String, String> suggested,
            Map<String, String> targets) {}

    @Transactional
    public Preview upload(String fileName, InputStream content) {
        UUID id = UUID.randomUUID();
        String key = "tenants/" + TenantContext.require() + "/customer-imports/" + id + ".csv";
        try {
            storage.put(key, content, MAX_FILE_BYTES);
        } catch (FileStorage.TooLarge e) {
            throw ProblemException.invalidField("file", "is larger than " + MAX_FILE_BYTES / (1024 * 1024) + " MB");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> columns = header(key);
        String name =
                fileName.isBlank() ? "import.csv" : fileName.length() > 200 ? fileName.substring(0, 200) : fileName;
        var job = imports.save(new ImportJob(
                id, name, key, columns, Actor.current().map(Actor::displayName).orElse("system"), clock.instant()));
        return preview(job);
    }

    @Transactional(readOnly = true)
    public Preview preview(UUID id) {
        return preview(load(id));
    }

    /**
     * Starts the import with the chosen mapping (header to target); it runs in the background after this
     * transaction commits.
     */
    @Transactional
    public ImportView start(UUID id, Map<String, String> mapping) {
        ImportJob job = load(id);
        Map<String, String> checked = checkMapping(job.columns(), mapping);
        job.start(checked, clock.instant());
        imports.save(job);
        UUID tenant = TenantContext.require();
        Actor actor = Actor.current().orElse(null);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                runner.launch(tenant, id, actor);
            }
        });
        return job.view();
    }

    @Transactional(readOnly = true)
    public ImportView get(UUID id) {
        return load(id).view();
    }

    @Transactional(readOnly = true)
    public List<ImportView> recent() {
        return imports.findTop20ByOrderByCreatedAtDesc().stream()
                .map(ImportJob::view)
                .toList();
    }

    /** The rejected rows as CSV: the original columns, the row number and the reasons. */
    @Transactional(readOnly = true)
    public InputStream rejectedRows(UUID id) {
        ImportJob job = load(id);
        String key = job.rejectedKey();
        if (key == null) {
            throw ProblemException.conflict("no-rejected-rows", "This import has no rejected rows (yet)");
        }
        try {
            return storage.open(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Preview preview(ImportJob job) {
        Map<String, String> customs = new LinkedHashMap<>();
        customFields.active().forEach(field -> customs.put(field.key(), field.label()));
        Map<String, String> targets = new LinkedHashMap<>();
        for (ImportField field : ImportField.values()) {
            targets.put(field.name(), field.label());
        }
        customs.forEach((key, label) -> targets.put(ImportField.CUSTOM_PREFIX + key, "Custom: " + label));
        return new Preview(
                job.view(), sample(job.storageKey(), 5), ImportColumns.suggest(job.columns(), customs), targets);
    }

    private Map<String, String> checkMapping(List<String> columns, Map<String, String> mapping) {
        var known = new HashSet<String>();
        for (ImportField field : ImportField.values()) {
            known.add(field.name());
        }
        customFields.active().forEach(field -> known.add(ImportField.CUSTOM_PREFIX + field.key()));
        Map<String, String> checked = new LinkedHashMap<>();
        var used = new HashSet<String>();
        for (var entry : mapping.entrySet()) {
            if (!columns.contains(entry.getKey())) {
                throw ProblemException.invalidField("mapping", "'" + entry.getKey() + "' is not a column of the file");
            }
            if (!known.contains(entry.getValue())) {
                throw ProblemException.invalidField(
                        "mapping", "'" + entry.getValue() + "' is not something a column can be imported as");
            }
            if (!entry.getValue().equals(ImportField.IGNORE.name()) && !used.add(entry.getValue())) {
                throw ProblemException.invalidField("mapping", "two columns are mapped to " + entry.getValue());
            }
            checked.put(entry.getKey(), entry.getValue());
        }
        if (!used.contains(ImportField.ACCOUNT_NUMBER.name())) {
            throw ProblemException.invalidField(
                    "mapping",
                    "map a column to Account number: it recognises existing customers, so re-importing changes"
                            + " nothing");
        }
        return checked;
    }

    private List<String> header(String key) {
        try (var in = storage.open(key);
                var reader = new BufferedReader(CsvFiles.reader(in))) {
            String first = reader.readLine();
            if (first == null || first.isBlank()) {
                throw ProblemException.invalidField("file", "is empty; the first line must name the columns");
            }
            try (var parser = CsvFiles.format(first).parse(new java.io.StringReader(first + "\n"))) {
                List<String> columns = parser.getHeaderNames().stream()
                        .filter(h -> !h.isBlank())
                        .toList();
                if (columns.isEmpty()) {
                    throw ProblemException.invalidField("file", "the first line must name the columns");
                }
                return columns;
            }
        } catch (IOException | IllegalArgumentException e) {
            throw ProblemException.invalidField("file", "is not a readable CSV file: " + e.getMessage());
        }
    }

    private List<Map<String, String>> sample(String key, int rows) {
        List<Map<String, String>> sample = new ArrayList<>();
        try (var in = storage.open(key);
                var reader = new BufferedReader(CsvFiles.reader(in))) {
            reader.mark(64 * 1024);
            String first = reader.readLine();
            reader.reset();
            if (first == null) {
                return sample;
            }
            try (var parser = CsvFiles.format(first).parse(reader)) {
                for (CSVRecord record : parser) {
                    if (sample.size() >= rows) {
                        break;
                    }
                    sample.add(record.toMap());
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // A broken row (an unbalanced quote reads to the end of the file) ends the preview; the import
            // itself reports the row.
            return sample;
        }
        return sample;
    }

    private ImportJob load(UUID id) {
        return imports.findById(id).orElseThrow(() -> ProblemException.notFound("Import", id));
    }
}
